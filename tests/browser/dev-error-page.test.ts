import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, launchBrowser, patient } from '../helpers/browser';
import { article, validContent } from '../helpers/content-folder';
import { startDevServer, stopDevServer, type DevServer } from '../helpers/dev-server';

const contentDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-dev-error-'));
const brokenFile = path.join(contentDir, 'articles/2024/broken.md');

/** Every text the page shows, inside Vite's error overlay (a shadow root) too. */
function shownText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const overlay = document.querySelector('vite-error-overlay');
    return `${document.body?.innerText ?? ''}\n${overlay?.shadowRoot?.textContent ?? ''}`;
  });
}

/** Loads `url` until its text matches `pattern` (the dev server re-reads the folder after a change), or times out. */
async function waitForText(page: Page, url: string, pattern: RegExp, ms = 180_000): Promise<string> {
  const until = Date.now() + ms;
  let text = '';
  while (Date.now() < until) {
    await page.goto(url, { waitUntil: 'load' }).catch(() => undefined);
    // The overlay arrives over the dev server's socket a moment after the page loads.
    await page.waitForSelector('vite-error-overlay', { timeout: 3_000 }).catch(() => undefined);
    text = await shownText(page);
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${url} never showed ${pattern}; last text:\n${text}`);
}

describe.skipIf(browserUnavailable)('content errors in npm run dev, in the browser', () => {
  let server: DevServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    for (const [file, text] of Object.entries({ ...validContent, 'articles/2024/broken.md': article({ author: 'bob' }) })) {
      if (text === null) continue;
      mkdirSync(path.dirname(path.join(contentDir, file)), { recursive: true });
      writeFileSync(path.join(contentDir, file), text);
    }
    server = await startDevServer({ CONTENT_DIR: contentDir, MASTHEAD_CACHE_DIR: 'off' });
    browser = await launchBrowser();
    page = await patient(await browser.newContext()).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stopDevServer(server?.child);
    rmSync(contentDir, { recursive: true, force: true });
  });

  it('shows the broken file and field on the page instead of the site, and the server stays up', async () => {
    const text = await waitForText(page, `${server!.origin}/`, /broken\.md/);
    expect(text).toMatch(/articles\/2024\/broken\.md:3: author: "bob" is not a known author .* \[author-unknown\]/);
    expect(server!.child.exitCode).toBeNull();
  });

  it('shows the site again once the file is fixed, with each article’s free limit in words', async () => {
    writeFileSync(brokenFile, article({ author: 'ada', title: 'Mended story' }));
    const text = await waitForText(page, `${server!.origin}/articles/first/`, /Free limit —/);
    // validContent's first article: "One. Two." free, "Paid three." after the marker.
    expect(text).toContain('Free limit — 2 of 4 words free (at the marker)');
    expect(text).not.toMatch(/not a known author/);
  });
});
