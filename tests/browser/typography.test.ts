import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, openPage, PATIENCE_MS, phone } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

/** The sample article Lighthouse measures: a headline with curly quotes, a standfirst, a lead picture. */
const ARTICLE = '/articles/kilnbank-readers-rally-for-library/';

/**
 * The fonts Chromium drew an element's own text in, as DevTools lists them
 * (`CSS.getPlatformFontsForNode`): the family name inside each font file, and
 * how many letters each drew.
 */
async function fontsDrawing(page: Page, selector: string): Promise<Array<{ family: string; glyphs: number }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} on ${page.url()}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => ({ family: font.familyName, glyphs: font.glyphCount }));
  } finally {
    await cdp.detach();
  }
}

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

describe.skipIf(browserUnavailable)('the paper’s own typeface', () => {
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
    ['a phone', phone],
    ['a desktop', { viewport: { width: 1280, height: 800 } }],
  ])('sets the name, headline, standfirst and text in Source Serif 4 on a second page view, on %s', async (_, options) => {
    const { context, page, problems } = await openPage(browser, options);
    try {
      // A first view (the front page) fetches the files; the test server sends the site's cache rules, as hosts do.
      await page.goto(`${server.url}/`);
      await page.evaluate(() => document.fonts.ready);
      await page.goto(`${server.url}${ARTICLE}`);
      await page.evaluate(() => document.fonts.ready);
      for (const selector of ['.masthead__name', '.article__headline', '.article__standfirst', '.article__body p']) {
        const fonts = await fontsDrawing(page, selector);
        expect(fonts.length, `${selector}: ${JSON.stringify(fonts)}`).toBeGreaterThan(0);
        expect(fonts.map((font) => font.family), `${selector}: ${JSON.stringify(fonts)}`).toEqual(['Source Serif 4']);
      }
      // No font file missing or refused on the way (leaving the first page may cancel its favicon: not a fault here).
      expect(problems.failedRequests.filter((request) => /\.woff2\b/.test(request))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
