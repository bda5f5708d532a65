import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root));
const fontsource = 'node_modules/@fontsource/source-serif-4';
const fontsCss = read('src/styles/fonts.css').toString('utf8');

/** The site's files and the Fontsource files they are copies of. */
const FILES = [
  { file: 'source-serif-4-400.woff2', source: 'source-serif-4-latin-400-normal.woff2', style: 'normal', weight: '400' },
  { file: 'source-serif-4-700.woff2', source: 'source-serif-4-latin-700-normal.woff2', style: 'normal', weight: '700' },
  { file: 'source-serif-4-400-italic.woff2', source: 'source-serif-4-latin-400-italic.woff2', style: 'italic', weight: '400' },
] as const;

/** The stylesheet's rules for the paper's face (not the fallbacks'). */
const faces = [...fontsCss.matchAll(/@font-face\s*\{([^}]*)\}/g)]
  .map(([, body]) => body!)
  .filter((body) => /font-family:\s*'Source Serif 4';/.test(body))
  .map((body) => ({
    file: /url\('\.\/fonts\/([^']+)'\)/.exec(body)?.[1],
    range: /unicode-range:\s*([^;]+);/.exec(body)?.[1],
    display: /font-display:\s*([^;]+);/.exec(body)?.[1],
    style: /font-style:\s*([^;]+);/.exec(body)?.[1],
    weight: /font-weight:\s*([^;]+);/.exec(body)?.[1],
  }));

/** A unicode-range without spaces or leading zeros, to compare two spellings of one range. */
const normalised = (range: string | undefined) => range?.replace(/\s+/g, '').replace(/U\+0+(?=[0-9A-F])/gi, 'U+').toUpperCase();

describe('the typeface files', () => {
  it('are Fontsource’s Latin files of Source Serif 4, byte for byte: the font as its makers ship it, under its own name', () => {
    for (const { file, source } of FILES) {
      expect(Buffer.compare(read(`src/styles/fonts/${file}`), read(`${fontsource}/files/${source}`)), `${file} differs from ${source}: copy it again after an upgrade`).toBe(0);
    }
  });

  it('are served by one @font-face rule each, optional, with Fontsource’s Latin unicode-range', () => {
    const latin = /\/\* source-serif-4-latin-400-normal \*\/[^}]*unicode-range:\s*([^;]+);/.exec(read(`${fontsource}/index.css`).toString('utf8'))?.[1];
    expect(latin).toBeDefined();
    expect(faces.map(({ file, style, weight }) => ({ file, style, weight }))).toEqual(FILES.map(({ file, style, weight }) => ({ file, style, weight })));
    for (const face of faces) {
      expect(normalised(face.range), face.file).toBe(normalised(latin));
      expect(face.display, face.file).toBe('optional');
    }
    // The letters an English-language paper sets, curly quotes and dashes included, are in that range.
    const inRange = (code: number) => normalised(latin)!.split(',').some((part) => {
      const [from, to = from] = part.replace('U+', '').split('-').map((hex) => Number.parseInt(hex, 16));
      return code >= from! && code <= to!;
    });
    for (const letter of 'Zoë’s café “façade” – Müller — £5 … Œuvre €') expect(inRange(letter.codePointAt(0)!), letter).toBe(true);
  });

  it('carry the SIL Open Font License beside them, as the licence asks', () => {
    const licence = read('src/styles/fonts/OFL.txt').toString('utf8');
    expect(licence).toBe(read(`${fontsource}/LICENSE`).toString('utf8'));
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });
});
