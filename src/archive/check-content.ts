import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER } from '../lib/new-article';
import { ContentError, type ContentIssue } from './errors';
import { readFrontFile } from './front-file';
import { splitFrontmatter } from './frontmatter';
import { readArchive, type ArchiveOptions } from './read-archive';

/** A content problem as `npm run check` prints it: `file:line: field: message`. */
export interface LocatedIssue {
  file: string;
  /** Line of the file, counting the frontmatter's opening `---`, when the message names one. */
  line?: number;
  field?: string;
  message: string;
}

/**
 * Finds the line a content issue names and moves it to the front, so an editor
 * can jump to it: `line 14: picture …` and `… (line 5)` lose the words they no
 * longer need; a message naming several lines (`lines 12, 30`) keeps them and
 * is placed at the first. A YAML error reported on the file is put under the
 * field `frontmatter`, the part of the file it is about.
 */
export function locateIssue(issue: ContentIssue & { line?: number }): LocatedIssue {
  let { message } = issue;
  let field = issue.field;
  let line = issue.line;
  if (!field && message.startsWith('frontmatter ')) {
    field = 'frontmatter';
    message = message.slice('frontmatter '.length);
  }
  const prefix = /^line (\d+): /.exec(message);
  const suffix = /\s\(line (\d+)\)$/.exec(message);
  if (prefix) {
    line ??= Number(prefix[1]);
    message = message.slice(prefix[0].length);
  } else if (suffix) {
    line ??= Number(suffix[1]);
    message = message.slice(0, suffix.index);
  } else {
    const named = /\blines? (\d+)/.exec(message);
    if (named) line ??= Number(named[1]);
  }
  return { file: issue.file, ...(line === undefined ? {} : { line }), ...(field ? { field } : {}), message };
}

/** `content/articles/x.md:14: body: picture "./crane.png" is not found (…)` */
export function formatLocated({ file, line, field, message }: LocatedIssue): string {
  return `${file}${line === undefined ? '' : `:${line}`}: ${field ? `${field}: ` : ''}${message}`;
}

export interface CheckResult {
  /** Every problem, in the order the build reports them (file order). */
  issues: LocatedIssue[];
  /** What the build would warn about (unknown fields, files that are not `.md`): not problems. */
  warnings: string[];
  /** How many articles, authors and sections were read without a problem. */
  counts: { articles: number; authors: number; sections: number };
}

export interface CheckOptions extends Omit<ArchiveOptions, 'edition' | 'sealWith' | 'includeUnpublished'> {
  /**
   * Report only problems in these files (paths as the build shows them,
   * relative to `displayRoot`); references still resolve against the whole
   * folder. Every file when absent.
   */
  only?: readonly string[];
}

/**
 * Validates a content folder as a build would, without building a page: every
 * file (drafts and embargoed articles too) for its frontmatter, references, duplicate slugs and names, and every body
 * rendered for the public edition (the free limit and every cut check), then,
 * for files with no problem there, the whole body for the subscriber edition,
 * so a missing picture after the free limit is found too (a public build never
 * reads those pictures; the subscriber edition needs them).
 */
export async function checkContent({ only, ...given }: CheckOptions): Promise<CheckResult> {
  // Drafts and embargoed pieces are checked too: they are what a writer is working on.
  const options = { ...given, includeUnpublished: true };
  const publicRead = await readSafely({ ...options, edition: 'public' });
  const flagged = new Set(publicRead.issues.map((issue) => issue.file));
  // Its problems in files the public read already flagged would only be the same ones again.
  const wholeRead = await readSafely({ ...options, edition: 'subscribers' });
  const extra: ContentIssue[] = wholeRead.issues.filter((issue) => !flagged.has(issue.file));
  // front.yaml names articles: checked against a clean read, as the build checks it.
  const show = (file: string) => {
    const relative = path.relative(options.displayRoot, file);
    return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
  };
  if (publicRead.archive) extra.push(...readFrontFile(options.contentDir, show, publicRead.archive.articles).issues);
  const wanted = only && new Set(only.map((file) => file.split(path.sep).join('/')));
  const issues = [...publicRead.issues, ...extra]
    .filter((issue) => !wanted || wanted.has(issue.file))
    .map(locateIssue)
    .map((issue) => withFieldLine(issue, options.displayRoot));
  // What `npm run new` left for the writer: valid, so a draft can be committed, but not to be published.
  const placeholders = (publicRead.archive?.articles ?? []).flatMap(({ data, html }) =>
    data.standfirst.startsWith(PLACEHOLDER) || html.includes(`>${PLACEHOLDER}`) ? [`${data.source}: still has ${PLACEHOLDER} placeholders from npm run new; write the story before it is published`] : [],
  );
  const warnings = [...(publicRead.archive?.warnings ?? []), ...placeholders].filter((warning) => !wanted || [...wanted].some((file) => warning.startsWith(`${file}: `)));
  const archive = publicRead.archive;
  return {
    issues,
    warnings,
    counts: archive
      ? { articles: archive.articles.length, authors: archive.authors.length, sections: archive.sections.length }
      : { articles: 0, authors: 0, sections: 0 },
  };
}

async function readSafely(options: ArchiveOptions) {
  try {
    return { archive: await readArchive(options), issues: [] as readonly ContentIssue[] };
  } catch (error) {
    if (error instanceof ContentError) return { archive: undefined, issues: error.issues };
    throw error;
  }
}

/**
 * Adds the line of a frontmatter field the reader did not locate (`author:
 * "bob" is not a known author` is found after the YAML was read, where lines
 * are no longer at hand), by reading the file's frontmatter again.
 */
function withFieldLine(issue: LocatedIssue, displayRoot: string): LocatedIssue {
  if (issue.line !== undefined || !issue.field || issue.field === 'body' || issue.field === 'frontmatter' || !issue.file.endsWith('.md')) return issue;
  try {
    const { lineOf } = splitFrontmatter(readFileSync(path.resolve(displayRoot, issue.file), 'utf8'));
    const line = lineOf(issue.field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)));
    return line === undefined ? issue : { ...issue, line };
  } catch {
    // Its frontmatter was readable a moment ago; without it the problem is still worth printing, lineless.
    return issue;
  }
}
