import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { atLeast, browserUnavailable, formatViolations, launchBrowser, openPage, PATIENCE_MS, phone, runAxe } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { keyStorageName } from '../../src/subscribers/key-storage';
import { generateKeyToken } from '../../src/subscribers/keys';
import settings from '../../src/settings';
import { CURRENT_KEY, GRACE_KEY, RETIRED_KEY, WRONG_SECRET_KEY } from '../helpers/keys';
import { startStaticServer, type StaticServer } from '../helpers/static-server';
import { projectRoot } from '../helpers/astro-build';
import { policiesFor } from '../helpers/headers-rules';
import { makeVariants } from '../../src/pictures/process-images';
import { imageVariants, sealedVariants } from '../../src/pictures/variants';

const ARTICLE = '/articles/marker-top-level/';
const PAID_SENTENCE = 'Paid sentence charlie';
/** Where the keyed fixture site (built with the settings' site URL, at the root) keeps the key. */
const STORAGE_NAME = keyStorageName(settings.siteUrl, '/');
/** A footnote referenced in the free part of footnote-only-after but written after its cut. */
const PAID_NOTE = 'Paid footnote with canary word glockenspielmirage.';
/** What /unlock/ says when it saves a key of the ring that builds still seal for. */
const ACCEPTED = 'Key accepted. Your subscriber key is saved on this device, and articles will open in full.';
const RETIRED = 'This key has been retired. Ask for the current one: it is in your latest membership email.';
const UNKNOWN = 'This key is not one of ours. Copy the whole key from your membership email, or ask us for the current one.';
/** Checking a key takes a moment of WebCrypto: room for a busy machine. */
const POLL = { timeout: PATIENCE_MS };

describe.skipIf(browserUnavailable)('unlocking an article in the page with a subscriber key', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(builtSite('keyed'));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * Opens the key link the membership email would send, then the article. A key /unlock/ refuses
   * (retired, or not ours) is put in storage directly instead, as if saved before it was retired.
   */
  async function withKey(
    token: string,
    run: (page: Page, problems: { consoleErrors: string[]; pageErrors: string[] }) => Promise<void>,
    article = ARTICLE,
  ) {
    const { context, page, problems } = await openPage(browser);
    try {
      if (token === RETIRED_KEY || token === WRONG_SECRET_KEY) {
        await page.goto(`${server.url}/unlock/`);
        await page.evaluate(([name, value]) => localStorage.setItem(name!, value!), [STORAGE_NAME, token]);
      } else {
        await page.goto(`${server.url}/unlock/#key=${token}`);
        await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toMatch(/saved on this device/);
      }
      await page.goto(`${server.url}${article}`);
      await run(page, problems);
    } finally {
      await context.close();
    }
  }

  it('saves the key from the link and removes it from the address bar', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
    await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(ACCEPTED);
    expect(page.url()).toBe(`${server.url}/unlock/`);
    expect(await page.evaluate((name) => localStorage.getItem(name), STORAGE_NAME)).toBe(CURRENT_KEY);
    await context.close();
  });

  it('stops asking a reader whose device holds a key to subscribe, on every page, and asks again once it is forgotten', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}/`);
      await expect(page.locator('.masthead__subscribe').isVisible()).resolves.toBe(true);
      await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
      await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(ACCEPTED);
      for (const address of ['/', ARTICLE, '/authors/']) {
        await page.goto(`${server.url}${address}`);
        await expect.poll(() => page.locator('.masthead__subscribe').isVisible(), POLL).toBe(false);
        expect(await page.locator('.phone-menu__subscribe').count()).toBe(1);
        expect(await page.locator('.phone-menu__subscribe').evaluate((link) => getComputedStyle(link).display)).toBe('none');
      }
      await page.evaluate((name) => localStorage.removeItem(name), STORAGE_NAME);
      await page.goto(`${server.url}/`);
      await expect(page.locator('.masthead__subscribe').isVisible()).resolves.toBe(true);
    } finally {
      await context.close();
    }
  });

  it('keeps the key under a name scoped to the site, and ignores another paper’s key on the same origin', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
    await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toMatch(/saved on this device/);
    const names = await page.evaluate(() => Object.keys(localStorage));
    expect(names).toEqual([STORAGE_NAME]);
    expect(STORAGE_NAME).toBe('masthead:key:https://example.org/');
    // Another paper on this origin (another base path) saved its key: this site neither reads nor opens with it.
    await page.evaluate((token) => {
      localStorage.clear();
      localStorage.setItem('masthead:key:https://example.org/other-paper/', token);
      localStorage.setItem('masthead:key', token);
    }, CURRENT_KEY);
    await page.goto(`${server.url}${ARTICLE}`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-unlocked]').count()).toBe(0);
    expect(await page.locator('[data-free-limit]').isVisible()).toBe(true);
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
      expect(await page.evaluate((name) => localStorage.getItem(name), STORAGE_NAME)).toBeNull();
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

  describe('telling keys apart on /unlock/, before any article', () => {
    /** Opens the membership link with `token`; returns what the page said and what it saved. */
    async function openLink(token: string) {
      const { context, page, problems } = await openPage(browser);
      try {
        await page.goto(`${server.url}/unlock/#key=${token}`);
        const status = page.locator('[data-unlock-status]');
        await expect.poll(() => status.textContent(), POLL).not.toBe('');
        return {
          said: await status.textContent(),
          saved: await page.evaluate((name) => localStorage.getItem(name), STORAGE_NAME),
          url: page.url(),
          forgetShown: await page.locator('[data-forget-key]').isVisible(),
          problems,
        };
      } finally {
        await context.close();
      }
    }

    it('accepts a current key and a key in its grace period, and saves them', async () => {
      for (const token of [CURRENT_KEY, GRACE_KEY]) {
        const result = await openLink(token);
        expect(result).toMatchObject({ said: ACCEPTED, saved: token, url: `${server.url}/unlock/`, forgetShown: true });
      }
    });

    it('says a retired key has been retired, asks for the current one, and saves nothing', async () => {
      const result = await openLink(RETIRED_KEY);
      expect(result).toMatchObject({ said: RETIRED, saved: null, url: `${server.url}/unlock/`, forgetShown: false });
      expect(result.problems.consoleErrors).toEqual([]);
    });

    it('says a key with a wrong secret, or another paper’s key, is not one of ours, and saves nothing', async () => {
      for (const token of [WRONG_SECRET_KEY, generateKeyToken('other-paper'), generateKeyToken('test-current')]) {
        const result = await openLink(token);
        expect(result).toMatchObject({ said: UNKNOWN, saved: null, url: `${server.url}/unlock/` });
      }
    });

    it('keeps a good key saved earlier when a bad one comes in', async () => {
      const { context, page } = await openPage(browser);
      try {
        await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
        await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(ACCEPTED);
        await page.goto(`${server.url}/unlock/#key=${RETIRED_KEY}`);
        await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(RETIRED);
        expect(await page.evaluate((name) => localStorage.getItem(name), STORAGE_NAME)).toBe(CURRENT_KEY);
      } finally {
        await context.close();
      }
    });

    it('tells a returning reader that the key saved on this device has since been retired', async () => {
      const { context, page } = await openPage(browser);
      try {
        await page.goto(`${server.url}/unlock/`);
        await page.evaluate(([name, value]) => localStorage.setItem(name!, value!), [STORAGE_NAME, RETIRED_KEY]);
        await page.reload();
        await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(
          'The key saved on this device has been retired. Ask for the current one: it is in your latest membership email.',
        );
        expect(await page.locator('[data-forget-key]').isVisible()).toBe(true);
        await page.evaluate(([name, value]) => localStorage.setItem(name!, value!), [STORAGE_NAME, CURRENT_KEY]);
        await page.reload();
        await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(
          'A subscriber key is saved on this device. Articles will open in full.',
        );
      } finally {
        await context.close();
      }
    });

    it('publishes each key’s id, check value and retirement, and no key', async () => {
      const html = await (await fetch(`${server.url}/unlock/`)).text();
      const published = JSON.parse(/<script type="application\/json" id="masthead-keys">([^<]*)<\/script>/.exec(html)![1]!) as Array<{ id: string; retired: boolean }>;
      expect(published.map(({ id, retired }) => `${id}:${retired}`)).toEqual(['test-current:false', 'test-grace:false', 'test-retired:true']);
      for (const token of [CURRENT_KEY, GRACE_KEY, RETIRED_KEY]) expect(html).not.toContain(token.slice(token.indexOf('.') + 1));
    });

    for (const [width, options] of [
      ['desktop', {}],
      ['phone', phone],
    ] as const) {
      it(`lines its text up with the page header and an article’s column (${width})`, async () => {
        const { context, page } = await openPage(browser, options);
        try {
          const box = async (selector: string) => {
            const { x, width: w } = (await page.locator(selector).first().boundingBox())!;
            return { left: Math.round(x), width: Math.round(w) };
          };
          await page.goto(`${server.url}${ARTICLE}`);
          const article = await box('.article__header');
          await page.goto(`${server.url}/unlock/`);
          await page.locator('form[data-key-form]').waitFor({ state: 'visible' });
          const header = await box('.page-header');
          expect(await box('.unlock')).toEqual(header);
          expect(await box('.unlock__form')).toEqual(header);
          expect(header).toEqual(article);
        } finally {
          await context.close();
        }
      });
    }
  });

  it('rejects a link without a valid key', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/unlock/#key=not-a-key`);
    await expect.poll(() => page.locator('[data-unlock-status]').textContent()).toBe('That link does not contain a valid subscriber key.');
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await context.close();
  });

  it('shows a footnote referenced before the cut but written after it, with its reference, once unlocked', async () => {
    const article = '/articles/footnote-only-after/';
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}${article}`);
    // Locked: neither the note nor its reference.
    expect(await page.locator('[data-footnote-ref]').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('glockenspielmirage');
    await context.close();

    await withKey(
      CURRENT_KEY,
      async (page) => {
        await expect.poll(() => page.locator('[data-unlocked]').count()).toBe(1);
        const body = page.locator('[data-unlocked]');
        const ref = body.locator('p a[data-footnote-ref]');
        expect(await ref.count()).toBe(1);
        expect(await ref.textContent()).toBe('1');
        expect(await body.locator('p').first().textContent()).toContain('The weir was inspected on Monday.');
        expect(await body.locator('#user-content-fn-weir').textContent()).toContain(PAID_NOTE);
        // One article, not a free part plus a paid part: one list of notes, one copy of the free sentence.
        expect(await page.locator('section[data-footnotes]').count()).toBe(1);
        expect((await page.locator('article').textContent())!.split('The weir was inspected').length).toBe(2);
        // The reference leads to the note, and the note back to it.
        await ref.click();
        expect(new URL(page.url()).hash).toBe('#user-content-fn-weir');
        await body.locator('#user-content-fn-weir [data-footnote-backref]').click();
        expect(new URL(page.url()).hash).toBe('#user-content-fnref-weir');
      },
      article,
    );
  });

  describe('a picture in the paid part', () => {
    const PICTURES = '/articles/pictures/';
    const PAID_CAPTION = 'Paid caption larkspurtrombone under the picture';
    /** Every file the picture pipeline makes of the paid picture, and the original: none may reach a reader in clear. */
    let clearFiles: Buffer[] = [];
    beforeAll(async () => {
      const source = path.join(projectRoot, 'tests/fixtures/site/articles/2024/pictures/paid-lighthouse-foxglove.jpg');
      const info = { hash: createHash('sha256').update(readFileSync(source)).digest('hex'), width: 700, height: 500, fallback: 'jpeg' as const };
      const variants = [...(['content', 'card', 'social'] as const).flatMap((use) => imageVariants(info, use)), ...sealedVariants(info)];
      clearFiles = [readFileSync(source), ...(await makeVariants(source, variants))];
    });

    /** Opens the article under the CSP `_headers` gives it, recording every response's path and body. */
    async function openPictures(page: Page) {
      const headers = readFileSync(path.join(builtSite('keyed'), '_headers'), 'utf8');
      await page.route(`${server.url}${PICTURES}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policiesFor(headers, PICTURES).join(', ') } });
      });
      const responses: { path: string; body: Promise<Buffer | undefined> }[] = [];
      page.on('response', (response) => responses.push({ path: new URL(response.url()).pathname, body: response.body().catch(() => undefined) }));
      await page.goto(`${server.url}${PICTURES}`);
      return responses;
    }
    const holdsPaidPicture = (body: Buffer | undefined) => body !== undefined && clearFiles.some((file) => body.includes(file.subarray(0, 256)));

    it('fetches nothing of it before the article is unlocked', async () => {
      const { context, page, problems } = await openPage(browser);
      try {
        const responses = await openPictures(page);
        // To the end of the page, so every lazy picture is asked for.
        await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
        await page.waitForLoadState('networkidle');
        expect(await page.locator('body').textContent()).not.toContain(PAID_CAPTION);
        expect(responses.filter((response) => response.path.includes('/_sealed/'))).toEqual([]);
        for (const response of responses) expect(holdsPaidPicture(await response.body), response.path).toBe(false);
        expect(problems.consoleErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    for (const [device, options] of [
      ['a desktop', {}],
      ['a phone', phone],
    ] as const) {
      it(`draws it once unlocked, from sealed files only, with its alt text and caption and without moving the page (${device})`, async () => {
        const { context, page, problems } = await openPage(browser, options);
        try {
          await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
          await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(ACCEPTED);
          // The sealed files held back, to see the space the picture keeps while it is fetched and opened.
          let release = () => {};
          const held = new Promise<void>((resolve) => (release = resolve));
          await page.route('**/_sealed/**', async (route) => {
            await held;
            await route.continue();
          });
          const responses = await openPictures(page);
          const img = page.locator('[data-unlocked] figure img[data-sealed]');
          await expect.poll(() => img.count(), POLL).toBe(1);
          const before = (await img.boundingBox())!;
          expect(before.width).toBeGreaterThan(0);
          expect(before.height / before.width).toBeCloseTo(500 / 700, 2);
          release();
          // Fetched as it nears the screen, as a lazy picture is.
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), POLL).toBeGreaterThan(0);
          const drawn = await img.evaluate((element: HTMLImageElement) => ({ natural: element.naturalWidth, naturalHeight: element.naturalHeight, alt: element.alt, src: element.src.slice(0, 23) }));
          expect(drawn.src).toBe('data:image/webp;base64,');
          expect(drawn.alt).toBe('Paid picture alt marigoldcomet');
          // The width srcset would pick: the narrowest that covers the picture's box on this screen, or the widest.
          const wanted = before.width * (options.deviceScaleFactor ?? 1);
          expect(drawn.natural).toBe([400, 700].find((width) => width >= wanted) ?? 700);
          expect(drawn.naturalHeight / drawn.natural).toBeCloseTo(500 / 700, 1);
          const after = (await img.boundingBox())!;
          expect([after.width, after.height]).toEqual([before.width, before.height]);
          expect(await page.locator('[data-unlocked] figure:has(img[data-sealed]) figcaption').textContent()).toBe(PAID_CAPTION);
          // Fetched once, sealed: no response carried the picture in clear.
          expect(responses.filter((response) => response.path.includes('/_sealed/'))).toHaveLength(1);
          for (const response of responses) expect(holdsPaidPicture(await response.body), response.path).toBe(false);
          expect(problems.pageErrors).toEqual([]);
          expect(problems.consoleErrors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  });

  it('refuses an intact envelope of another article put in this page, and shows nothing of it', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await page.goto(`${server.url}/unlock/#key=${CURRENT_KEY}`);
      await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toMatch(/saved on this device/);
      // A host, cache or build mix-up serves this page with the footnote article's sealed text.
      const other = await (await fetch(`${server.url}/articles/footnote-only-after/`)).text();
      const otherEnvelope = /<script type="application\/json" id="masthead-paid"[^>]*>([^<]*)<\/script>/.exec(other)![1]!;
      await page.route(`${server.url}${ARTICLE}`, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(
          /(<script type="application\/json" id="masthead-paid"[^>]*>)[^<]*(<\/script>)/,
          (_, open: string, close: string) => `${open}${otherEnvelope}${close}`,
        );
        await route.fulfill({ response, body: html });
      });
      await page.goto(`${server.url}${ARTICLE}`);
      await expect.poll(() => page.locator('[data-unlock-message]').textContent()).toBe('Your subscriber key could not unlock this article.');
      expect(await page.locator('[data-unlocked]').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain('glockenspielmirage');
      expect(await page.locator('body').textContent()).not.toContain('The weir was inspected');
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe('the paste form on /unlock/', () => {
    /** Opens /unlock/ with no key in the address, as a reader who copies the key by hand does. */
    async function onUnlockPage(run: (page: Page, problems: { consoleErrors: string[]; pageErrors: string[] }) => Promise<void>) {
      const { context, page, problems } = await openPage(browser);
      try {
        await page.goto(`${server.url}/unlock/`);
        await page.locator('form[data-key-form]').waitFor({ state: 'visible' });
        await run(page, problems);
      } finally {
        await context.close();
      }
    }

    it('saves a pasted key, using only the keyboard, and the article then opens', async () => {
      await onUnlockPage(async (page, problems) => {
        // The label names the field: clicking it puts the cursor there.
        await page.locator('label[for="subscriber-key"]').click();
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('subscriber-key');
        await page.keyboard.type(CURRENT_KEY);
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('[data-unlock-status]').textContent(), POLL).toBe(ACCEPTED);
        expect(await page.evaluate((name) => localStorage.getItem(name), STORAGE_NAME)).toBe(CURRENT_KEY);
        // The key went nowhere: not into the address, and the field is emptied.
        expect(page.url()).toBe(`${server.url}/unlock/`);
        expect(await page.locator('#subscriber-key').inputValue()).toBe('');
        expect(await page.locator('[data-forget-key]').isVisible()).toBe(true);
        expect(problems.consoleErrors).toEqual([]);
        await page.goto(`${server.url}${ARTICLE}`);
        await expect.poll(() => page.locator('[data-unlocked]').textContent()).toContain(PAID_SENTENCE);
      });
    });

    it('reaches the field and the button with Tab', async () => {
      await onUnlockPage(async (page) => {
        const focused: string[] = [];
        for (let i = 0; i < 40 && !focused.includes('BUTTON:Save my key on this device'); i++) {
          await page.keyboard.press('Tab');
          focused.push(await page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.id || document.activeElement?.textContent}`));
        }
        expect(focused).toContain('INPUT:subscriber-key');
        expect(focused.indexOf('INPUT:subscriber-key')).toBeLessThan(focused.indexOf('BUTTON:Save my key on this device'));
      });
    });

    it('says at once when a pasted key has been retired or is not ours, keeps it in the field and saves nothing', async () => {
      await onUnlockPage(async (page, problems) => {
        const input = page.locator('#subscriber-key');
        const error = page.locator('#subscriber-key-error');
        for (const [token, message] of [
          [RETIRED_KEY, RETIRED],
          [WRONG_SECRET_KEY, UNKNOWN],
        ] as const) {
          await input.fill(token);
          await input.press('Enter');
          await expect.poll(() => error.textContent(), POLL).toBe(message);
          expect(await input.getAttribute('aria-invalid')).toBe('true');
          expect(await input.inputValue()).toBe(token);
          expect(await page.evaluate(() => localStorage.length)).toBe(0);
        }
        const violations = atLeast(await runAxe(page));
        expect(violations, formatViolations(violations)).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
      });
    });

    it('accepts the whole link from the email pasted in', async () => {
      await onUnlockPage(async (page) => {
        await page.locator('#subscriber-key').fill(`  https://example.org/unlock/#key=${encodeURIComponent(CURRENT_KEY)}\n`);
        await page.locator('form[data-key-form] button[type="submit"]').click();
        await expect.poll(() => page.evaluate((name) => localStorage.getItem(name), STORAGE_NAME)).toBe(CURRENT_KEY);
      });
    });

    it('says what is wrong with a key that is not one, in a live region, and saves nothing', async () => {
      await onUnlockPage(async (page, problems) => {
        const input = page.locator('#subscriber-key');
        await input.fill('2026-11.not-a-key');
        await input.press('Enter');
        const error = page.locator('#subscriber-key-error');
        await expect.poll(() => error.textContent()).toMatch(/^That is not a subscriber key\./);
        expect(await error.getAttribute('role')).toBe('alert');
        expect(await input.getAttribute('aria-invalid')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('subscriber-key');
        expect(await page.evaluate(() => localStorage.length)).toBe(0);
        expect(page.url()).toBe(`${server.url}/unlock/`);
        // An empty field gets its own message; typing again clears the error.
        await input.fill('');
        await input.press('Enter');
        await expect.poll(() => error.textContent()).toBe('Paste your subscriber key first.');
        await input.pressSequentially('2');
        expect(await error.textContent()).toBe('');
        expect(await input.getAttribute('aria-invalid')).toBeNull();
        const violations = atLeast(await runAxe(page));
        expect(violations, formatViolations(violations)).toEqual([]);
        expect(problems.consoleErrors).toEqual([]);
      });
    });
  });
});
