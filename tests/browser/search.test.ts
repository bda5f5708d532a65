import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atLeast, browserUnavailable, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser';
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
  }, 240_000);
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
    await expect.poll(async () => (await status.textContent()) ?? '', { timeout: 10_000 }).toMatch(/match/);
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

  it('finds nothing for a word that stands only after the free limit', async () => {
    for (const word of ['quintessentialwombat', 'sierra', 'saxophonecarousel']) {
      const result = await search(root, word);
      expect(result.titles, word).toEqual([]);
      expect(result.statusText).toBe(`No stories match “${word}”.`);
    }
  });

  it('keeps the query in the address so a search can be shared', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${root.url}/search/?q=timber`);
    await expect.poll(() => page.locator('.search__result-title a').allTextContents(), { timeout: 10_000 }).toEqual([
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
    await expect.poll(() => page.locator('.search__result').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const violations = atLeast(await runAxe(page));
    expect(violations, formatViolations(violations)).toEqual([]);
    await context.close();
  });
});
