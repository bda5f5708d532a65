import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_RANGES, FONT_TEXT, subsetFace, unicodeRange } from '../../scripts/font-subset';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));
const fontsCss = read('src/styles/fonts.css').toString('utf8');
/** The stylesheet's rules for the paper's face (not the fallbacks'), by file name. */
const faces = [...fontsCss.matchAll(/@font-face\s*\{([^}]*)\}/g)]
  .map(([, body]) => body!)
  .filter((body) => /font-family:\s*'Source Serif 4';/.test(body))
  .map((body) => ({ file: /url\('\.\/fonts\/([^']+)'\)/.exec(body)?.[1], range: /unicode-range:\s*([^;]+);/.exec(body)?.[1], display: /font-display:\s*([^;]+);/.exec(body)?.[1] }));

describe('the typeface files', () => {
  it('are served by one @font-face rule each, optional, with the letters they hold as their unicode-range', () => {
    expect(faces.map((face) => face.file).sort()).toEqual(FONT_FILES.map((each) => each.file).sort());
    for (const face of faces) {
      expect(face.range, face.file).toBe(unicodeRange());
      expect(face.display, face.file).toBe('optional');
    }
  });

  it('keep the letters an English-language paper sets, curly quotes and dashes included', () => {
    for (const letter of 'Zoë’s café “façade” – Müller — £5 … Œuvre €') expect(FONT_TEXT, letter).toContain(letter);
    expect(unicodeRange([[0x20, 0x7e], [0x2026, 0x2026]])).toBe('U+20-7E, U+2026');
    expect(FONT_RANGES.every(([from, to]) => from <= to)).toBe(true);
  });

  it('are what scripts/subset-fonts.ts makes from the Fontsource package (run it again after an upgrade)', async () => {
    // One face made afresh (the three share the letters, the features and the package): a second each.
    const { source, file } = FONT_FILES[0];
    const made = await subsetFace(read(`node_modules/@fontsource/source-serif-4/files/${source}`));
    expect(Buffer.compare(Buffer.from(made), read(`src/styles/fonts/${file}`)), `${file} differs from a fresh subset of ${source}`).toBe(0);
    // Each small enough to come with the stylesheet (docs/benchmarks.md, "The typeface and Lighthouse").
    for (const { file: each } of FONT_FILES) expect(read(`src/styles/fonts/${each}`).length, each).toBeLessThan(18_000);
  });

  it('carry the SIL Open Font License beside them, as the licence asks', () => {
    const licence = read('src/styles/fonts/OFL.txt').toString('utf8');
    expect(licence).toBe(read('node_modules/@fontsource/source-serif-4/LICENSE').toString('utf8'));
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });
});
