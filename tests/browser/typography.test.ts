import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, openPage, PATIENCE_MS } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

/** The sample article that says "won’t go" (typed `won't go`), in its free part. */
const HEADLINE = '‘It’s where I learned to read’: a day among Kilnbank Library’s regulars';

describe.skipIf(browserUnavailable)('searching a paper printed with typographic apostrophes', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(builtSite('sample'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['a straight apostrophe', "won't go"],
    ['a curly apostrophe', 'won’t go'],
    ['a straight apostrophe in the headline', "library's regulars"],
  ])('finds the story when the reader types %s', async (_, query) => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
      await expect.poll(() => page.locator('.search__result-title a').allTextContents(), { timeout: PATIENCE_MS }).toContain(HEADLINE);
    } finally {
      await context.close();
    }
  });
});
