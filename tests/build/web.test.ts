import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { builtSite } from '../helpers/built-site';
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
    expect(items).toHaveLength(17);
    const footbridge = items.find((item) => item.title === 'Valley council approves new footbridge')!;
    expect(footbridge).toMatchObject({
      link: 'https://example.org/articles/marker-top-level/',
      description: 'The timber bridge will link the two halves of the market town by spring.',
      'dc:creator': 'Ada Quill',
      category: ['News'],
    });
    expect(new Date(footbridge.pubDate).toISOString()).toBe('2023-06-08T12:00:00.000Z');
    expect(readFileSync(path.join(site, 'rss.xml'), 'utf8')).not.toContain('Free sentence alpha');
  });

  it('publishes a feed per section and per author, announced in page heads', () => {
    const news = readXml(path.join(site, 'sections/news/rss.xml')).rss.channel.item as unknown[];
    expect(news.length).toBe(9);
    const ben = readXml(path.join(site, 'authors/ben-ink/rss.xml')).rss.channel.item as unknown[];
    expect(ben.length).toBe(7);
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
    expect(meta(html, 'article:modified_time')).toBe('2024-01-21T12:00:00.000Z');
    expect(meta(html, 'article:author')).toBe('https://example.org/authors/ada-quill/');
    expect(meta(html, 'article:section')).toBe('News');
    expect(html.querySelectorAll('meta[property="article:tag"]').map((tag) => tag.getAttribute('content'))).toEqual(['flooding', 'river']);
    expect(meta(html, 'twitter:card')).toBe('summary');
  });

  it('uses an article’s picture for its social card and JSON-LD', () => {
    const html = parse(readPage(site, '/articles/free-article/'));
    expect(meta(html, 'og:image')).toBe('https://images.example.net/fair.jpg');
    expect(meta(html, 'og:image:alt')).toBe('Crowds on the showground at the summer fair');
    expect(meta(html, 'twitter:card')).toBe('summary_large_image');
    expect(html.querySelector('.article__image img')?.getAttribute('alt')).toBe('Crowds on the showground at the summer fair');
    const jsonLd = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent) as { image: string[] };
    expect(jsonLd.image).toEqual(['https://images.example.net/fair.jpg']);
  });

  it('gives every article NewsArticle JSON-LD with the paywall marked as Google asks', () => {
    const jsonLd = (slug: string) =>
      JSON.parse(parse(readPage(site, `/articles/${slug}/`)).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
    const paid = jsonLd('marker-top-level');
    expect(paid).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Valley council approves new footbridge',
      datePublished: '2023-06-08T12:00:00.000Z',
      author: [{ '@type': 'Person', name: 'Ada Quill', url: 'https://example.org/authors/ada-quill/' }],
      publisher: { '@type': 'Organization', name: settings.siteName },
      articleSection: 'News',
      isAccessibleForFree: false,
      hasPart: { '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '[data-free-limit]' },
    });
    const free = jsonLd('free-article');
    expect(free.isAccessibleForFree).toBe(true);
    expect(free.hasPart).toBeUndefined();
  });

  it('lists every article in the sitemap, and points robots.txt to it and the news sitemap', () => {
    const index = readXml(path.join(site, 'sitemap-index.xml'));
    const sitemaps = (index.sitemapindex.sitemap as Array<{ loc: string }>).map((entry) => entry.loc);
    const urls = sitemaps.flatMap((loc) =>
      (readXml(path.join(site, new URL(loc).pathname)).urlset.url as Array<{ loc: string }>).map((entry) => entry.loc),
    );
    expect(urls).toContain('https://example.org/articles/marker-first/');
    expect(urls).toContain('https://example.org/sections/empty-section/');
    expect(urls.some((url) => /404|search/.test(url))).toBe(false);
    const news = readXml(path.join(site, 'news-sitemap.xml'));
    expect(news.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\nSitemap: https://example.org/news-sitemap.xml\n',
    );
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
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).toContain('Sitemap: https://news.example.com/paper/sitemap-index.xml');
    const sitemap = readFileSync(path.join(site, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://news.example.com/paper/articles/marker-top-level/</loc>');
    const jsonLd = parse(readPage(site, '/articles/marker-top-level/')).querySelector('script[type="application/ld+json"]')!.textContent;
    expect(JSON.parse(jsonLd).url).toBe('https://news.example.com/paper/articles/marker-top-level/');
  });

  it('points the search page at the index under the sub-path', () => {
    expect(parse(readPage(site, '/search/')).querySelector('[data-search]')?.getAttribute('data-pagefind-url')).toBe('/paper/pagefind/pagefind.js');
  });
});

describe('the sample paper', () => {
  it('has no broken internal link or asset', () => {
    expect(checkLinks(builtSite('sample'), { origin: new URL(settings.siteUrl).origin, external: [settings.subscribe.url] })).toEqual([]);
  });
});
