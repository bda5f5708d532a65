import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build';
import { builtSite } from '../helpers/built-site';
import { article, contentFolder } from '../helpers/content-folder';
import { readPage } from '../helpers/site-files';
import settings from '../../src/settings';

const text = (element: HTMLElement | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** The items of a `data-list` list: meta line, headline and link. */
function listItems(html: HTMLElement, name: string) {
  return html.querySelectorAll(`[data-list="${name}"] li`).map((item) => ({
    meta: text(item.querySelector('.story__meta')),
    title: text(item.querySelector('.story__title')),
    href: item.querySelector('.story__title a')?.getAttribute('href') ?? '',
    standfirst: text(item.querySelector('.story__standfirst')),
  }));
}

describe('lists and browse pages on the fixture site', () => {
  let site = '';
  const page = (urlPath: string) => parse(readPage(site, urlPath));
  beforeAll(() => {
    site = builtSite('fixture');
  });

  it('lists the author’s four most recent other articles under an article, newest first', () => {
    const items = listItems(page('/articles/marker-top-level/'), 'more-from-author');
    expect(items.map((item) => item.href)).toEqual([
      '/articles/references/',
      '/articles/no-marker-default/',
      '/articles/marker-in-list/',
      '/articles/more-ada-5/',
    ]);
    expect(items[0]).toEqual({
      meta: 'News / 4 April 2024',
      title: 'Where the valley’s money goes',
      href: '/articles/references/',
      standfirst: 'A guide to the council budget, line by line.',
    });
  });

  it('says so when an author has no other articles', () => {
    const html = page('/articles/hostile-input/');
    expect(listItems(html, 'more-from-author')).toEqual([]);
    expect(text(html.querySelector('[data-list="more-from-author"]'))).toContain('only article so far');
  });

  it('lists similar stories that exist and are never the article itself', () => {
    for (const slug of ['marker-top-level', 'no-marker-default', 'more-ada-2', 'free-article']) {
      const items = listItems(page(`/articles/${slug}/`), 'similar-stories');
      expect(items.length).toBeLessThanOrEqual(4);
      for (const item of items) {
        expect(item.href).not.toBe(`/articles/${slug}/`);
        expect(existsSync(path.join(site, decodeURIComponent(item.href), 'index.html')), item.href).toBe(true);
        expect(item.meta).toMatch(/^[A-Z][\w ]+ \/ \d{1,2} \w+ \d{4}/);
      }
    }
  });

  it('finds the market stories similar to each other', () => {
    const items = listItems(page('/articles/more-ada-2/'), 'similar-stories');
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.slice(0, 3).every((item) => item.href.startsWith('/articles/more-ada-'))).toBe(true);
  });

  it('shows a section’s articles newest first with its name and description', () => {
    const html = page('/sections/news/');
    expect(text(html.querySelector('h1'))).toBe('News');
    expect(text(html.querySelector('.page-header__description'))).toBe('What happened in the valley today.');
    const dates = listItems(html, 'section-articles').map((item) => Date.parse(item.meta));
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it('does not repeat the section’s name on every story of its page, but author pages show each story’s section', () => {
    const html = page('/sections/news/');
    const metas = listItems(html, 'section-articles').map((item) => item.meta);
    expect(metas.length).toBeGreaterThan(5);
    // Only the date: no "News /" before it, and no link to the page the reader is on.
    expect(metas.filter((meta) => meta.includes('News') || meta.includes('/'))).toEqual([]);
    expect(html.querySelectorAll('[data-list="section-articles"] .story__meta a')).toHaveLength(0);
    expect(html.querySelectorAll('[data-list="section-articles"] .story__meta time')).toHaveLength(metas.length);
    // The front page's groups by section are headed by the section already: their stories carry no label either, not even a hidden one.
    const front = page('/');
    const groups = front.querySelectorAll('[data-list^="section-"]');
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.querySelectorAll('.story__meta a'), group.getAttribute('data-list')!).toHaveLength(0);
    const author = listItems(page('/authors/ada-quill/'), 'author-articles');
    expect(author.every((item) => /^[A-Z][\w ]+ \/ \d/.test(item.meta)), JSON.stringify(author.map((item) => item.meta))).toBe(true);
  });

  it('gives a section with no articles a page that says so', () => {
    const html = page('/sections/empty-section/');
    expect(text(html.querySelector('h1'))).toBe('Empty Section');
    expect(text(html.querySelector('main'))).toContain('There are no stories in Empty Section yet.');
  });

  it('shows an author’s name, role, bio and articles', () => {
    const html = page('/authors/ada-quill/');
    expect(text(html.querySelector('h1'))).toBe('Ada Quill');
    expect(text(html.querySelector('.author-header__role'))).toBe('Chief reporter');
    expect(text(html.querySelector('.author-header__bio'))).toContain('covered the valley for twelve years');
    expect(listItems(html, 'author-articles')).toHaveLength(9);
    const solo = page('/authors/cleo-solo/');
    expect(listItems(solo, 'author-articles').map((item) => item.href)).toEqual(['/articles/hostile-input/']);
  });

  it('lists every writer on /authors/', () => {
    const links = page('/authors/').querySelectorAll('main h2 a').map((link) => link.getAttribute('href'));
    expect(links).toEqual(['/authors/ada-quill/', '/authors/ben-ink/', '/authors/cleo-solo/']);
    // A portrait beside the name of each writer who has one (Ada Quill), decorative as the name is beside it.
    const portraits = page('/authors/').querySelectorAll('.author-index__item').map((item) => item.querySelector('.author-index__portrait img')?.getAttribute('alt') ?? null);
    expect(portraits).toEqual(['', null, null]);
  });

  it('gives the 404 page a search box and the latest stories', () => {
    const html = page('/404.html');
    const form = html.querySelector('main form[role="search"]');
    expect(form?.getAttribute('action')).toBe('/search/');
    expect(form?.querySelector('input[type="search"]')?.getAttribute('name')).toBe('q');
    const latest = listItems(html, 'latest').map((item) => item.href);
    expect(latest).toHaveLength(5);
    expect(latest[0]).toBe('/articles/free-article/');
  });

  it('dates the front page with the build’s day in the paper’s zone', () => {
    const line = page('/').querySelector('.front__date time');
    expect(line?.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(text(line)).toMatch(/^[A-Z][a-z]+day, \d{1,2} [A-Z][a-z]+ \d{4}$/);
  });

  it('leads the front page with the newest story, then the latest from each section', () => {
    const html = page('/');
    expect(html.querySelector('.lead-story__title a')?.getAttribute('href')).toBe('/articles/free-article/');
    const sectionHeadings = html.querySelectorAll('.front-section__heading').map((heading) => text(heading));
    expect(sectionHeadings.length).toBeGreaterThanOrEqual(2);
    expect(sectionHeadings).not.toContain('Empty Section');
    const hrefs = html.querySelectorAll('main a[href^="/articles/"]').map((link) => link.getAttribute('href'));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it('marks a story for subscribers on its cards and in the feed’s categories, and a free story nowhere', () => {
    const marker = (html: HTMLElement, href: string) =>
      html.querySelectorAll('.story').find((card) => card.querySelector(`.story__title a[href="${href}"]`))?.querySelector('.access-marker') ?? null;
    const authorPage = page('/authors/ada-quill/');
    expect(marker(authorPage, '/articles/marker-top-level/')?.querySelector('[aria-hidden="true"]')?.textContent).toBe(settings.subscribe.marker);
    expect(marker(authorPage, '/articles/marker-top-level/')?.querySelector('.sr-only')?.textContent).toBe(settings.subscribe.markerSpoken);
    expect(marker(page('/sections/features/'), '/articles/free-article/')).toBeNull();
    expect(page('/').querySelector('.lead-story .access-marker'), 'the free lead story').toBeNull();
    const items = readPage(site, '/rss.xml').split('<item>').slice(1);
    const categories = (slug: string) =>
      [...(items.find((item) => item.includes(`/articles/${slug}/</link>`)) ?? '').matchAll(/<category>([^<]*)<\/category>/g)].map((match) => match[1]);
    expect(categories('free-article')).toEqual([expect.any(String)]);
    expect(categories('marker-top-level')).toEqual([expect.any(String), settings.subscribe.marker]);
  });

  it('links section labels back to their section', () => {
    expect(page('/articles/marker-in-quote/').querySelector('.article__section a')?.getAttribute('href')).toBe('/sections/opinion/');
  });
});

describe('pagination of section and author pages', () => {
  let site = '';
  let cleanup = () => {};
  const page = (urlPath: string) => parse(readPage(site, urlPath));
  beforeAll(() => {
    const changes: Record<string, string> = {};
    for (let n = 1; n <= 45; n++) {
      const day = String((n % 28) + 1).padStart(2, '0');
      const month = String(Math.ceil(n / 28)).padStart(2, '0');
      changes[`articles/bulk/story-${n}.md`] = article({ title: `Story ${n}`, date: `2025-${month}-${day}T${String(n % 24).padStart(2, '0')}:00Z` });
    }
    const folder = contentFolder(changes);
    cleanup = folder.cleanup;
    site = path.join(folder.dir, 'out');
    const result = astroBuild({ CONTENT_DIR: folder.dir, OUT_DIR: site });
    expect(result.code, result.output).toBe(0);
  });
  afterAll(() => {
    cleanup();
    rmSync(site, { recursive: true, force: true });
  });

  it('splits a section into pages of 20, linked to each other', () => {
    const first = page('/sections/news/');
    const second = page('/sections/news/2/');
    const third = page('/sections/news/3/');
    expect(listItems(first, 'section-articles')).toHaveLength(20);
    expect(listItems(second, 'section-articles')).toHaveLength(20);
    expect(listItems(third, 'section-articles')).toHaveLength(6);
    expect(first.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/sections/news/2/');
    expect(second.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/sections/news/');
    expect(third.querySelector('a[rel="next"]')).toBeNull();
    expect(text(second.querySelector('.pagination'))).toContain('Page 2 of 3');
    expect(existsSync(path.join(site, 'sections/news/4/index.html'))).toBe(false);
  });

  it('never shows an article on two pages', () => {
    const hrefs = ['/sections/news/', '/sections/news/2/', '/sections/news/3/'].flatMap((url) =>
      listItems(page(url), 'section-articles').map((item) => item.href),
    );
    expect(new Set(hrefs).size).toBe(46);
  });

  it('paginates author pages the same way', () => {
    expect(listItems(page('/authors/ada/'), 'author-articles')).toHaveLength(20);
    expect(listItems(page('/authors/ada/3/'), 'author-articles')).toHaveLength(6);
  });
});
