import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atLeast, browserUnavailable, formatViolations, launchBrowser, openPage, PATIENCE_MS, runAxe } from '../helpers/browser';
import settings from '../../src/settings';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

describe.skipIf(browserUnavailable)('static search', () => {
  let browser: Browser;
  let root: StaticServer;
  let subpath: StaticServer;
  beforeAll(async () => {
    root = await startStaticServer(builtSite('fixture'));
    subpath = await startStaticServer(builtSite('subpath'), { basePath: '/paper/' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await root?.close();
    await subpath?.close();
  });

  async function search(server: StaticServer, query: string) {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.url}/search/`);
    // As a keyboard user would: Tab to the box, type, press Enter.
    await page.locator('#search-input').focus();
    await page.keyboard.type(query);
    await page.keyboard.press('Enter');
    const status = page.locator('[data-search-status]');
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: PATIENCE_MS }).toMatch(/match/);
    const titles = await page.locator('.search__result-title a').allTextContents();
    const statusText = (await status.textContent()) ?? '';
    await context.close();
    return { titles, statusText, problems };
  }

  it('finds an article by a word from its free part', async () => {
    const result = await search(root, 'quebec');
    expect(result.titles).toEqual(['River levels fall after a week of warnings']);
    expect(result.statusText).toBe('1 story matches “quebec”.');
    expect(result.problems.consoleErrors).toEqual([]);
    expect(result.problems.failedRequests).toEqual([]);
  });

  it('finds stories of this year and of earlier years in one list: the archive part of the index is merged in', async () => {
    // 2024's stories are in the main part (pagefind/), 2022's and 2023's in an archive part (pagefind/archive-2022-2023/).
    for (const server of [root, subpath]) {
      const result = await search(server, 'valley');
      expect(result.titles).toEqual(expect.arrayContaining(['River levels fall after a week of warnings', 'Valley council approves new footbridge']));
      expect(result.problems.failedRequests).toEqual([]);
      expect(result.problems.consoleErrors).toEqual([]);
    }
  });

  it('finds nothing for a word that stands only after the free limit', async () => {
    for (const word of ['quintessentialwombat', 'sierra', 'saxophonecarousel']) {
      const result = await search(root, word);
      expect(result.titles, word).toEqual([]);
      expect(result.statusText).toBe(`No stories match “${word}”.`);
    }
  });

  it('claims no match for a word in no story, where Pagefind falls back to a piece of it (“bequest” finding “be”)', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${root.url}/search/`);
      for (const word of ['freelancers']) {
        // Pagefind itself returns stories for these: a piece of the word ("free", "co") is in them.
        // A string, so that the test runner leaves the page's own import() alone.
        const fallback = (await page.evaluate(`import('/pagefind/pagefind.js').then((pagefind) => pagefind.search(${JSON.stringify(word)})).then((found) => found.results.length)`)) as number;
        expect(fallback, `Pagefind's own results for ${word}`).toBeGreaterThan(0);
        const result = await search(root, word);
        expect(result.titles, word).toEqual([]);
        expect(result.statusText).toBe(`No stories match “${word}”.`);
      }
    } finally {
      await context.close();
    }
  });

  it('keeps pictures’ captions and credits out of the excerpt', async () => {
    const [result] = await results(root, 'dockers');
    expect(result!.title).toBe('Harbour crane lifts its first load');
    expect(result!.excerpt).toContain('Free paragraph picture one: the block was lowered onto the new wall at noon. Free paragraph picture two: dockers');
    expect(result!.excerpt).not.toMatch(/bluebell|campion|Ada Quill/);
  });

  /** The results of a search as a reader sees them: each item's classes, meta line, section link, date, headline link and excerpt. */
  async function results(server: StaticServer, query: string) {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => page.locator('[data-search-status]').textContent(), { timeout: PATIENCE_MS }).toMatch(/match/);
    const items = await page.locator('[data-search-results] > li').evaluateAll((elements) =>
      elements.map((li) => ({
        classes: li.className,
        meta: li.querySelector('.story__meta')?.textContent ?? '',
        sectionHref: li.querySelector('.story__meta a')?.getAttribute('href') ?? null,
        datetime: li.querySelector('.story__meta time')?.getAttribute('datetime') ?? null,
        titleTag: li.querySelector('.story__title')?.tagName ?? '',
        title: li.querySelector('.story__title a')?.textContent ?? '',
        href: li.querySelector('.story__title a')?.getAttribute('href') ?? '',
        excerpt: li.querySelector('.story__standfirst')?.textContent ?? '',
        marked: [...li.querySelectorAll('.story__standfirst mark')].map((mark) => mark.textContent),
        label: li.querySelector('.story__label')?.textContent ?? null,
        access: li.querySelector('.access-marker')?.textContent ?? null,
        order: [...li.children].map((child) => child.className),
      })),
    );
    await context.close();
    return items;
  }

  it('shows a result as the site’s story lists show a story: section and date, the headline link, then an excerpt of the text', async () => {
    const [result, ...rest] = await results(root, 'quebec');
    expect(rest).toEqual([]);
    expect(result).toMatchObject({
      classes: 'story search__result',
      meta: 'News / 20 January 2024, 06:00',
      sectionHref: '/sections/news/',
      datetime: '2024-01-20T06:00:00.000Z',
      titleTag: 'H2',
      title: 'River levels fall after a week of warnings',
      href: '/articles/no-marker-default/',
      marked: ['quebec:'],
      label: null,
      // A story for subscribers: the marker's word, and the fuller phrase for screen readers.
      access: `${settings.subscribe.marker}${settings.subscribe.markerSpoken}`,
      order: ['story__meta', 'story__title search__result-title', 'story__standfirst search__excerpt', 'access-marker'],
    });
    // The excerpt is the text around the match: not the section label, the byline or the date.
    expect(result!.excerpt).toContain('Free paragraph quebec: sandbags remain stacked outside the bakery.');
    expect(result!.excerpt).not.toMatch(/^News|By Ada Quill|January 2024|Chief reporter/);
  });

  it('excerpts the standfirst, not the headline it already shows, when only the headline matches', async () => {
    const [result] = await results(root, 'warnings');
    expect(result!.title).toBe('River levels fall after a week of warnings');
    expect(result!.excerpt).toMatch(/^Flood alerts along the lower valley were lifted on Saturday morning\. Free paragraph papa/);
    expect(result!.excerpt).not.toContain('River levels fall');
    expect(result!.marked).toEqual([]);
  });

  it('shows a result’s label over its headline, and no access marker on a free story', async () => {
    const [labelled] = await results(root, 'timber');
    expect(labelled).toMatchObject({ label: 'Interview', order: ['story__meta', 'story__label label', 'story__title search__result-title', 'story__standfirst search__excerpt', 'access-marker'] });
    const free = (await results(root, 'terrier')).find((item) => item.href === '/articles/free-article/');
    expect(free, 'the free article is found').toBeDefined();
    expect(free!.access).toBeNull();
  });

  it('links a result’s section and headline under the sub-path', async () => {
    const [result] = await results(subpath, 'quebec');
    expect(result!.sectionHref).toBe('/paper/sections/news/');
    expect(result!.href).toBe('/paper/articles/no-marker-default/');
  });

  it('keeps the query in the address so a search can be shared', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${root.url}/search/?q=timber`);
    await expect.poll(() => page.locator('.search__result-title a').allTextContents(), { timeout: PATIENCE_MS }).toEqual([
      'Valley council approves new footbridge',
    ]);
    expect(await page.locator('#search-input').inputValue()).toBe('timber');
    await context.close();
  });

  it('works under a sub-path', async () => {
    const result = await search(subpath, 'timber');
    expect(result.titles).toEqual(['Valley council approves new footbridge']);
    expect(result.problems.failedRequests).toEqual([]);
  });

  it('has no serious accessibility problems with results showing', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${root.url}/search/?q=valley`);
    await expect.poll(() => page.locator('.search__result').count(), { timeout: PATIENCE_MS }).toBeGreaterThan(0);
    const violations = atLeast(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });
});
