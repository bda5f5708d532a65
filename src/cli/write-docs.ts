/**
 * `npm run docs [-- --check]`
 *
 * Writes the generated parts of `docs/` (`docs-pages.ts`): the article field
 * table in `docs/writing.md` and `docs/errors.md`. With `--check`, changes
 * nothing and exits 1 when a page is out of step with the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorsPage, withFieldTable } from './docs-pages';

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../docs');

function main(args: string[]): number {
  const check = args.includes('--check');
  const writing = path.join(docs, 'writing.md');
  const pages = [
    { file: writing, text: withFieldTable(readFileSync(writing, 'utf8')) },
    { file: path.join(docs, 'errors.md'), text: errorsPage() },
  ];
  let stale = 0;
  for (const { file, text } of pages) {
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // A page not written yet is out of step.
    }
    if (old === text) continue;
    stale += 1;
    const shown = path.relative(process.cwd(), file);
    if (check) console.error(`docs: ${shown} is out of step with the code; run npm run docs`);
    else {
      writeFileSync(file, text);
      console.log(`docs: wrote ${shown}`);
    }
  }
  return check && stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
