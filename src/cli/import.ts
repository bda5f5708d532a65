/**
 * `npm run import -- <wordpress|ghost> <export file> [options]`
 *
 * Moves an archive in: reads a WordPress export (WXR) or a Ghost export
 * (JSON), writes articles, authors, sections and pictures into the content
 * folder (`--out`, default `CONTENT_DIR` or `content/`), the redirects from
 * the old addresses, and a report of everything it changed, guessed or could
 * not carry. Safe to run again. See docs/moving-in.md. Run by Node directly
 * (type stripping, with src/lib/resolve-ts.mjs for extensionless imports).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveBuildEnv } from '../context/env';
import { createUrls } from '../lib/urls';
import { runImport } from '../import/run-import';
import settings from '../settings';

const USAGE = `Usage: npm run import -- <wordpress|ghost|feed> <export file> [options]

  wordpress: the XML file of Tools → Export; ghost: the JSON file of Settings → Migrate;
  feed: an RSS or Atom file (full-text feeds carry whole articles)

  --uploads DIR        WordPress: the wp-content/uploads folder (pictures are copied from it)
  --images DIR         Ghost: the content/images folder
  --out DIR            the content folder to write (default: CONTENT_DIR, or content/)
  --map FILE           YAML: old category or tag slug → section id (old-slug: new-id)
  --more-is-paywall    WordPress: <!--more--> marks where the paid part starts
  --default-section ID section for posts with none (default: news)
  --redirects FILE     where the _redirects file goes (default: public/_redirects)
  --report DIR         where the report goes (default: import-report/)
  --check              run npm run check on the folder afterwards`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        uploads: { type: 'string' },
        images: { type: 'string' },
        out: { type: 'string' },
        map: { type: 'string' },
        'more-is-paywall': { type: 'boolean', default: false },
        'default-section': { type: 'string', default: 'news' },
        redirects: { type: 'string' },
        report: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [source, exportFile, ...extra] = positionals;
  if ((source !== 'wordpress' && source !== 'ghost' && source !== 'feed') || !exportFile || extra.length > 0) {
    console.error(`import: name the source (wordpress, ghost or feed) and one export file\n\n${USAGE}`);
    return 2;
  }
  const cwd = process.cwd();
  const env = resolveBuildEnv(process.env, settings, cwd, new Date());
  const outDir = values.out ? path.resolve(cwd, values.out) : env.contentDir;
  const urls = createUrls(env.basePath);
  const interactive = process.stderr.isTTY;
  const started = performance.now();
  const result = await runImport({
    source,
    exportFile: path.resolve(cwd, exportFile),
    outDir,
    ...(values.uploads || values.images ? { picturesDir: path.resolve(cwd, (values.uploads ?? values.images)!) } : {}),
    ...(values.map ? { mapFile: path.resolve(cwd, values.map) } : {}),
    moreIsPaywall: values['more-is-paywall'],
    defaultSection: values['default-section'],
    freeParagraphs: settings.freeParagraphs,
    defaultAccess: settings.defaultAccess,
    articleUrl: (slug) => urls.article(slug),
    redirectsFile: path.resolve(cwd, values.redirects ?? 'public/_redirects'),
    reportDir: path.resolve(cwd, values.report ?? 'import-report'),
    progress: (posts) => {
      const seconds = (performance.now() - started) / 1000;
      const line = `read ${posts.toLocaleString('en')} posts in ${seconds.toFixed(0)} s (${Math.round(posts / Math.max(seconds, 0.001)).toLocaleString('en')} a second)`;
      if (interactive) process.stderr.write(`\r${line}`);
      else console.error(line);
    },
  });
  if (interactive) process.stderr.write('\n');
  console.log(result.text);
  console.log(`(${result.summary.seconds.toFixed(1)} s; the report is saved in ${path.relative(cwd, path.resolve(cwd, values.report ?? 'import-report')) || '.'}/report.txt)`);
  if (values.check) {
    const { checkContent } = await import('../archive/check-content');
    const { formatIssueWithHint } = await import('../errors/content-issue');
    const checked = await checkContent({ contentDir: outDir, displayRoot: cwd, settings, basePath: env.basePath, cacheDir: env.cacheDir, threads: env.threads ?? 1 });
    for (const issue of checked.issues) console.log(formatIssueWithHint(issue));
    console.log(checked.issues.length === 0 ? `No problems in ${path.relative(cwd, outDir) || '.'}` : `${checked.issues.length} problems`);
    if (checked.issues.length > 0) return 1;
  }
  return result.summary.refused > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
