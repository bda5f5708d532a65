/**
 * The paper's typeface files: Source Serif 4 from `@fontsource/source-serif-4`
 * (its Latin files, SIL Open Font License), cut down to the letters an
 * English-language paper sets and the layout features its stylesheet uses,
 * written as WOFF2 to `src/styles/fonts/`, where the stylesheet's
 * `@font-face` rules find them (Astro hashes them into `/_astro/`).
 *
 *   node --experimental-strip-types scripts/subset-fonts.ts
 *
 * Run it again after upgrading the Fontsource package or changing the
 * letters in `scripts/font-subset.ts`, and commit the files it writes (with
 * the licence beside them). The unicode-range in `src/styles/fonts.css` must
 * name the same letters: the unit test `tests/unit/fonts.test.ts` checks
 * both.
 *
 * Run by Node directly (type stripping): erasable TypeScript only.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FONT_FILES, subsetFace } from './font-subset.ts';

const fontsource = fileURLToPath(new URL('../node_modules/@fontsource/source-serif-4/', import.meta.url));
const outDir = fileURLToPath(new URL('../src/styles/fonts/', import.meta.url));
mkdirSync(outDir, { recursive: true });

for (const { source, file } of FONT_FILES) {
  const input = readFileSync(`${fontsource}files/${source}`);
  const output = await subsetFace(input);
  writeFileSync(`${outDir}${file}`, output);
  console.log(`${file}: ${output.length} bytes (from ${source}, ${input.length} bytes)`);
}
copyFileSync(`${fontsource}LICENSE`, `${outDir}OFL.txt`);
