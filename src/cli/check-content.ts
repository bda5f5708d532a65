/**
 * `npm run check [-- file.md …]`
 *
 * Validates the content folder (`CONTENT_DIR`, default `content/`) as a build
 * would, without building pages, and prints every problem as
 * `file:line: field: message [code]` (the code's section in docs/errors.md says more). Exits 1 when there are problems, 0 when the
 * content is clean, 2 when it could not run. With file paths, reports only
 * those files' problems (references still resolve against the whole folder):
 * the pre-commit hook passes the staged ones. Run by Node directly (type
 * stripping, with src/lib/resolve-ts.mjs for extensionless imports).
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { checkContent } from '../archive/check-content';
import { resolveBuildEnv } from '../context/env';
import { formatIssueWithHint } from '../errors/content-issue';
import settings from '../settings';

const USAGE = `Usage: npm run check [-- <file.md> …]

  Checks every file in the content folder (CONTENT_DIR, default content/).
  With files, reports only the problems in those files.`;

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const unknown = args.find((arg) => arg.startsWith('-'));
  if (unknown) {
    console.error(`check: unknown option ${unknown}\n\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const cwd = process.cwd();
  const env = resolveBuildEnv(process.env, settings, cwd, new Date());
  // Named as the reader names files: relative to here, or absolute when outside.
  const shown = (file: string) => {
    const relative = path.relative(cwd, path.resolve(cwd, file));
    return relative.startsWith('..') ? path.resolve(cwd, file) : relative;
  };
  const only = args.length > 0 ? args.map(shown) : undefined;
  const result = await checkContent({
    contentDir: env.contentDir,
    displayRoot: cwd,
    settings,
    basePath: env.basePath,
    cacheDir: env.cacheDir,
    threads: env.threads ?? availableParallelism(),
    ...(only ? { only } : {}),
  });
  for (const warning of result.warnings) console.log(`warning: ${formatIssueWithHint(warning)}`);
  for (const issue of result.issues) console.log(formatIssueWithHint(issue));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const scope = only ? `${only.length} ${only.length === 1 ? 'file' : 'files'}` : shown(env.contentDir) || '.';
  if (result.issues.length > 0) {
    const files = new Set(result.issues.map((issue) => issue.file)).size;
    const problems = result.issues.length === 1 ? '1 problem' : `${result.issues.length} problems`;
    console.log(`\n${problems} in ${files === 1 ? '1 file' : `${files} files`} (checked ${scope} in ${seconds} s)`);
    return 1;
  }
  if (only) {
    console.log(`No problems in ${scope} (checked in ${seconds} s)`);
    return 0;
  }
  const { articles, authors, sections } = result.counts;
  console.log(`No problems: ${articles} articles, ${authors} authors, ${sections} sections (checked ${scope} in ${seconds} s)`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A setting or environment problem (SITE_URL, MASTHEAD_THREADS…), not a content one.
    console.error(`check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
