/**
 * `npm run new -- "Headline" --section <id> --author <id> [--standfirst "…"] [--slug <slug>]`
 *
 * Writes `<content>/articles/<year>/<slug>.md`, dated now in the paper's zone
 * (`BUILD_TIME` overrides now), with a first paragraph to replace and the
 * free-limit marker in place, and prints its path. Refuses an unknown section
 * or author (listing the known ones) and a slug already taken. Run by Node
 * directly (type stripping, with src/lib/resolve-ts.mjs).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listMarkdownFiles } from '../archive/content-files';
import { parseYamlText } from '../archive/frontmatter';
import { resolveBuildEnv } from '../context/env';
import { newArticleMarkdown, slugFromHeadline, zonedDateTime } from './new-article-file';
import { ID_HINT, ID_PATTERN, idKey, reservedIdReason } from '../schemas/id';
import { sectionsFileSchema } from '../schemas/section';
import settings from '../settings';

const USAGE = `Usage: npm run new -- "Headline" --section <id> --author <id> [--standfirst "…"] [--slug <slug>]

  Writes content/articles/<year>/<slug>.md (CONTENT_DIR for another folder),
  dated now in the paper's time zone, and prints its path.
  --standfirst   the summary under the headline (default: a TODO to replace)
  --slug         the file name and URL (default: from the headline)`;

type Options = { title: string; section: string; author: string; standfirst?: string; slug?: string };

/** Reads the arguments; returns an error message instead of options when they're wrong. */
function parseArgs(args: string[]): Options | string {
  const named: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const option = /^--(section|author|standfirst|slug)(?:=(.*))?$/s.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined || value.trim() === '') return `--${option[1]} needs a value`;
      named[option[1]!] = value.trim();
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else positional.push(arg);
  }
  if (positional.length !== 1 || !positional[0]!.trim()) return 'give the headline, in quotes, once';
  const { section, author, standfirst, slug } = named;
  if (!section) return '--section is required';
  if (!author) return '--author is required';
  return { title: positional[0]!.trim(), section, author, ...(standfirst ? { standfirst } : {}), ...(slug ? { slug } : {}) };
}

function main(args: string[]): number {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseArgs(args);
  if (typeof options === 'string') {
    console.error(`new: ${options}\n\n${USAGE}`);
    return 2;
  }
  const cwd = process.cwd();
  const env = resolveBuildEnv(process.env, settings, cwd, new Date());
  const { contentDir } = env;
  const show = (file: string) => {
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
  };

  const sectionsFile = path.join(contentDir, 'sections.yaml');
  let sectionIds: string[];
  try {
    const parsed = sectionsFileSchema.safeParse(parseYamlText(readFileSync(sectionsFile, 'utf8')).data ?? []);
    if (!parsed.success) throw new Error('it has problems');
    sectionIds = parsed.data.map((section) => section.id);
  } catch (error) {
    console.error(`new: cannot read the sections in ${show(sectionsFile)} (${(error as Error).message.split('\n')[0]}); npm run check says what is wrong`);
    return 1;
  }
  const authorIds = listMarkdownFiles(path.join(contentDir, 'authors'), { recursive: false }).files.map((file) => path.basename(file, '.md'));
  const problems: string[] = [];
  if (!sectionIds.includes(options.section)) problems.push(`section "${options.section}" is not a known section (known: ${sectionIds.join(', ') || 'none'})`);
  if (!authorIds.includes(options.author)) problems.push(`author "${options.author}" is not a known author (known: ${authorIds.join(', ') || 'none'})`);

  const slug = options.slug ?? slugFromHeadline(options.title);
  if (!slug) problems.push(`no slug can be made from the headline "${options.title}" (it has no Latin letters or digits); give one with --slug`);
  else if (!ID_PATTERN.test(slug)) problems.push(`slug "${slug}" must be ${ID_HINT}`);
  else {
    const reserved = reservedIdReason(slug);
    if (reserved) problems.push(`slug "${slug}" is a reserved name (${reserved}); choose another with --slug`);
    // Any folder, any case or accent encoding: they would all be /articles/<slug>/.
    const taken = listMarkdownFiles(path.join(contentDir, 'articles'), { recursive: true }).files.find(
      (file) => idKey(path.basename(file, '.md')) === idKey(slug),
    );
    if (taken) problems.push(`slug "${slug}" is taken by ${show(taken)}; choose another with --slug`);
  }
  if (problems.length > 0) {
    for (const problem of problems) console.error(`new: ${problem}`);
    return 1;
  }

  const date = zonedDateTime(env.buildTime, settings.timeZone);
  const file = path.join(contentDir, 'articles', date.slice(0, 4), `${slug}.md`);
  // Checked above in every folder; this guards the moment between, and a folder of the same name.
  if (existsSync(file)) {
    console.error(`new: ${show(file)} already exists`);
    return 1;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, newArticleMarkdown({ ...options, date }), { flag: 'wx' });
  console.log(show(file));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`new: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
