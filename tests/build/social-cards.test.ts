import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderCard } from '../../src/social-cards/render-card';
import { CARD_FOLDER, cardFileName, type CardInput } from '../../src/social-cards/card';
import settings from '../../src/settings';
import { buildLog, builtSite } from '../helpers/built-site';
import { PAID } from '../helpers/fixture-paid';
import { findInSite, listFiles } from '../helpers/site-files';

const meta = (html: HTMLElement, key: string) => html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
const text = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const pages = (site: string) => listFiles(site).filter((file) => file.endsWith('.html'));
const articlePages = (site: string) => pages(site).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
const read = (site: string, file: string) => parse(readFileSync(path.join(site, file), 'utf8'));
const { colours } = settings.brand;

/** The card an article page should name: drawn from its headline, its section's name and the paper's name, and nothing else. */
function expectedArticleCard(html: HTMLElement): CardInput {
  return { title: text(html.querySelector('.article__headline')), label: text(html.querySelector('.article__section a')), footer: settings.siteName, colours };
}

/** The card of pages without a picture of their own: the paper's name and tagline. */
const defaultCard: CardInput = { title: settings.siteName, subtitle: settings.tagline, colours };

/** The file a page's `og:image` names, inside the built site. */
function sharedFile(site: string, html: HTMLElement, origin: string, base = '/'): string {
  const url = new URL(meta(html, 'og:image')!);
  expect(url.origin).toBe(origin);
  expect(url.pathname.startsWith(base)).toBe(true);
  return path.join(site, url.pathname.slice(base.length));
}

describe('social cards on the fixture site', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('fixture');
  });

  it('gives every article an absolute og:image and twitter:image of 1200×630 that exists in the site, and the same in JSON-LD', () => {
    for (const file of articlePages(site)) {
      const html = read(site, file);
      const image = meta(html, 'og:image');
      expect(image, file).toMatch(/^https:\/\/example\.org\/(_social|_images)\//);
      expect(meta(html, 'twitter:image'), file).toBe(image);
      expect(meta(html, 'twitter:card'), file).toBe('summary_large_image');
      expect([meta(html, 'og:image:width'), meta(html, 'og:image:height')], file).toEqual(['1200', '630']);
      expect(existsSync(sharedFile(site, html, 'https://example.org')), file).toBe(true);
      const jsonLd = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent) as { image?: string[] };
      expect(jsonLd.image, file).toEqual([image]);
    }
  });

  it('draws the card of an article without a lead picture from its headline, section and the paper’s name only', () => {
    let drawn = 0;
    for (const file of articlePages(site)) {
      const html = read(site, file);
      if (html.querySelector('.figure--lead')) continue;
      // The name is a hash of everything the card is drawn from: any other text (a standfirst, a paid sentence) would change it.
      expect(meta(html, 'og:image'), file).toBe(`https://example.org/${CARD_FOLDER}/${cardFileName(expectedArticleCard(html))}`);
      drawn++;
    }
    expect(drawn).toBeGreaterThan(10);
  });

  it('writes every card as a valid 1200×630 PNG, each named by a page', async () => {
    const cards = listFiles(path.join(site, CARD_FOLDER));
    const named = new Set(pages(site).map((file) => meta(read(site, file), 'og:image')).filter(Boolean).map((url) => path.basename(url!)));
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) {
      expect(await sharp(path.join(site, CARD_FOLDER, card)).metadata(), card).toMatchObject({ format: 'png', width: 1200, height: 630 });
      expect(named.has(card), `${card} is named by no page`).toBe(true);
    }
  });

  it('draws the same bytes as the renderer does for the same words', async () => {
    const html = read(site, 'articles/no-marker-default/index.html');
    const file = sharedFile(site, html, 'https://example.org');
    expect(readFileSync(file).equals(await renderCard(expectedArticleCard(html)))).toBe(true);
  });

  it('gives the front page, sections, authors and search the paper’s own card', () => {
    const expected = `https://example.org/${CARD_FOLDER}/${cardFileName(defaultCard)}`;
    for (const file of ['index.html', 'sections/news/index.html', 'authors/index.html', 'authors/ada-quill/index.html', 'search/index.html', '404.html']) {
      const html = read(site, file);
      expect(meta(html, 'og:image'), file).toBe(expected);
      expect(meta(html, 'twitter:card'), file).toBe('summary_large_image');
      expect(meta(html, 'og:image:alt'), file).toBe(settings.tagline ? `${settings.siteName}: ${settings.tagline}` : settings.siteName);
    }
    expect(existsSync(path.join(site, CARD_FOLDER, cardFileName(defaultCard)))).toBe(true);
  });

  it('links the favicon and a 180×180 opaque apple-touch-icon from every page', async () => {
    for (const file of pages(site)) {
      const html = read(site, file);
      expect(html.querySelector('link[rel="icon"]')?.getAttribute('href'), file).toBe(settings.brand.favicon);
      expect(html.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'), file).toBe('/apple-touch-icon.png');
    }
    const icon = path.join(site, 'apple-touch-icon.png');
    expect(await sharp(icon).metadata()).toMatchObject({ format: 'png', width: 180, height: 180 });
    expect((await sharp(icon).stats()).isOpaque).toBe(true);
  });

  it('logs how many cards it drew and how long they took, as a phase the benchmark reads', () => {
    expect(buildLog('fixture')).toMatch(/social cards: \d+ drawn, \d+ from the cache; apple-touch-icon\.png written/);
    expect(buildLog('fixture')).toMatch(/phase cards: \d+ ms/);
  });

  it('ships no paid word anywhere in the site, cards and icons included', () => {
    expect(findInSite(site, PAID)).toEqual([]);
  });
});

describe('social cards under a sub-path (BASE_PATH=/paper/)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('subpath');
  });

  it('puts the cards, the icons and their URLs under the base path', () => {
    const article = read(site, 'articles/no-marker-default/index.html');
    expect(meta(article, 'og:image')).toBe(`https://news.example.com/paper/${CARD_FOLDER}/${cardFileName(expectedArticleCard(article))}`);
    expect(existsSync(sharedFile(site, article, 'https://news.example.com', '/paper/'))).toBe(true);
    const front = read(site, 'index.html');
    expect(existsSync(sharedFile(site, front, 'https://news.example.com', '/paper/'))).toBe(true);
    expect(front.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href')).toBe('/paper/apple-touch-icon.png');
    expect(front.querySelector('link[rel="icon"]')?.getAttribute('href')).toBe(`/paper${settings.brand.favicon}`);
    expect(existsSync(path.join(site, 'apple-touch-icon.png'))).toBe(true);
  });
});

describe('social cards on the sample paper', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('sample');
  });

  it('shares a lead picture’s 1200×630 crop when an article has one, and a drawn card otherwise', async () => {
    let crops = 0;
    let cards = 0;
    for (const file of articlePages(site)) {
      const html = read(site, file);
      const image = meta(html, 'og:image')!;
      const shared = sharedFile(site, html, new URL(settings.siteUrl).origin);
      if (html.querySelector('.figure--lead')) {
        expect(image, file).toMatch(/\/_images\/[0-9a-f]+-1200x630\.jpg$/);
        expect(await sharp(shared).metadata(), file).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
        crops++;
      } else {
        expect(path.basename(image), file).toBe(cardFileName(expectedArticleCard(html)));
        cards++;
      }
    }
    expect(crops).toBeGreaterThan(cards);
    expect(cards).toBeGreaterThan(0);
  });

  // The whole-site scan of the sample paper for paid sentences, cards included, is in sample-site.test.ts.
});
