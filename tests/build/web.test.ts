import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { buildLog, builtSite } from '../helpers/built-site';
import { checkLinks } from '../helpers/link-check';
import { findInSite, listFiles, readPage } from '../helpers/site-files';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'url', 'sitemap', 'category'].includes(name) });
const readXml = (file: string) => {
  const text = readFileSync(file, 'utf8');
  expect(SyntaxValidator.validate(text), file).toBe(true);
  return xml.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature
};
const meta = (html: HTMLElement, key: string) =>
  html.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content');

describe('feeds, sitemaps and search engines (site root)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('fixture');
  });

  it('has no broken internal link or asset on any page', () => {
    expect(checkLinks(site, { origin: new URL(settings.siteUrl).origin, external: [settings.subscribe.url] })).toEqual([]);
  });

  it('publishes an RSS 2.0 feed of every article with standfirsts, never bodies', () => {
    const rss = readXml(path.join(site, 'rss.xml')).rss;
    expect(rss['@_version']).toBe('2.0');
    const items = rss.channel.item as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML
    expect(items).toHaveLength(18);
    const footbridge = items.find((item) => item.title === 'Valley council approves new footbridge')!;
    expect(footbridge).toMatchObject({
      link: 'https://example.org/articles/marker-top-level/',
      description: 'The timber bridge will link the two halves of the market town by spring.',
      'dc:creator': 'Ada Quill',
      // A story for subscribers says so in a second category, as the cards do.
      category: ['News', settings.subscribe.marker],
    });
    // A bare date (2023-06-08) is the start of that day in the paper's zone: midnight BST.
    expect(new Date(footbridge.pubDate).toISOString()).toBe('2023-06-07T23:00:00.000Z');
    expect(readFileSync(path.join(site, 'rss.xml'), 'utf8')).not.toContain('Free sentence alpha');
  });

  it('publishes a feed per section and per author, announced in page heads', () => {
    const news = readXml(path.join(site, 'sections/news/rss.xml')).rss.channel.item as unknown[];
    expect(news.length).toBe(9);
    const ben = readXml(path.join(site, 'authors/ben-ink/rss.xml')).rss.channel.item as unknown[];
    expect(ben.length).toBe(8);
    const head = parse(readPage(site, '/articles/marker-top-level/')).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
    expect(head.map((link) => link.getAttribute('href'))).toEqual(['/rss.xml', '/sections/news/rss.xml', '/authors/ada-quill/rss.xml']);
  });

  it('describes articles for search engines and social cards', () => {
    const html = parse(readPage(site, '/articles/no-marker-default/'));
    expect(html.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://example.org/articles/no-marker-default/');
    expect(meta(html, 'description')).toBe('Flood alerts along the lower valley were lifted on Saturday morning.');
    expect(meta(html, 'og:type')).toBe('article');
    expect(meta(html, 'og:title')).toBe('River levels fall after a week of warnings');
    expect(meta(html, 'article:published_time')).toBe('2024-01-20T06:00:00.000Z');
    expect(meta(html, 'article:modified_time')).toBe('2024-01-21T00:00:00.000Z');
    expect(meta(html, 'article:author')).toBe('https://example.org/authors/ada-quill/');
    expect(meta(html, 'article:section')).toBe('News');
    expect(html.querySelectorAll('meta[property="article:tag"]').map((tag) => tag.getAttribute('content'))).toEqual(['flooding', 'river']);
    // No lead picture: a card drawn with the headline (tests/build/social-cards.test.ts).
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'og:image')).toMatch(/^https:\/\/example\.org\/_social\/[0-9a-f]{20}\.png$/);
  });

  it('uses an article’s picture, cropped to 1200×630, for its social card and JSON-LD', () => {
    const html = parse(readPage(site, '/articles/free-article/'));
    expect(meta(html, 'og:image')).toMatch(/^https:\/\/example\.org\/_images\/[0-9a-f]+-1200x630\.jpg$/);
    expect(meta(html, 'og:image:alt')).toBe('Crowds on the showground at the summer fair');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(meta(html, 'twitter:image')).toBe(meta(html, 'og:image'));
    expect(existsSync(path.join(site, new URL(meta(html, 'og:image')!).pathname))).toBe(true);
    const jsonLd = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent) as { image: string[] };
    expect(jsonLd.image).toEqual([meta(html, 'og:image')]);
  });

  it('gives every article NewsArticle JSON-LD with the paywall marked as Google asks', () => {
    const jsonLd = (slug: string) =>
      JSON.parse(parse(readPage(site, `/articles/${slug}/`)).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
    const paid = jsonLd('marker-top-level');
    expect(paid).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Valley council approves new footbridge',
      datePublished: '2023-06-07T23:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Ada Quill', url: 'https://example.org/authors/ada-quill/' }],
      publisher: { '@type': 'Organization', name: settings.siteName },
      articleSection: 'News',
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '.free-limit' },
    });
    const free = jsonLd('free-article');
    expect(free.isAccessibleForFree).toBe(true);
    expect(free.hasPart).toBeUndefined();
  });

  it('points every paywalled article’s JSON-LD at the cut-off on the same page, by a class selector', () => {
    const articles = listFiles(site).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
    let paywalled = 0;
    for (const file of articles) {
      const html = parse(readFileSync(path.join(site, file), 'utf8'));
      const jsonLd = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent) as {
        isAccessibleForFree: boolean;
        hasPart?: { cssSelector: string; isAccessibleForFree: boolean };
      };
      const cutOff = html.querySelectorAll('[data-free-limit]');
      if (jsonLd.isAccessibleForFree) {
        expect(jsonLd.hasPart, file).toBeUndefined();
        continue;
      }
      paywalled++;
      expect(jsonLd.hasPart?.cssSelector, file).toMatch(/^\.[a-z][a-z0-9-]*$/);
      // The selector finds exactly the cut-off panel, which stands where the paid text would be.
      const matches = html.querySelectorAll(jsonLd.hasPart!.cssSelector);
      expect(cutOff, file).toHaveLength(1);
      expect(matches, file).toHaveLength(1);
      expect(matches[0] === cutOff[0], file).toBe(true);
    }
    expect(paywalled).toBeGreaterThan(5);
  });

  it('lists every article in the sitemap, and points robots.txt to it', () => {
    const index = readXml(path.join(site, 'sitemap-index.xml'));
    const sitemaps = (index.sitemapindex.sitemap as Array<{ loc: string }>).map((entry) => entry.loc);
    const urls = sitemaps.flatMap((loc) =>
      (readXml(path.join(site, new URL(loc).pathname)).urlset.url as Array<{ loc: string }>).map((entry) => entry.loc),
    );
    expect(urls).toContain('https://example.org/articles/marker-first/');
    expect(urls).toContain('https://example.org/sections/empty-section/');
    expect(urls.some((url) => /404|search/.test(url))).toBe(false);
    // Built today, nothing in the fixture (2022 to 2024) is from the last two days: no news sitemap to point to.
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n');
  });

  it('dates each article in the sitemap by its last change, a bare date from the start of its day in the paper’s zone', () => {
    const entries = new Map(
      (readXml(path.join(site, 'sitemap-0.xml')).urlset.url as Array<{ loc: string; lastmod?: string }>).map((entry) => [entry.loc, entry.lastmod]),
    );
    expect(entries.get('https://example.org/articles/marker-top-level/')).toBe('2023-06-07T23:00:00.000Z');
    expect(entries.get('https://example.org/articles/marker-in-list/')).toBe('2023-07-01T07:15:00.000Z');
    // Updated on 21 January 2024 (a bare date, in winter time).
    expect(entries.get('https://example.org/articles/no-marker-default/')).toBe('2024-01-21T00:00:00.000Z');
    expect(entries.get('https://example.org/articles/Caf%C3%A9_Reopens/')).toBe('2022-01-10T00:00:00.000Z');
    for (const [loc, lastmod] of entries) if (loc.includes('/articles/')) expect(lastmod, loc).toBeDefined();
    // A section page changes with every story: no lastmod rather than a wrong one.
    expect(entries.get('https://example.org/sections/news/')).toBeUndefined();
  });

  it('has a 404 page kept out of search engines', () => {
    const html = parse(readFileSync(path.join(site, '404.html'), 'utf8'));
    expect(html.querySelector('h1')?.textContent).toBe('Page not found');
    expect(meta(html, 'robots')).toBe('noindex');
  });

  it('ships _headers with a strict CSP and long caching for hashed assets, and no inline script or style that would break it', () => {
    const headers = readFileSync(path.join(site, '_headers'), 'utf8');
    expect(headers).toMatch(/Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/);
    expect(headers).toMatch(/\/_astro\/\*\n\s+Cache-Control: public, max-age=31536000, immutable/);
    for (const page of listFiles(site).filter((file) => file.endsWith('.html'))) {
      const html = parse(readFileSync(path.join(site, page), 'utf8'));
      const inline = html.querySelectorAll('script:not([src])').filter((script) => !/^application\/(ld\+)?json$/.test(script.getAttribute('type') ?? ''));
      expect(inline, page).toEqual([]);
      expect(html.querySelectorAll('style, [style]'), page).toEqual([]);
    }
  });

  it('indexes the free text for search, and the leak scan can read the index', () => {
    expect(existsSync(path.join(site, 'pagefind/pagefind.js'))).toBe(true);
    const inIndex = findInSite(path.join(site, 'pagefind'), ['Free sentence alpha', 'Free paragraph romeo', 'quintessentialwombat']);
    expect(inIndex.map((leak) => leak.needle)).toEqual(expect.arrayContaining(['Free sentence alpha', 'Free paragraph romeo']));
    expect(inIndex.map((leak) => leak.needle)).not.toContain('quintessentialwombat');
  });
});

describe('the same site under a sub-path (BASE_PATH=/paper/, SITE_URL=https://news.example.com)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('subpath');
  });

  it('keeps every internal link and asset under the base path, and all of them resolve', () => {
    expect(checkLinks(site, { base: '/paper/', origin: 'https://news.example.com' })).toEqual([]);
    const html = parse(readPage(site, '/articles/marker-top-level/'));
    expect(html.querySelector('.article__byline a')?.getAttribute('href')).toBe('/paper/authors/ada-quill/');
    expect(html.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toMatch(/^\/paper\/_astro\//);
  });

  it('writes feeds, sitemaps, robots.txt and JSON-LD with the sub-path URLs', () => {
    const rss = readFileSync(path.join(site, 'rss.xml'), 'utf8');
    expect(rss).toContain('<link>https://news.example.com/paper/articles/marker-top-level/</link>');
    expect(rss).not.toMatch(/https:\/\/news\.example\.com\/articles/);
    expect(rss).toContain('<atom:link href="https://news.example.com/paper/rss.xml" rel="self" type="application/rss+xml"/>');
    expect(rss).toContain('<url>https://news.example.com/paper/apple-touch-icon.png</url>');
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).toContain('Sitemap: https://news.example.com/paper/sitemap-index.xml');
    const sitemap = readFileSync(path.join(site, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://news.example.com/paper/articles/marker-top-level/</loc><lastmod>2023-06-07T23:00:00.000Z</lastmod>');
    const jsonLd = parse(readPage(site, '/articles/marker-top-level/')).querySelector('script[type="application/ld+json"]')!.textContent;
    expect(JSON.parse(jsonLd).url).toBe('https://news.example.com/paper/articles/marker-top-level/');
  });

  it('points the search page at the index under the sub-path', () => {
    expect(parse(readPage(site, '/search/')).querySelector('[data-search]')?.getAttribute('data-pagefind-url')).toBe('/paper/pagefind/pagefind.js');
  });
});

describe('the sample paper', () => {
  let site = '';
  // Built in the hook (with its pictures, a minute or more when this file runs first), not inside the test's 30 s.
  beforeAll(() => {
    site = builtSite('sample');
  });

  it('has no broken internal link or asset', () => {
    expect(checkLinks(site, { origin: new URL(settings.siteUrl).origin, external: [settings.subscribe.url] })).toEqual([]);
  });
});

describe('every feed names itself, the page it follows, when it changed and the paper’s image', () => {
  let site = '';
  let feeds: string[] = [];
  beforeAll(() => {
    site = builtSite('fixture');
    feeds = listFiles(site).filter((file) => file.endsWith('rss.xml'));
  });
  const channel = (file: string) => readXml(path.join(site, file)).rss.channel as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML

  it('has a feed for the paper, each section and each author', () => {
    expect(feeds).toContain('rss.xml');
    expect(feeds).toContain('sections/news/rss.xml');
    expect(feeds).toContain('sections/empty-section/rss.xml');
    expect(feeds).toContain('authors/ada-quill/rss.xml');
  });

  it('announces its own absolute URL as atom:link rel="self"', () => {
    for (const file of feeds) {
      expect(readFileSync(path.join(site, file), 'utf8'), file).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
      expect(channel(file)['atom:link'], file).toEqual({ '@_href': `https://example.org/${file}`, '@_rel': 'self', '@_type': 'application/rss+xml' });
    }
  });

  it('links the channel to the page the feed follows: the front page, the section’s or the author’s page', () => {
    for (const file of feeds) {
      const page = `https://example.org/${file.replace(/rss\.xml$/, '')}`;
      expect(channel(file).link, file).toBe(page);
      expect(existsSync(path.join(site, new URL(page).pathname, 'index.html')), page).toBe(true);
    }
  });

  it('shows the paper’s logo or its PNG icon (RSS takes GIF, JPEG or PNG), an absolute URL of a file in the site, titled and linked as the channel', () => {
    const logo = settings.brand.logo;
    const icon = logo && /\.(png|jpe?g|gif)$/i.test(logo) ? logo : '/apple-touch-icon.png';
    expect(existsSync(path.join(site, icon)), icon).toBe(true);
    for (const file of feeds) {
      const { image, title, link } = channel(file);
      // The parser reads every <url> as a list, for the sitemaps.
      expect(image, file).toEqual({ url: [`https://example.org${icon}`], title, link });
    }
  });

  it('dates itself by its newest publication or update, not by the clock of the build', () => {
    // Newest stories with bare dates (2024-07-15, 2024-03-03): the start of their day in London, in summer time or not.
    expect(channel('sections/features/rss.xml').lastBuildDate).toBe('Sun, 14 Jul 2024 23:00:00 GMT');
    expect(channel('sections/opinion/rss.xml').lastBuildDate).toBe('Sun, 03 Mar 2024 00:00:00 GMT');
    for (const file of feeds) {
      const { item = [], lastBuildDate } = channel(file);
      if (item.length === 0) {
        expect(lastBuildDate, file).toBeUndefined();
        continue;
      }
      const newestItem = Math.max(...(item as Array<{ pubDate: string }>).map((entry) => Date.parse(entry.pubDate)));
      expect(Date.parse(lastBuildDate), file).toBeGreaterThanOrEqual(newestItem);
    }
  });
});

describe('the news sitemap, by the build’s fixed time (BUILD_TIME)', () => {
  let sample = '';
  let keyed = '';
  beforeAll(() => {
    sample = builtSite('sample');
    keyed = builtSite('keyed');
  });

  it('lists a story from the night before the build, and not one from weeks earlier', () => {
    // The sample paper is built at 09:00 UTC on 21 November 2026 (see tests/helpers/built-site.ts).
    const news = readXml(path.join(sample, 'news-sitemap.xml'));
    expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const entries = news.urlset.url as Array<{ loc: string; 'news:news': { 'news:publication_date': string } }>;
    expect(entries.map((entry) => entry.loc)).toEqual(['https://example.org/articles/lowtown-by-election-result/']);
    expect(entries[0]!['news:news']['news:publication_date']).toBe('2026-11-20T01:30:00.000Z');
    expect(readFileSync(path.join(sample, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\nSitemap: https://example.org/news-sitemap.xml\n',
    );
  });

  it('is left out, and named nowhere, when the newest story is three days old', () => {
    // The keyed fixture is built on 5 August 2024; its newest story is dated 2 August.
    expect(existsSync(path.join(keyed, 'news-sitemap.xml'))).toBe(false);
    expect(readFileSync(path.join(keyed, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n');
    expect(findInSite(keyed, ['news-sitemap'])).toEqual([]);
    // Nor does the build say anything of it that reads like a fault.
    expect(buildLog('keyed')).not.toMatch(/response body was empty|file not created/);
  });
});

describe('dates and times on article pages, in the paper’s zone', () => {
  let fixture = '';
  let sample = '';
  beforeAll(() => {
    fixture = builtSite('fixture');
    sample = builtSite('sample');
  });
  const dates = (site: string, slug: string) => {
    const line = parse(readPage(site, `/articles/${slug}/`)).querySelector('.article__dates')!;
    return {
      text: line.textContent.replace(/\s+/g, ' ').trim(),
      datetimes: line.querySelectorAll('time').map((time) => time.getAttribute('datetime')),
    };
  };

  it('shows a date-time article’s time, and a bare date as the day only', () => {
    expect(dates(fixture, 'marker-in-list')).toEqual({ text: '1 July 2023, 08:15', datetimes: ['2023-07-01T07:15:00.000Z'] });
    expect(dates(fixture, 'marker-top-level')).toEqual({ text: '8 June 2023', datetimes: ['2023-06-08'] });
    expect(dates(fixture, 'no-marker-default')).toEqual({
      text: '20 January 2024, 06:00 · Updated 21 January 2024',
      datetimes: ['2024-01-20T06:00:00.000Z', '2024-01-21'],
    });
  });

  it('prints the sample paper’s late-night story and its updates as a reader in the paper’s town would read them', () => {
    expect(dates(sample, 'lowtown-by-election-result').text).toBe('20 November 2026, 01:30');
    expect(dates(sample, 'storm-surge-floods-saltings').text).toBe('19 January 2025, 07:30 · Updated 20 January 2025, 16:10');
    // 10:00 UTC on 26 April 2026 is 11:00 in London (BST).
    expect(dates(sample, 'pilots-clinch-promotion').text).toBe('25 April 2026, 18:40 · Updated 26 April 2026, 11:00');
  });

  it('keeps story lists to the date alone', () => {
    const list = parse(readPage(sample, '/sections/politics/')).querySelectorAll('.story-list time');
    expect(list.length).toBeGreaterThan(0);
    for (const time of list) expect(time.textContent).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  });
});
