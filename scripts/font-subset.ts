/**
 * What the paper's typeface files hold (`scripts/subset-fonts.ts` writes them,
 * `src/styles/fonts.css` serves them): which Fontsource files, which letters,
 * which OpenType features, and the subsetting itself (HarfBuzz's, through
 * `subset-font`). Letters outside the set are drawn from the fallback serif,
 * letter by letter, as the `unicode-range` tells the browser.
 *
 * Run by Node directly (type stripping): erasable TypeScript only.
 */
import subsetFont from 'subset-font';

/** Fontsource's Latin files of Source Serif 4, and the names the subsets are written under. */
export const FONT_FILES = [
  { source: 'source-serif-4-latin-400-normal.woff2', file: 'source-serif-4-400.woff2' },
  { source: 'source-serif-4-latin-700-normal.woff2', file: 'source-serif-4-700.woff2' },
  { source: 'source-serif-4-latin-400-italic.woff2', file: 'source-serif-4-400-italic.woff2' },
] as const;

/** Kerning, the fi/fl ligatures, and tabular figures (tables set `font-variant-numeric: tabular-nums`). */
export const FONT_FEATURES = ['kern', 'liga', 'tnum'] as const;

/** Code point ranges kept, inclusive. */
export const FONT_RANGES: ReadonlyArray<readonly [number, number]> = [
  // ASCII, then Latin-1's no-break space, signs (£ · ° ©) and accented letters (café, Zoë, Müller, façade).
  [0x20, 0x7e],
  [0xa0, 0xff],
  // Dotless i, Œ œ.
  [0x131, 0x131],
  [0x152, 0x153],
  // What the typography step makes of plain typing: dashes, curly quotes, ellipsis; bullet, primes, € and ™, minus.
  [0x2013, 0x2014],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x2032, 0x2033],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

/** Every kept letter, as the subsetter takes them. */
export const FONT_TEXT = FONT_RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i))).join('');

/** The ranges as CSS writes them: `U+20-7E, U+A0-FF, U+131, …`. */
export function unicodeRange(ranges: ReadonlyArray<readonly [number, number]> = FONT_RANGES): string {
  const hex = (code: number) => code.toString(16).toUpperCase();
  return ranges.map(([from, to]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`)).join(', ');
}

/** One of Fontsource's files cut down to the kept letters and features, as WOFF2. */
export function subsetFace(fontsourceFile: Uint8Array): Promise<Uint8Array> {
  return subsetFont(fontsourceFile, FONT_TEXT, {
    targetFormat: 'woff2',
    keepFeatures: [...FONT_FEATURES],
    // Copyright, family and style names, version, licence text and URL: the notices the OFL asks every copy to keep.
    preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 13, 14],
  });
}
