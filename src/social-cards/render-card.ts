import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { CARD_HEIGHT, CARD_WIDTH, cardTree, type CardInput } from './card';

type SatoriFont = Parameters<typeof satori>[1]['fonts'][number];

const require = createRequire(import.meta.url);

/**
 * Source Serif 4 from the installed @fontsource package (never the network),
 * as .woff: satori reads WOFF and TrueType, not WOFF2. Latin and Latin
 * Extended, regular and bold; satori takes each glyph from the first font that
 * has it.
 */
function loadFonts(): SatoriFont[] {
  const fonts: SatoriFont[] = [];
  for (const weight of [700, 400] as const) {
    for (const subset of ['latin', 'latin-ext']) {
      const file = require.resolve(`@fontsource/source-serif-4/files/source-serif-4-${subset}-${weight}-normal.woff`);
      fonts.push({ name: 'Source Serif 4', data: readFileSync(file), weight, style: 'normal' });
    }
  }
  return fonts;
}

let fonts: SatoriFont[] | undefined;

/** The fonts satori draws with, read once per process. */
export function cardFonts(): SatoriFont[] {
  fonts ??= loadFonts();
  return fonts;
}

/** The card as SVG, its text drawn as paths (satori embeds no font). */
export async function cardSvg(input: CardInput): Promise<string> {
  // satori's types ask for a React element; the tree has the same shape without React.
  return satori(cardTree(input) as Parameters<typeof satori>[0], { width: CARD_WIDTH, height: CARD_HEIGHT, fonts: cardFonts() });
}

/**
 * Draws a card as a 1200×630 PNG. satori lays it out (on this thread, a few
 * milliseconds); resvg rasterises it on libuv's thread pool, so many cards
 * are drawn while Astro renders pages. Neither reads the clock, the network
 * or system fonts, so the same input gives the same bytes.
 */
export async function renderCard(input: CardInput): Promise<Buffer> {
  const svg = await cardSvg(input);
  const image = await renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false }, background: input.colours.background });
  return image.asPng();
}
