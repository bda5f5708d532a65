import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import settings from '../../src/settings';
import { atLeast, browserUnavailable, formatViolations, launchBrowser, openPage, phone, runAxe } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

const PAYWALLED = '/articles/marker-top-level/';
const FREE = '/articles/free-article/';

/** Presses Tab until the focused element matches `selector`; returns how many presses it took, or -1. */
async function tabUntil(page: Page, selector: string, maxPresses = 60): Promise<number> {
  for (let presses = 1; presses <= maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return presses;
  }
  return -1;
}

/**
 * Waits (up to 3 s: scrolling may be smooth) until the element's box lies wholly
 * inside the viewport; false if it never does.
 */
async function settlesInViewport(page: Page, selector: string): Promise<boolean> {
  try {
    await page.waitForFunction(
      (sel) => {
        const rect = document.querySelector(sel)!.getBoundingClientRect();
        // 1px of slack: boxes land on sub-pixel positions after scrolling.
        return rect.height > 0 && rect.top >= -1 && rect.bottom <= innerHeight + 1 && rect.left >= -1 && rect.right <= innerWidth + 1;
      },
      selector,
    );
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(browserUnavailable)('an article page in a browser', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await startStaticServer(builtSite('fixture'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the headline, standfirst, byline link and free paragraphs', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}${PAYWALLED}`);
      const headline = page.locator('h1');
      expect(await headline.isVisible()).toBe(true);
      expect((await headline.textContent())?.trim()).toBe('Valley council approves new footbridge');
      const standfirst = page.locator('.article__standfirst');
      expect(await standfirst.isVisible()).toBe(true);
      expect(await standfirst.textContent()).toContain('timber bridge');
      const byline = page.locator('.article__byline a');
      expect(await byline.isVisible()).toBe(true);
      expect((await byline.textContent())?.trim()).toBe('Ada Quill');
      expect(await byline.getAttribute('href')).toBe('/authors/ada-quill/');
      for (const words of ['Free sentence alpha', 'Free sentence bravo']) {
        expect(await page.locator('.article__body p', { hasText: words }).isVisible(), words).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it('shows the cut-off in the viewport once scrolled to, with the configured subscribe link', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}${PAYWALLED}`);
      const cutoff = page.locator('[data-free-limit]');
      await cutoff.scrollIntoViewIfNeeded();
      expect(await cutoff.isVisible()).toBe(true);
      expect(await settlesInViewport(page, '[data-free-limit] .free-limit__panel'), 'cut-off panel in the viewport').toBe(true);
      expect(await cutoff.textContent()).toContain(settings.subscribe.message);
      const link = cutoff.getByRole('link', { name: settings.subscribe.button });
      expect(await link.isVisible()).toBe(true);
      expect(await link.getAttribute('href')).toBe(settings.subscribe.url);
    } finally {
      await context.close();
    }
  });

  it('lets a keyboard user Tab from the top of the page to the subscribe link, with a visible focus outline', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}${PAYWALLED}`);
      const selector = `[data-free-limit] a[href="${settings.subscribe.url}"]`;
      const presses = await tabUntil(page, selector);
      expect(presses, 'Tab never reached the subscribe link').toBeGreaterThan(0);
      const focus = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(focus.style).not.toBe('none');
      expect(focus.width).toBeGreaterThan(0);
      // Focus scrolls the link into view (smoothly, unless the reader asked for reduced motion).
      expect(await settlesInViewport(page, selector), 'focused subscribe link in the viewport').toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['a paywalled article', PAYWALLED],
    ['the front page', '/'],
    ['a section page', '/sections/news/'],
    ['an author page', '/authors/ada-quill/'],
  ])('loads %s with no console errors, page errors or failed requests', async (_, urlPath) => {
    const { context, page, problems } = await openPage(browser);
    try {
      const response = await page.goto(`${server.url}${urlPath}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);
      await page.waitForLoadState('networkidle');
      expect(problems.all()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe.each(['light', 'dark'] as const)('in %s mode, axe-core', (colorScheme) => {
    it.each([
      ['a paywalled article', PAYWALLED],
      ['a free article', FREE],
      ['the front page', '/'],
      ['a section page', '/sections/news/'],
      ['an author page', '/authors/ada-quill/'],
      ['the authors index', '/authors/'],
    ])('finds no serious or critical violations on %s', async (_, urlPath) => {
      const { context, page } = await openPage(browser);
      try {
        await page.emulateMedia({ colorScheme });
        const response = await page.goto(`${server.url}${urlPath}`);
        expect(response?.status(), `status of ${urlPath}`).toBe(200);
        // The emulation took: the page really is in the scheme under test.
        const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
        expect(dark).toBe(colorScheme === 'dark');
        const violations = atLeast(await runAxe(page));
        const summary = violations.map((violation) => `${violation.impact} ${violation.id} (${violation.nodes.length} elements)`);
        expect(summary, `axe violations on ${urlPath} (${colorScheme}):\n${formatViolations(violations)}\n`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  });

  it('fits a phone screen: no horizontal scroll, a headline of at least 28px', async () => {
    const { context, page } = await openPage(browser, phone);
    try {
      for (const urlPath of [PAYWALLED, FREE, '/', '/sections/news/', '/authors/ada-quill/', '/authors/', '/404.html']) {
        await page.goto(`${server.url}${urlPath}`);
        const overflow = await page.evaluate(() => {
          const wide = [...document.querySelectorAll('body *')]
            .filter((element) => element.getBoundingClientRect().right > innerWidth + 0.5)
            .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`)
            .slice(0, 5);
          return { scrollWidth: document.scrollingElement!.scrollWidth, innerWidth, wide };
        });
        expect(overflow.scrollWidth, `${urlPath} scrolls sideways; too wide: ${overflow.wide.join(', ')}`).toBeLessThanOrEqual(
          overflow.innerWidth,
        );
      }
      await page.goto(`${server.url}${PAYWALLED}`);
      const fontSize = await page.locator('h1').evaluate((h1) => Number.parseFloat(getComputedStyle(h1).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(28);
    } finally {
      await context.close();
    }
  });

  it('focuses "Skip to content" on the first Tab, and Enter moves focus to the main content', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}${PAYWALLED}`);
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement;
        const rect = active.getBoundingClientRect();
        return { text: active.textContent?.trim(), href: active.getAttribute('href'), onScreen: rect.top >= 0 && rect.bottom <= innerHeight };
      });
      expect(skip).toEqual({ text: 'Skip to content', href: '#main', onScreen: true });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'main');
      // Scrolled to main (smooth scrolling may take a moment), or as far as the page goes.
      await page.waitForFunction(() => {
        const top = document.getElementById('main')!.getBoundingClientRect().top;
        const atBottom = Math.ceil(scrollY + innerHeight) >= document.scrollingElement!.scrollHeight;
        return Math.abs(top) < 2 || (atBottom && top >= 0);
      });
      // The next Tab starts from inside main, past the masthead and navigation.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('main')?.id)).toBe('main');
    } finally {
      await context.close();
    }
  });

  it('prints the article without the section navigation or the story lists', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${server.url}${PAYWALLED}`);
      await page.emulateMedia({ media: 'print' });
      const printed = await page.evaluate(() => ({
        nav: getComputedStyle(document.querySelector('nav[aria-label="Sections"]')!).display,
        lists: getComputedStyle(document.querySelector('.article-lists')!).display,
        listsShown: [...document.querySelectorAll('[data-list]')].filter((list) => list.checkVisibility()).length,
        listCount: document.querySelectorAll('[data-list]').length,
        body: document.querySelector('.article__body')!.checkVisibility(),
        headline: document.querySelector('h1')!.checkVisibility(),
      }));
      expect(printed.listCount).toBeGreaterThan(0);
      expect(printed).toMatchObject({ nav: 'none', lists: 'none', listsShown: 0, body: true, headline: true });
      expect(await page.locator('.article__body p', { hasText: 'Free sentence alpha' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['light', 'a desktop', { viewport: { width: 1280, height: 900 } }],
    ['dark', 'a phone', phone],
  ] as const)('follows a %s colour scheme on %s: page and text colours to match, far apart', async (colorScheme, _device, options) => {
    const { context, page } = await openPage(browser, { ...options, colorScheme });
    try {
      await page.goto(`${server.url}${PAYWALLED}`);
      const { background, text } = await page.evaluate(() => {
        // WCAG relative luminance of a computed `rgb(...)` colour.
        const luminance = (color: string) => {
          const [r, g, b] = color.match(/[\d.]+/g)!.slice(0, 3).map((part) => {
            const c = Number(part) / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const paragraph = document.querySelector('.article__body p')!;
        let element: Element | null = paragraph;
        let fill = 'rgba(0, 0, 0, 0)';
        while (element && /rgba\(.*, 0\)|transparent/.test(fill)) {
          fill = getComputedStyle(element).backgroundColor;
          element = element.parentElement;
        }
        return { background: luminance(fill), text: luminance(getComputedStyle(paragraph).color) };
      });
      if (colorScheme === 'dark') expect(background).toBeLessThan(0.1);
      else expect(background).toBeGreaterThan(0.8);
      // Body text well clear of its page: 7:1, WCAG's AAA level (axe checks AA).
      const [lighter, darker] = [Math.max(background, text), Math.min(background, text)];
      expect((lighter + 0.05) / (darker + 0.05)).toBeGreaterThanOrEqual(7);
      // For people to look at: kept only with the run's output (KEEP_TEST_OUTPUT=1).
      if (process.env.KEEP_TEST_OUTPUT === '1') {
        await page.screenshot({ path: path.join(inject('runDir'), `article-${colorScheme}.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
