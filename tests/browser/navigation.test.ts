import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, openPage } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { readPage } from '../helpers/site-files';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

const SIMILAR_LINKS = '[data-list="similar-stories"] .story__title a';

/** Text as a reader sees it: whitespace collapsed. */
const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Clicks a link and waits for the page it points to; returns the link's text and the new URL path. */
async function follow(page: Page, link: Locator): Promise<{ text: string; path: string }> {
  const text = clean(await link.textContent());
  const href = await link.getAttribute('href');
  expect(href, `link "${text}" has an href`).toBeTruthy();
  const target = new URL(href!, page.url());
  await Promise.all([page.waitForURL(target.href), link.click()]);
  await page.waitForLoadState('load');
  return { text, path: target.pathname };
}

describe.skipIf(browserUnavailable)('a reader finding their way around the sample paper', () => {
  let browser: Browser;
  let server: StaticServer;
  let site = '';

  beforeAll(async () => {
    site = builtSite('sample');
    server = await startStaticServer(site);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** URL path of a built article whose similar-stories list has at least one story. */
  function articleWithSimilarStories(): string {
    const slugs = readdirSync(path.join(site, 'articles')).sort();
    const slug = slugs.find((candidate) => parse(readPage(site, `/articles/${candidate}/`)).querySelector(SIMILAR_LINKS));
    expect(slug, 'some article in the sample paper has similar stories').toBeTruthy();
    return `/articles/${slug}/`;
  }

  it('goes from the front page to the lead story, a similar story, and its author’s page listing it', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await page.goto(`${server.url}/`);

      // Front page → lead story.
      const lead = await follow(page, page.locator('.lead-story__title a'));
      expect(clean(await page.locator('h1').textContent())).toBe(lead.text);

      // Lead story → its first similar story (or, if it has none, another article's).
      if ((await page.locator(SIMILAR_LINKS).count()) === 0) {
        await page.goto(`${server.url}${articleWithSimilarStories()}`);
      }
      const similar = await follow(page, page.locator(SIMILAR_LINKS).first());
      expect(similar.path).toMatch(/^\/articles\/[^/]+\/$/);
      expect(clean(await page.locator('h1').textContent())).toBe(similar.text);

      // Similar story → its author's page, which lists the article we came from.
      const author = await follow(page, page.locator('.article__byline a[rel="author"]'));
      expect(author.path).toMatch(/^\/authors\/[^/]+\/$/);
      expect(clean(await page.locator('h1').textContent())).toBe(author.text);
      const listed = async () =>
        (await page.locator(`[data-list="author-articles"] .story__title a[href="${similar.path}"]`).count()) > 0;
      // Older articles may sit on a later page of the author's list.
      while (!(await listed())) {
        const older = page.locator('.pagination a[rel="next"]');
        if ((await older.count()) === 0) break;
        await follow(page, older);
      }
      expect(await listed(), `${author.text}'s pages list ${similar.path}`).toBe(true);
      expect(problems.all()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reaches every section navigation link with the Tab key, each with a visible focus outline', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/`);
      const navLinks = await page
        .locator('nav[aria-label="Sections"] a')
        .evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      expect(navLinks.length).toBeGreaterThanOrEqual(6);

      const reached: string[] = [];
      for (let presses = 0; presses < 30 && reached.length < navLinks.length; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const active = document.activeElement;
          if (!active?.closest('nav[aria-label="Sections"]')) return null;
          return { href: active.getAttribute('href'), outline: getComputedStyle(active).outlineStyle };
        });
        if (!focused) continue;
        expect(focused.outline, `focus outline on ${focused.href}`).not.toBe('none');
        reached.push(focused.href!);
      }
      expect(reached).toEqual(navLinks);
    } finally {
      await context.close();
    }
  });
});
