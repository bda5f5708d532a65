import { createHash } from 'node:crypto';
export { contrastRatio, HEX_COLOUR } from '../lib/colour';

/**
 * Social card images (`og:image`, `twitter:image`) drawn at build time for
 * pages without a picture of their own: an article without a lead image gets
 * its headline, section and the paper's name; every other page the paper's
 * name and tagline. This module is the pure part: what a card says, how its
 * text is fitted, the layout tree satori draws, and the card's name. Drawing
 * (satori, resvg) and the cache are in `src/social-cards/`.
 *
 * A card carries only what its input names (headline, section, the paper's
 * name and tagline): never a standfirst or body text, so never paid text.
 */

/** Card size: the 1.91:1 picture Open Graph and Twitter's large card show. */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/**
 * What the drawing code is. Part of every card's name and cache key, so a
 * change to the layout, the renderers or the font gives new files and URLs.
 * The dependency versions are pinned in package.json; a unit test keeps
 * them in step with what is installed.
 */
export const CARD_RENDERER = 'layout 1; satori 0.63.2; @resvg/resvg-js 2.6.2; @fontsource/source-serif-4 5.3.1';

/** The paper's colours, as `#rrggbb` or `#rgb`. */
export interface CardColours {
  /** Card ground. */
  background: string;
  /** Headline and name. */
  text: string;
  /** The band along the top and the section label. */
  accent: string;
}

/** A logo drawn in a card's footer, as a data URL. */
export interface CardLogo {
  /** `data:image/svg+xml;base64,…` or `data:image/png;base64,…` */
  dataUrl: string;
  /** Intrinsic size, for its aspect ratio. */
  width: number;
  height: number;
}

/** Everything a card shows. Nothing else reaches the picture. */
export interface CardInput {
  /** The big text: an article's headline, or the paper's name on the default card. */
  title: string;
  /** The small label above it: the section's name. Empty for none. */
  label?: string | undefined;
  /** A line under the title: the tagline on the default card. Empty for none. */
  subtitle?: string | undefined;
  /** The paper's name in the footer; the default card, whose title it is, has no footer. */
  footer?: string | undefined;
  colours: CardColours;
  logo?: CardLogo | undefined;
}

/**
 * Advance widths of Source Serif 4 Bold, in thousandths of an em, for the
 * printable ASCII characters from space (32) to tilde (126), read from the
 * font file. Headlines are fitted with them before satori draws a line.
 */
const BOLD_ASCII =
  '218,343,471,566,562,970,751,235,409,409,459,563,312,352,312,390,569,569,569,569,569,569,569,569,569,569,312,312,563,563,563,448,905,712,686,664,751,630,608,727,803,400,409,744,614,925,746,746,655,746,728,578,671,756,703,1037,685,667,599,380,390,380,563,543,400,570,643,535,634,547,381,591,660,344,325,640,346,969,662,602,644,626,497,487,379,654,584,866,603,598,506,371,315,371,563';
/** Regular weight, for taglines. */
const REGULAR_ASCII =
  '237,289,381,525,518,932,728,182,362,362,458,534,302,320,302,341,529,529,529,529,529,529,529,529,529,529,302,302,534,534,534,414,834,712,653,662,739,638,612,723,814,376,381,710,618,935,768,738,621,738,690,544,632,758,709,1005,672,667,586,335,341,335,534,514,400,541,619,520,614,533,369,557,641,329,303,594,329,955,643,579,622,601,456,465,359,628,579,836,569,586,490,359,290,359,534';
/** Typographic punctuation common in headlines (bold, regular). */
const EXTRA: Record<string, [number, number]> = {
  '‘': [248, 225],
  '’': [248, 225],
  '“': [483, 440],
  '”': [482, 440],
  '–': [543, 514],
  '—': [843, 814],
  '…': [884, 826],
  '£': [562, 519],
  '€': [562, 518],
  '·': [312, 302],
  '\u00a0': [218, 237],
};
/** Anything else (accented and non-Latin letters): as wide as a wide lowercase letter, so text is never fitted too tight. */
const OTHER = 700;

const tables = {
  bold: BOLD_ASCII.split(',').map(Number),
  regular: REGULAR_ASCII.split(',').map(Number),
};

export type CardWeight = keyof typeof tables;

/** The width of `text` at `fontSize` pixels, from the font's advance widths (no kerning, which only narrows). */
export function textWidth(text: string, fontSize: number, weight: CardWeight = 'bold'): number {
  const table = tables[weight];
  let thousandths = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    const extra = EXTRA[character];
    thousandths += code >= 32 && code <= 126 ? table[code - 32]! : extra ? extra[weight === 'bold' ? 0 : 1] : OTHER;
  }
  return (thousandths * fontSize) / 1000;
}

export interface FitOptions {
  /** Widest a line may be, in pixels. */
  maxWidth: number;
  /** Tallest the block may be, in pixels. */
  maxHeight: number;
  /** Font sizes to try, largest first; the first at which the whole text fits is used. */
  sizes: readonly number[];
  /** Line height as a multiple of the font size. */
  lineHeight: number;
  weight?: CardWeight;
}

export interface FittedText {
  lines: string[];
  fontSize: number;
  /** True when the text did not fit even at the smallest size and was cut, ending in "…". */
  truncated: boolean;
}

/** Safety margin on measured widths: satori's shaping must never find a line wider than we did. */
const SLACK = 1.04;

/**
 * Breaks `text` into lines no wider than `maxWidth`, between words. A word
 * wider than a line on its own is broken between characters.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number, weight: CardWeight = 'bold'): string[] {
  const width = (value: string) => textWidth(value, fontSize, weight) * SLACK;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (width(rest) > maxWidth) {
      let cut = 1;
      const characters = [...rest];
      while (cut < characters.length && width(characters.slice(0, cut + 1).join('')) <= maxWidth) cut++;
      lines.push(characters.slice(0, cut).join(''));
      rest = characters.slice(cut).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Fits text into a box: the largest of `sizes` at which every line fits;
 * failing that, the smallest size with the text cut after the last whole word
 * that fits and an ellipsis. Pure and deterministic.
 */
export function fitText(text: string, options: FitOptions): FittedText {
  const { maxWidth, maxHeight, sizes, lineHeight, weight = 'bold' } = options;
  const clean = text.replace(/\s+/g, ' ').trim();
  for (const fontSize of sizes) {
    const lines = wrapText(clean, fontSize, maxWidth, weight);
    if (lines.length * fontSize * lineHeight <= maxHeight) return { lines, fontSize, truncated: false };
  }
  const fontSize = sizes.at(-1)!;
  const maxLines = Math.max(1, Math.floor(maxHeight / (fontSize * lineHeight)));
  const lines = wrapText(clean, fontSize, maxWidth, weight).slice(0, maxLines);
  // Drop words from the last line until it has room for the ellipsis.
  let last = lines[maxLines - 1] ?? '';
  const fits = (value: string) => textWidth(`${value}…`, fontSize, weight) * SLACK <= maxWidth;
  while (last.includes(' ') && !fits(last)) last = last.slice(0, last.lastIndexOf(' '));
  while (last.length > 1 && !fits(last)) last = [...last].slice(0, -1).join('');
  lines[maxLines - 1] = `${last.replace(/[\s,;:.–—-]+$/u, '')}…`;
  return { lines, fontSize, truncated: true };
}

/** A node of the tree satori draws: the shape of a React element, without React. */
export interface CardNode {
  type: 'div' | 'img';
  props: {
    style?: Record<string, string | number>;
    src?: string;
    width?: number;
    height?: number;
    children?: string | CardNode | CardNode[];
  };
}

const PADDING = 64;
const ACCENT_BAR = 12;
const LABEL_SIZE = 28;
const FOOTER_SIZE = 30;
const LOGO_HEIGHT = 48;
/** Headline sizes, largest first. */
const TITLE_SIZES = [76, 68, 60, 54, 48] as const;
const TITLE_LINE_HEIGHT = 1.12;
const SUBTITLE_SIZE = 36;

const div = (style: Record<string, string | number>, children?: CardNode['props']['children']): CardNode => ({
  type: 'div',
  props: { style: { display: 'flex', ...style }, ...(children === undefined ? {} : { children }) },
});

/** Each line its own row: the lines are the ones `fitText` measured, so satori never re-wraps them. */
function lineRows(fitted: FittedText, lineHeight: number): CardNode[] {
  return fitted.lines.map((line) => div({ height: Math.round(fitted.fontSize * lineHeight), whiteSpace: 'pre' }, line));
}

/** The card's layout, fitted: which text goes where at what size. */
export function cardLayout(input: CardInput) {
  const innerWidth = CARD_WIDTH - 2 * PADDING;
  const hasLabel = Boolean(input.label?.trim());
  const hasFooter = Boolean(input.footer?.trim() || input.logo);
  const labelBlock = hasLabel ? LABEL_SIZE * 1.3 + 20 : 0;
  const footerBlock = hasFooter ? Math.max(LOGO_HEIGHT, FOOTER_SIZE * 1.3) + 36 : 0;
  const subtitleBlock = input.subtitle?.trim() ? SUBTITLE_SIZE * 1.3 * 2 + 24 : 0;
  const titleHeight = CARD_HEIGHT - ACCENT_BAR - 2 * PADDING - labelBlock - footerBlock - subtitleBlock;
  const title = fitText(input.title, { maxWidth: innerWidth, maxHeight: titleHeight, sizes: TITLE_SIZES, lineHeight: TITLE_LINE_HEIGHT });
  const subtitle = input.subtitle?.trim()
    ? fitText(input.subtitle, { maxWidth: innerWidth, maxHeight: SUBTITLE_SIZE * 1.3 * 2, sizes: [SUBTITLE_SIZE, 30], lineHeight: 1.3, weight: 'regular' })
    : undefined;
  const label = hasLabel
    ? fitText(input.label!.toUpperCase(), { maxWidth: innerWidth, maxHeight: LABEL_SIZE * 1.3, sizes: [LABEL_SIZE], lineHeight: 1.3 })
    : undefined;
  const footer = input.footer?.trim()
    ? fitText(input.footer, { maxWidth: innerWidth - (input.logo ? 200 : 0), maxHeight: FOOTER_SIZE * 1.3, sizes: [FOOTER_SIZE, 24], lineHeight: 1.3 })
    : undefined;
  return { title, subtitle, label, footer };
}

/** The tree satori draws for a card. Its only strings are the input's title, label, subtitle and footer (fitted). */
export function cardTree(input: CardInput): CardNode {
  const { colours, logo } = input;
  const { title, subtitle, label, footer } = cardLayout(input);
  const body: CardNode[] = [];
  if (label) {
    body.push(div({ color: colours.accent, fontSize: LABEL_SIZE, fontWeight: 700, letterSpacing: 3, marginBottom: 20, flexDirection: 'column' }, lineRows(label, 1.3)));
  }
  body.push(div({ fontSize: title.fontSize, fontWeight: 700, flexDirection: 'column', lineHeight: TITLE_LINE_HEIGHT }, lineRows(title, TITLE_LINE_HEIGHT)));
  if (subtitle) {
    body.push(div({ fontSize: subtitle.fontSize, fontWeight: 400, marginTop: 24, flexDirection: 'column', opacity: 0.85 }, lineRows(subtitle, 1.3)));
  }
  const footerRow: CardNode[] = [];
  if (logo) {
    const width = Math.round((LOGO_HEIGHT * logo.width) / logo.height);
    footerRow.push({ type: 'img', props: { src: logo.dataUrl, width, height: LOGO_HEIGHT, style: { marginRight: 20 } } });
  }
  if (footer) footerRow.push(div({ fontSize: footer.fontSize, fontWeight: 700, flexDirection: 'column' }, lineRows(footer, 1.3)));
  return div(
    { width: CARD_WIDTH, height: CARD_HEIGHT, flexDirection: 'column', backgroundColor: colours.background, color: colours.text, fontFamily: 'Source Serif 4' },
    [
      div({ height: ACCENT_BAR, backgroundColor: colours.accent }),
      // Without a footer (the default card, whose title is the paper's name) the text sits in the middle.
      div({ flexGrow: 1, flexDirection: 'column', justifyContent: footerRow.length > 0 ? 'space-between' : 'center', padding: PADDING }, [
        div({ flexDirection: 'column' }, body),
        ...(footerRow.length > 0
          ? [div({ alignItems: 'center', borderTop: `2px solid ${colours.text}`, paddingTop: 24 }, footerRow)]
          : []),
      ]),
    ],
  );
}

/** Every string a card tree draws, in order: what a reader of the picture can read. */
export function cardStrings(node: CardNode): string[] {
  const { children } = node.props;
  if (children === undefined) return [];
  if (typeof children === 'string') return [children];
  return (Array.isArray(children) ? children : [children]).flatMap(cardStrings);
}

/**
 * The card's key: a hash of everything it is drawn from (the input and
 * `CARD_RENDERER`). The same input always gives the same key, the same file
 * name and, the renderers being deterministic, the same bytes.
 */
export function cardKey(input: CardInput): string {
  const { title, label = '', subtitle = '', footer = '', colours, logo } = input;
  return createHash('sha256')
    .update(JSON.stringify([CARD_RENDERER, title, label, subtitle, footer, colours.background, colours.text, colours.accent, logo ?? null]))
    .digest('hex');
}

/** The folder of generated cards in the built site. */
export const CARD_FOLDER = '_social';

/** The 180×180 home-screen icon, at the site's root, where iOS also looks for it unasked. */
export const TOUCH_ICON_FILE = 'apple-touch-icon.png';

/** A card's file name inside `CARD_FOLDER`: content-addressed, so it can be cached for ever. */
export function cardFileName(input: CardInput): string {
  return `${cardKey(input).slice(0, 20)}.png`;
}

/**
 * The articles that get a card drawn for them: the `limit` newest without a
 * lead picture (an article with one shares its picture's crop). Link previews
 * matter most while a story is new; an older story shares the paper's card.
 * Drawing costs about 50 ms and 40 KB a card, so at 100,000 articles drawing
 * every one would cost over an hour of CPU and gigabytes of output on a cold
 * build. The choice depends on the archive only, never on the clock, so the
 * same archive always gives the same pages. `articles` must be newest first.
 */
export function articlesWithDrawnCards(
  articles: readonly { id: string; hasPicture: boolean }[],
  limit: number,
): Set<string> {
  const chosen = new Set<string>();
  for (const article of articles) {
    if (chosen.size >= limit) break;
    if (!article.hasPicture) chosen.add(article.id);
  }
  return chosen;
}
