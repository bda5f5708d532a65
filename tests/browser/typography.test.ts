import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, openPage, PATIENCE_MS, phone } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

/** The sample article Lighthouse measures: a headline with curly quotes, a standfirst, a lead picture. */
const ARTICLE = '/articles/kilnbank-readers-rally-for-library/';
/** A sample article with ships' names in italic in its free part. */
const ITALIC_ARTICLE = '/articles/tollen-isle-ferry-breakdown/';

/**
 * The fonts Chromium drew an element's own text in, as DevTools lists them
 * (`CSS.getPlatformFontsForNode`): the family and PostScript names inside each
 * font file (`SourceSerif4-Bold`: a face of its own, not one the browser
 * thickened or slanted), and how many letters each drew.
 */
async function fontsDrawing(page: Page, selector: string): Promise<Array<{ family: string; postScriptName: string; glyphs: number }>> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} on ${page.url()}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts.map((font) => ({ family: font.familyName, postScriptName: font.postScriptName, glyphs: font.glyphCount }));
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
  ])('sets the name, headline, standfirst, text and italics in Source Serif 4 from the second page view on, on %s', async (_, options) => {
    const { context, page, problems } = await openPage(browser, options);
    try {
      // A first view (the front page) fetches the files; the test server sends the site's cache rules, as hosts do.
      await page.goto(`${server.url}/`);
      await page.evaluate(() => document.fonts.ready);
      await page.goto(`${server.url}${ARTICLE}`);
      await page.evaluate(() => document.fonts.ready);
      const faces = {
        '.masthead__name': 'SourceSerif4-Bold',
        '.article__headline': 'SourceSerif4-Bold',
        '.article__standfirst': 'SourceSerif4-Regular',
        '.article__body p': 'SourceSerif4-Regular',
      };
      for (const [selector, face] of Object.entries(faces)) {
        const fonts = await fontsDrawing(page, selector);
        expect(fonts.map((font) => font.family), `${selector}: ${JSON.stringify(fonts)}`).toEqual(['Source Serif 4']);
        expect(fonts.map((font) => font.postScriptName), `${selector}: ${JSON.stringify(fonts)}`).toEqual([face]);
      }
      // A ship's name in italic, on a third page: the italic face, not the regular slanted by the browser.
      await page.goto(`${server.url}${ITALIC_ARTICLE}`);
      await page.evaluate(() => document.fonts.ready);
      const italic = await fontsDrawing(page, '.article__body em');
      expect(italic.map((font) => font.postScriptName), JSON.stringify(italic)).toEqual(['SourceSerif4-Italic']);
      // No font file missing or refused on the way (leaving the first page may cancel its favicon: not a fault here).
      expect(problems.failedRequests.filter((request) => /\.woff2\b/.test(request))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
