import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { builtSite } from '../helpers/built-site';
import { PAID } from '../helpers/fixture-paid';
import { findInSite, listFiles, readPage } from '../helpers/site-files';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['item', 'atom:link'].includes(name) });

/** The article links of a page's story list. */
const listed = (html: string, name: string) =>
  parse(html)
    .querySelectorAll(`[data-list="${name}"] a[href^="/articles/"]`)
    .map((link) => link.getAttribute('href'))
    .filter((href, index, all) => all.indexOf(href) === index);

/** The tag links after an article. */
const tagLinks = (html: string) =>
  parse(html)
    .querySelectorAll('.article-tags a')
    .map((link) => ({ href: link.getAttribute('href'), text: link.textContent.trim() }));

describe('tag pages (fixture site)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('fixture');
  });

  it('gives a tag used by two articles a page listing both, newest first, under the newer spelling on a tie', () => {
    const html = readPage(site, '/tags/council/');
    expect(listed(html, 'tag-articles')).toEqual(['/articles/references/', '/articles/marker-top-level/']);
    expect(parse(html).querySelector('h1')?.textContent.trim()).toBe('Council');
  });

  it('makes no page for a tag used by one article, and the article links no such tag', () => {
    const pages = listFiles(site).filter((file) => file.startsWith('tags/'));
    expect(pages).not.toContain('tags/harbour/index.html');
    expect(pages).not.toContain('tags/storm/index.html');
    expect(tagLinks(readPage(site, '/articles/pictures/'))).toEqual([]);
    expect(tagLinks(readPage(site, '/articles/list-only/'))).toEqual([{ href: '/tags/flooding/', text: 'Flooding' }]);
  });

  it('links an article to each of its tags that has a page', () => {
    expect(tagLinks(readPage(site, '/articles/marker-top-level/'))).toEqual([{ href: '/tags/council/', text: 'Council' }]);
    expect(tagLinks(readPage(site, '/articles/no-marker-default/')).map((link) => link.href)).toEqual(['/tags/flooding/']);
  });

  it('publishes a valid RSS feed per tag page, pointing at itself, announced in the page head', () => {
    const file = path.join(site, 'tags/flooding/rss.xml');
    const text = readFileSync(file, 'utf8');
    expect(SyntaxValidator.validate(text)).toBe(true);
    const channel = xml.parse(text).rss.channel;
    const self = channel['atom:link'].find((link: Record<string, string>) => link['@_rel'] === 'self');
    expect(self['@_href']).toBe('https://example.org/tags/flooding/rss.xml');
    expect(channel.link).toBe('https://example.org/tags/flooding/');
    // Written `flooding` in every article; shown as a newsroom writes it, in the feed's title as on the page.
    expect(channel.title).toBe(`Flooding | ${settings.siteName}`);
    const page = parse(readPage(site, '/tags/flooding/'));
    expect(page.querySelector('title')?.textContent).toBe(`Flooding | ${settings.siteName}`);
    expect(page.querySelector('h1')?.textContent.trim()).toBe('Flooding');
    expect(page.querySelector('.page-header__description')?.textContent.trim()).toBe('Stories tagged Flooding.');
    expect(channel.item.map((item: { link: string }) => item.link)).toEqual([
      'https://example.org/articles/no-marker-default/',
      'https://example.org/articles/list-only/',
    ]);
    const head = parse(readPage(site, '/tags/flooding/')).querySelectorAll('link[rel="alternate"][type="application/rss+xml"]');
    expect(head.map((link) => link.getAttribute('href'))).toContain('/tags/flooding/rss.xml');
  });

  it('shows only standfirsts: no paid sentence anywhere in the built site', () => {
    expect(findInSite(site, PAID)).toEqual([]);
    expect(readPage(site, '/tags/flooding/')).not.toContain('Free paragraph papa');
  });
});

describe('tag names and standfirsts from content/tags.yaml (sample paper)', () => {
  it('names a tag as tags.yaml does, with its standfirst, on its page, in its feed and on the articles that link it', () => {
    const site = builtSite('sample');
    const page = parse(readPage(site, '/tags/strand-wall/'));
    expect(page.querySelector('h1')?.textContent.trim()).toBe('Strand Wall');
    expect(page.querySelector('title')?.textContent).toBe(`Strand Wall | ${settings.siteName}`);
    const standfirst = 'The sea wall that keeps the Strand dry, what is wrong with it, and who will pay for the next one.';
    expect(page.querySelector('.page-header__description')?.textContent.trim()).toBe(standfirst);
    expect(page.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(standfirst);
    const channel = xml.parse(readFileSync(path.join(site, 'tags/strand-wall/rss.xml'), 'utf8')).rss.channel;
    expect(channel.title).toBe(`Strand Wall | ${settings.siteName}`);
    const linking = listed(readPage(site, '/tags/strand-wall/'), 'tag-articles')[0]!;
    expect(tagLinks(readPage(site, linking))).toContainEqual({ href: '/tags/strand-wall/', text: 'Strand Wall' });
    // Typeset as the rest of the page: a curly apostrophe.
    expect(parse(readPage(site, '/tags/fishermen-s-co-operative/')).querySelector('h1')?.textContent.trim()).toBe('Fishermen’s Co-operative');
  });
});

describe('an article’s control over Similar stories (fixture site)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('fixture');
  });

  it('shows the stories an article pins first, in the order written', () => {
    // tests/fixtures/site/articles/2024/no-marker-default.md: related: [footnote-only-after, free-article]
    const items = listed(readPage(site, '/articles/no-marker-default/'), 'similar-stories');
    expect(items.slice(0, 2)).toEqual(['/articles/footnote-only-after/', '/articles/free-article/']);
    expect(items.length).toBeGreaterThan(2);
  });

  it('keeps an article with similar: false out of every Similar stories list, while it keeps its own', () => {
    // tests/fixtures/site/articles/2024/hostile-input.md: similar: false (without it, five other pages list it)
    const pages = listFiles(site).filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
    expect(pages.length).toBeGreaterThan(10);
    for (const file of pages) {
      expect(listed(readPage(site, `/${path.dirname(file)}/`), 'similar-stories'), file).not.toContain('/articles/hostile-input/');
    }
    expect(listed(readPage(site, '/articles/hostile-input/'), 'similar-stories').length).toBeGreaterThan(0);
  });
});
