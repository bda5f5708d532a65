import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserUnavailable, formatViolations, launchBrowser, openPage, phone, runAxe } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

/** A sample article with a lead picture, a figure in its free part and a portrait beside the byline. */
const ARTICLE = '/articles/kilnbank-readers-rally-for-library/';
const FRONT = '/';
/** How long every picture is held back: long enough that the text is laid out and painted well before any picture arrives. */
const PICTURE_DELAY_MS = 1_500;
const isPicture = (url: string) => /\.(avif|webp|jpe?g|png)(\?|$)/i.test(new URL(url).pathname);

declare global {
  interface Window {
    /** Layout shifts seen since the page started, summed as CLS counts them (not after input). */
    __layoutShift: number;
  }
}

/**
 * Opens a page with every picture held back by `PICTURE_DELAY_MS` and counts
 * layout shifts from the first paint, as a reader on a slow connection would
 * see them: first at the top until the pictures there arrive, then a screen
 * at a time down the page, waiting at each screen for the pictures in view,
 * so a picture that arrives late does so while it is being looked at.
 * Returns the sum of the shifts and how many pictures were held back.
 */
async function layoutShiftWithSlowPictures(
  browser: Browser,
  url: string,
  options: BrowserContextOptions,
  { withoutSizes = false } = {},
): Promise<{ shift: number; delayed: number }> {
  const { context, page } = await openPage(browser, options);
  try {
    if (withoutSizes) {
      // The control: the same page with its pictures' width and height taken out, as a site that forgot them would ship it.
      await page.route(url, async (route) => {
        const response = await route.fetch();
        const html = (await response.text()).replace(/<img\b[^>]*>/g, (tag) => tag.replace(/\s(width|height)="\d+"/g, ''));
        await route.fulfill({ response, body: html });
      });
    }
    let delayed = 0;
    await page.route(
      (requested) => isPicture(requested.href),
      async (route) => {
        delayed++;
        await new Promise((resolve) => setTimeout(resolve, PICTURE_DELAY_MS));
        await route.continue();
      },
    );
    await page.addInitScript(() => {
      window.__layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
          if (!entry.hadRecentInput) window.__layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const screen = await page.evaluate(() => innerHeight);
    for (let y = 0; ; y += screen) {
      await page.evaluate((top) => scrollTo(0, top), y);
      await page.waitForFunction(
        () =>
          [...document.images]
            .filter((image) => {
              const box = image.getBoundingClientRect();
              return box.bottom > 0 && box.top < innerHeight;
            })
            .every((image) => image.complete),
        undefined,
      );
      // Two frames: the arrived pictures are laid out and painted, and any shift is reported.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      if (y + screen >= height) break;
    }
    return { shift: await page.evaluate(() => window.__layoutShift), delayed };
  } finally {
    await context.close();
  }
}

/** Scrolls to the bottom a screen at a time and back, so every lazy picture is asked for. */
async function scrollThrough(page: Page): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const screen = await page.evaluate(() => innerHeight);
  for (let y = 0; y < height; y += screen) {
    await page.mouse.wheel(0, screen);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => scrollTo(0, 0));
}

describe.skipIf(browserUnavailable)('pictures on the sample paper in a browser', () => {
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

  for (const [name, url] of [
    ['an article', ARTICLE],
    ['the front page', FRONT],
  ] as const) {
    for (const [device, options] of [
      ['a phone', phone],
      ['a desktop', { viewport: { width: 1280, height: 800 } }],
    ] as const) {
      it(`never shifts the layout of ${name} on ${device} while its pictures arrive late`, async () => {
        const { shift, delayed } = await layoutShiftWithSlowPictures(browser, `${server.url}${url}`, options);
        expect(delayed, 'pictures held back').toBeGreaterThan(1);
        expect(shift).toBe(0);
      });
    }
  }

  it('sees the shift pictures without width and height would cause (the measure works)', async () => {
    const { shift, delayed } = await layoutShiftWithSlowPictures(browser, `${server.url}${ARTICLE}`, phone, { withoutSizes: true });
    expect(delayed).toBeGreaterThan(1);
    expect(shift).toBeGreaterThan(0.01);
  });

  it('shows the lead picture’s caption and credit, and a body figure’s caption, under the pictures', async () => {
    const { context, page, problems } = await openPage(browser, phone);
    try {
      await page.goto(`${server.url}${ARTICLE}`);
      const lead = page.locator('.figure--lead');
      await page.waitForFunction(() => {
        const image = document.querySelector<HTMLImageElement>('.figure--lead img');
        return image !== null && image.complete && image.naturalWidth > 0;
      });
      const leadCaption = lead.locator('figcaption');
      expect(await leadCaption.isVisible()).toBe(true);
      expect(await leadCaption.textContent()).toContain('A petition to save the 1911 library has passed 3,200 signatures.');
      expect(await leadCaption.textContent()).toContain('Illustration: The Harbour Ledger');
      const captionBox = (await leadCaption.boundingBox())!;
      const pictureBox = (await lead.locator('img').boundingBox())!;
      expect(captionBox.y).toBeGreaterThanOrEqual(pictureBox.y + pictureBox.height - 1);
      const bodyCaption = page.locator('.article__body figure figcaption');
      await bodyCaption.scrollIntoViewIfNeeded();
      expect(await bodyCaption.isVisible()).toBe(true);
      expect(await bodyCaption.textContent()).toContain('The reading room at Kilnbank');
      expect(problems.all()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('names every meaningful picture to assistive technology and hides the decorative portraits', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}${ARTICLE}`);
      const portrait = page.locator('.article__byline img');
      expect(await portrait.count()).toBe(1);
      expect(await portrait.getAttribute('alt')).toBe('');
      // What a screen reader meets: the byline reads as text and a link, with no picture in it.
      expect(await page.locator('.article__byline').ariaSnapshot()).not.toMatch(/\bimg\b/);
      const named = await page.getByRole('img').evaluateAll((images) => images.map((image) => image.getAttribute('alt')));
      expect(named).toEqual([
        'People gathered on the pavement outside the red-brick Kilnbank Library on a sunny day, one holding a placard',
        'The reading room: tall arched windows, shelves of books on both sides and reading lamps on long tables',
        ...named.slice(2),
      ]);
      expect(named.every((alt) => alt && alt.length > 0)).toBe(true);
    } finally {
      await context.close();
    }
  });

  for (const url of [ARTICLE, FRONT]) {
    it(`passes axe on ${url} with its pictures`, async () => {
      const { context, page } = await openPage(browser, phone);
      try {
        await page.goto(`${server.url}${url}`);
        await scrollThrough(page);
        const violations = await runAxe(page);
        expect(violations, formatViolations(violations)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
