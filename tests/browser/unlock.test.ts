import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atLeast, browserUnavailable, formatViolations, launchBrowser, openPage, runAxe } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { CURRENT_KEY, GRACE_KEY, RETIRED_KEY, WRONG_SECRET_KEY } from '../helpers/keys';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

const ARTICLE = '/articles/marker-top-level/';
const PAID_SENTENCE = 'Paid sentence charlie';

describe.skipIf(browserUnavailable)('unlocking an article in the page with a subscriber key', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(builtSite('keyed'));
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the key link the membership email would send, then the article. */
  async function withKey(token: string, run: (page: Page, problems: { consoleErrors: string[]; pageErrors: string[] }) => Promise<void>) {
    const { context, page, problems } = await openPage(browser);
    try {
      await page.goto(`${server.url}/unlock/#key=${token}`);
      await expect.poll(() => page.locator('[data-unlock-status]').textContent()).toMatch(/saved on this device/);
      await page.goto(`${server.url}${ARTICLE}`);
      await run(page, problems);
    } finally {
      await context.close();
    }
  }

  it('saves the key from the link and removes it from the address bar', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
    await expect.poll(() => page.locator('[data-unlock-status]').textContent()).toBe(
      'Your subscriber key is saved on this device. Articles will open in full.',
    );
    expect(page.url()).toBe(`${server.url}/unlock/`);
    expect(await page.evaluate(() => localStorage.getItem('masthead:key'))).toBe(CURRENT_KEY);
    await context.close();
  });

  it('shows the paid paragraphs in place of the cut-off with a valid key', async () => {
    await withKey(CURRENT_KEY, async (page, problems) => {
      const unlocked = page.locator('[data-unlocked]');
      await expect.poll(() => unlocked.count()).toBe(1);
      expect(await unlocked.textContent()).toContain(PAID_SENTENCE);
      expect(await page.locator('[data-free-limit]').count()).toBe(0);
      expect(await page.locator('.article__body').first().textContent()).toContain('Free sentence alpha');
      // The paid part has a picture on another host, which the test machine cannot reach.
      expect(problems.consoleErrors.filter((error) => !error.includes('ERR_NAME_NOT_RESOLVED (https://example.org/'))).toEqual([]);
      expect(problems.pageErrors).toEqual([]);
      const violations = atLeast(await runAxe(page));
      expect(violations, formatViolations(violations)).toEqual([]);
    });
  });

  it('opens with a key still in its grace period', async () => {
    await withKey(GRACE_KEY, async (page) => {
      await expect.poll(() => page.locator('[data-unlocked]').count()).toBe(1);
    });
  });

  it('forgetting the key restores the cut-off', async () => {
    await withKey(CURRENT_KEY, async (page) => {
      await expect.poll(() => page.locator('[data-unlocked]').count()).toBe(1);
      await Promise.all([page.waitForEvent('load'), page.locator('[data-forget-key]').click()]);
      expect(await page.evaluate(() => localStorage.getItem('masthead:key'))).toBeNull();
      expect(await page.locator('[data-free-limit]').isVisible()).toBe(true);
      expect(await page.locator('body').textContent()).not.toContain(PAID_SENTENCE);
    });
  });

  it('shows nothing paid and says why when the key is wrong', async () => {
    await withKey(WRONG_SECRET_KEY, async (page, problems) => {
      const message = page.locator('[data-unlock-message]');
      await expect.poll(() => message.textContent()).toBe('Your subscriber key could not unlock this article.');
      expect(await page.locator('[data-free-limit]').isVisible()).toBe(true);
      expect(await page.locator('body').textContent()).not.toContain(PAID_SENTENCE);
      expect(problems.consoleErrors).toEqual([]);
    });
  });

  it('tells a reader whose key was rotated out to use the latest link', async () => {
    await withKey(RETIRED_KEY, async (page) => {
      await expect.poll(() => page.locator('[data-unlock-message]').textContent()).toMatch(/expired or been replaced/);
      expect(await page.locator('body').textContent()).not.toContain(PAID_SENTENCE);
    });
  });

  it('rejects a link without a valid key', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/unlock/#key=not-a-key`);
    await expect.poll(() => page.locator('[data-unlock-status]').textContent()).toBe('That link does not contain a valid subscriber key.');
    expect(await page.evaluate(() => localStorage.getItem('masthead:key'))).toBeNull();
    await context.close();
  });
});
