import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderCard } from '../../src/social-cards/render-card';
import {
  articlesWithDrawnCards,
  CARD_HEIGHT,
  CARD_RENDERER,
  CARD_WIDTH,
  cardFileName,
  cardKey,
  cardLayout,
  cardStrings,
  cardTree,
  contrastRatio,
  fitText,
  textWidth,
  wrapText,
  type CardInput,
} from '../../src/social-cards/card';
import { projectRoot } from '../helpers/astro-build';

const colours = { background: '#fffdf8', text: '#1b1b1b', accent: '#a4161a' };
const article: CardInput = {
  title: 'First dredger arrives as cost of port expansion climbs to £81m',
  label: 'Business',
  footer: 'The Harbour Ledger',
  colours,
};
const box = { maxWidth: 1072, maxHeight: 340, sizes: [76, 60, 48], lineHeight: 1.12 };

describe('fitting a headline on a card', () => {
  it('measures text with the font’s own widths: capitals wider than lower case, wider in bold', () => {
    expect(textWidth('MMMM', 100)).toBeGreaterThan(textWidth('iiii', 100) * 2);
    expect(textWidth('Harbour', 100, 'bold')).toBeGreaterThan(textWidth('Harbour', 100, 'regular'));
    expect(textWidth('Harbour', 200)).toBeCloseTo(textWidth('Harbour', 100) * 2);
  });

  it('breaks lines between words, never wider than the box', () => {
    const lines = wrapText('Councillors split over harbour dredge as objections top 1,400', 76, 800);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Councillors split over harbour dredge as objections top 1,400');
    for (const line of lines) expect(textWidth(line, 76)).toBeLessThanOrEqual(800);
  });

  it('breaks a word longer than a line between its characters', () => {
    const lines = wrapText('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch', 76, 600);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe('Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch');
  });

  it('sets a short headline large and a long one smaller', () => {
    const short = fitText('Pier reopens', box);
    const long = fitText('Boat moorings blamed for scars across Crane Point seagrass as eco-mooring trial begins at last', box);
    expect(short).toMatchObject({ fontSize: 76, lines: ['Pier reopens'], truncated: false });
    expect(long.fontSize).toBeLessThan(76);
    expect(long.truncated).toBe(false);
    expect(long.lines.length * long.fontSize * 1.12).toBeLessThanOrEqual(340);
  });

  it('cuts a headline too long for the smallest size after a whole word, with an ellipsis', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const fitted = fitText(words, box);
    expect(fitted.truncated).toBe(true);
    expect(fitted.fontSize).toBe(48);
    expect(fitted.lines.length).toBe(Math.floor(340 / (48 * 1.12)));
    const last = fitted.lines.at(-1)!;
    expect(last.endsWith('…')).toBe(true);
    expect(last.slice(0, -1)).toMatch(/word\d+$/);
    for (const line of fitted.lines) expect(textWidth(line, 48)).toBeLessThanOrEqual(1072);
  });

  it('gives the same lines for the same text every time', () => {
    expect(fitText(article.title, box)).toEqual(fitText(article.title, box));
  });
});

describe('what a card says', () => {
  it('draws only the headline, the section and the paper’s name', () => {
    const strings = cardStrings(cardTree(article));
    const { title } = cardLayout(article);
    expect(strings).toEqual(['BUSINESS', ...title.lines, 'The Harbour Ledger']);
    expect(strings.join(' ')).not.toMatch(/standfirst|Ostra/);
  });

  it('draws the paper’s name and tagline on the default card, without a footer', () => {
    const strings = cardStrings(cardTree({ title: 'The Harbour Ledger', subtitle: 'Independent news for Port Averley', colours }));
    expect(strings).toEqual(['The Harbour Ledger', 'Independent news for Port Averley']);
  });

  it('puts the logo in the footer when the paper has one', () => {
    const logo = { dataUrl: 'data:image/png;base64,AAAA', width: 200, height: 100 };
    const tree = JSON.stringify(cardTree({ ...article, logo }));
    expect(tree).toContain('"src":"data:image/png;base64,AAAA"');
    expect(tree).toContain('"width":96');
  });
});

describe('a card’s name', () => {
  it('is the same for the same input and changes with any of it', () => {
    expect(cardKey(article)).toBe(cardKey({ ...article }));
    const variants: CardInput[] = [
      { ...article, title: `${article.title}.` },
      { ...article, label: 'News' },
      { ...article, footer: 'Another Paper' },
      { ...article, colours: { ...colours, accent: '#123456' } },
      { ...article, logo: { dataUrl: 'data:image/png;base64,AAAA', width: 1, height: 1 } },
    ];
    const names = new Set([cardFileName(article), ...variants.map(cardFileName)]);
    expect(names.size).toBe(variants.length + 1);
    expect(cardFileName(article)).toMatch(/^[0-9a-f]{20}\.png$/);
  });

  it('names the versions of the renderers and the font that are installed', () => {
    const version = (name: string) =>
      (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    for (const name of ['satori', '@resvg/resvg-js', '@fontsource/source-serif-4']) {
      expect(CARD_RENDERER, `update CARD_RENDERER in src/social-cards/card.ts after upgrading ${name}`).toContain(`${name} ${version(name)}`);
    }
  });
});

describe('drawing a card', () => {
  it('makes a 1200×630 PNG, byte for byte the same each time', async () => {
    const [first, second] = [await renderCard(article), await renderCard({ ...article })];
    expect(first.equals(second)).toBe(true);
    const metadata = await sharp(first).metadata();
    expect(metadata).toMatchObject({ format: 'png', width: CARD_WIDTH, height: CARD_HEIGHT });
    // The ground is the paper's colour, the band along the top its accent.
    const { data, info } = await sharp(first).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
    expect(pixel(600, 600)).toEqual([0xff, 0xfd, 0xf8]);
    expect(pixel(600, 4)).toEqual([0xa4, 0x16, 0x1a]);
  });
});

describe('drawing a card with the paper’s logo', () => {
  it('draws an SVG or PNG logo in the footer, beside the paper’s name', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#123f7a"/></svg>';
    const png = await sharp(Buffer.from(svg)).png().toBuffer();
    for (const dataUrl of [`data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`, `data:image/png;base64,${png.toString('base64')}`]) {
      const card = await renderCard({ ...article, logo: { dataUrl, width: 200, height: 100 } });
      const { data, info } = await sharp(card).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3)];
      // The footer row starts at the left margin (64 px) and is centred on the logo's 48 px height.
      expect(pixel(100, 540), dataUrl.slice(0, 20)).toEqual([0x12, 0x3f, 0x7a]);
    }
  });
});

describe('contrastRatio', () => {
  it('follows WCAG: black on white is 21:1, a colour on itself 1:1', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21);
    expect(contrastRatio('#a4161a', '#a4161a')).toBeCloseTo(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 1);
  });
});

describe('which articles get a drawn card', () => {
  const articles = [
    { id: 'today-no-picture', hasPicture: false },
    { id: 'today-picture', hasPicture: true },
    { id: 'yesterday-no-picture', hasPicture: false },
    { id: 'last-week-no-picture', hasPicture: false },
  ];

  it('draws cards for the newest articles without a lead picture, up to the limit', () => {
    expect([...articlesWithDrawnCards(articles, 2)]).toEqual(['today-no-picture', 'yesterday-no-picture']);
  });

  it('never counts an article with a picture, which shares its own crop', () => {
    expect(articlesWithDrawnCards(articles, 10).has('today-picture')).toBe(false);
    expect(articlesWithDrawnCards(articles, 10).size).toBe(3);
  });

  it('draws none when the limit is 0', () => {
    expect(articlesWithDrawnCards(articles, 0).size).toBe(0);
  });
});
