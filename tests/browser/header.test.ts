import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { projectRoot } from '../helpers/astro-build';
import { atLeast, browserUnavailable, formatViolations, launchBrowser, openPage, PATIENCE_MS, phone, runAxe } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const widths = [
  ['a phone (390 px)', phone],
  ['a desktop (1280 px)', desktop],
] as const;

/** A fifth of the phone's first screen: the most the masthead and section menu may take. */
const PHONE_HEADER_BUDGET = 0.2 * 844;

/** Screenshots for people to review (not compared), kept out of git. */
const SCREENSHOTS = path.join(projectRoot, 'test-results/screenshots');

/** A sample article cut at the free limit, with the fade above its cut-off. */
const SAMPLE_ARTICLE = '/articles/kilnbank-readers-rally-for-library/';
/** The many-sections fixture's last section: off a phone's screen unless the row scrolls to it. */
const LAST_SECTION = '/sections/letters-to-the-editor/';

/** Where the masthead and section menu end, in CSS pixels from the top of the page. */
const headerBottom = (page: Page) => page.evaluate(() => document.querySelector('header.masthead')!.getBoundingClientRect().bottom);

/** WCAG contrast ratio of two sRGB colours given as 0–255 channels. */
function contrast(a: readonly number[], b: readonly number[]): number {
  const luminance = ([r, g, b]: readonly number[]) => {
    const [lr, lg, lb] = [r!, g!, b!].map((channel) => {
      const c = channel / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** An element's pixels as the reader sees them, with any page style added for the shot. */
async function pixels(page: Page, selector: string, css: string): Promise<{ data: Buffer; width: number; height: number; channels: number }> {
  const style = await page.addStyleTag({ content: css });
  try {
    const png = await page.locator(selector).screenshot({ animations: 'disabled' });
    const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height, channels: info.channels };
  } finally {
    await style.evaluate((element) => (element as Element).remove());
  }
}

/**
 * The lowest contrast between text and ground anywhere in the last free block,
 * as rendered with the fade and anything else over it: one shot with every
 * element of the block painted in its own text colour (what the text would
 * be at each pixel), one with its text hidden (the ground), compared pixel by
 * pixel. Pictures are hidden in both, so only text colours are measured.
 */
async function lastFreeBlockContrast(page: Page): Promise<number> {
  const block = '.article__body > :last-child';
  const scope = `${block}, ${block} *`;
  const hidePictures = `${block} :is(img, svg, video, picture) { visibility: hidden !important; }`;
  const ink = await pixels(page, block, `${scope} { background: currentColor !important; } ${hidePictures}`);
  const ground = await pixels(page, block, `${scope} { color: transparent !important; text-decoration-color: transparent !important; } ${hidePictures}`);
  let lowest = Infinity;
  // The shot is rounded out to whole pixels: its outermost rows and columns may lie past the block's edge.
  const edge = 3;
  for (let y = edge; y < ink.height - edge; y += 1) {
    for (let x = edge; x < ink.width - edge; x += 1) {
      const i = (y * ink.width + x) * ink.channels;
      lowest = Math.min(lowest, contrast([ink.data[i]!, ink.data[i + 1]!, ink.data[i + 2]!], [ground.data[i]!, ground.data[i + 1]!, ground.data[i + 2]!]));
    }
  }
  return lowest;
}

describe.skipIf(browserUnavailable)('the masthead, section menu and footer', () => {
  let browser: Browser;
  let sample: StaticServer;
  let many: StaticServer;
  let keyed: StaticServer;

  beforeAll(async () => {
    sample = await startStaticServer(builtSite('sample'));
    many = await startStaticServer(builtSite('manySections'));
    keyed = await startStaticServer(builtSite('keyed'));
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([sample?.close(), many?.close(), keyed?.close()]);
  });

  it.each(widths)('shows the Subscribe button on the first screen of every kind of page on %s', async (_, options) => {
    const { context, page } = await openPage(browser, options);
    try {
      for (const urlPath of ['/', SAMPLE_ARTICLE, '/sections/business/', '/search/', '/404.html']) {
        await page.goto(`${sample.url}${urlPath}`);
        const button = page.locator('header.masthead').getByRole('link', { name: settings.subscribe.button, exact: true });
        expect(await button.getAttribute('href'), urlPath).toBe(settings.subscribe.url);
        const box = (await button.boundingBox())!;
        expect(box.y + box.height, `Subscribe on the first screen of ${urlPath}`).toBeLessThanOrEqual(options.viewport!.height);
        expect(await button.isVisible()).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it.each(widths)('offers "Subscriber? Unlock" on %s only where pages unlock in place', async (_, options) => {
    const { context, page } = await openPage(browser, options);
    try {
      await page.goto(`${keyed.url}/articles/marker-top-level/`);
      // On a phone it is in the menu, which leaves the paper's name room for one line.
      if (options === phone) await page.locator('.phone-menu summary').click();
      const unlock = page.locator('header.masthead').getByRole('link', { name: 'Subscriber? Unlock' });
      expect(await unlock.isVisible()).toBe(true);
      expect(await unlock.getAttribute('href')).toBe('/unlock/');
      expect(await headerBottom(page)).toBeLessThanOrEqual(options === phone ? PHONE_HEADER_BUDGET : Infinity);
      await unlock.click();
      await page.waitForURL(`${keyed.url}/unlock/`);
      if (options !== phone) expect(await unlock.getAttribute('aria-current')).toBe('page');
      // Built without subscriber keys there is no /unlock/ page, so no link to one.
      await page.goto(`${sample.url}/`);
      expect(await page.getByRole('link', { name: /Unlock/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each([360, 390])('keeps the paper’s name on one line at %i px, with “Subscriber? Unlock” too, and cuts no section link at the row’s left edge', async (width) => {
    const { context, page } = await openPage(browser, { ...phone, viewport: { width, height: 844 } });
    try {
      for (const [server, urlPath] of [[sample, SAMPLE_ARTICLE], [keyed, '/articles/marker-top-level/']] as const) {
        await page.goto(`${server.url}${urlPath}`);
        const name = await page.locator('.masthead__name').evaluate((element) => ({
          lines: Math.round(element.getBoundingClientRect().height / parseFloat(getComputedStyle(element).lineHeight)),
          whole: element.scrollWidth <= element.clientWidth,
          text: (element as HTMLElement).innerText,
        }));
        expect(name, urlPath).toEqual({ lines: 1, whole: true, text: settings.siteName });
        expect(await headerBottom(page), urlPath).toBeLessThanOrEqual(PHONE_HEADER_BUDGET);
        // The row opens at the current section; any link before it is out of sight whole, never cut in two.
        const cut = await page.locator('nav[aria-label="Sections"] ul').evaluate((list) => {
          const box = list.getBoundingClientRect();
          return [...list.querySelectorAll('a')]
            .filter((link) => {
              const rect = link.getBoundingClientRect();
              return rect.left < box.left - 1 && rect.right > box.left + parseFloat(getComputedStyle(link).paddingRight) + 1;
            })
            .map((link) => link.textContent!.trim());
        });
        expect(cut, urlPath).toEqual([]);
        expect(await page.locator('nav[aria-label="Sections"] a[aria-current]').isVisible(), urlPath).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it('gives a phone a menu that opens with no JavaScript: sections, writers, search, Subscribe and Unlock; wide screens show the row instead', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { context, page } = await openPage(browser, { ...phone, javaScriptEnabled: false });
    try {
      await page.goto(`${keyed.url}/articles/marker-top-level/`);
      const menu = page.getByRole('navigation', { name: 'Menu' });
      expect(await menu.isVisible()).toBe(false);
      await page.locator('.phone-menu summary').click();
      expect(await menu.isVisible()).toBe(true);
      const links = await menu.getByRole('link').evaluateAll((anchors) => anchors.map((a) => [a.textContent!.trim(), a.getAttribute('href')]));
      const sections = await page.locator('nav[aria-label="Sections"] a').evaluateAll((anchors) =>
        anchors.map((a) => [a.textContent!.trim(), a.getAttribute('href')]).filter(([text]) => text !== 'Search'),
      );
      expect(links).toEqual([...sections, ['Search', '/search/'], [settings.subscribe.button, settings.subscribe.url], ['Subscriber? Unlock', '/unlock/']]);
      // Every link in the open menu is on the first screen, and a finger's size.
      for (const box of await menu.getByRole('link').evaluateAll((anchors) => anchors.map((a) => a.getBoundingClientRect().toJSON() as DOMRect))) {
        expect(box.bottom).toBeLessThanOrEqual(844);
        expect(box.height).toBeGreaterThanOrEqual(44);
      }
      await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-menu-390.png') });
      await menu.getByRole('link', { name: 'Search' }).click();
      await page.waitForURL(`${keyed.url}/search/`);
    } finally {
      await context.close();
    }
    const wide = await openPage(browser, desktop);
    try {
      await wide.page.goto(`${sample.url}${SAMPLE_ARTICLE}`);
      expect(await wide.page.locator('.phone-menu').isVisible()).toBe(false);
      expect(await wide.page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Search' }).isVisible()).toBe(true);
      await wide.page.locator('header.masthead').screenshot({ path: path.join(SCREENSHOTS, 'phone-menu-1280.png') });
    } finally {
      await wide.context.close();
    }
  });

  it('lists the settings’ footer links and the feed, without repeating the paper’s name', async () => {
    const { context, page } = await openPage(browser);
    try {
      await page.goto(`${sample.url}/`);
      const footer = page.locator('footer.site-footer');
      const links = await footer.getByRole('link').evaluateAll((anchors) => anchors.map((a) => [a.textContent!.trim(), a.getAttribute('href')]));
      expect(links).toEqual([...settings.footerLinks.map((link) => [link.label, link.href]), ['RSS', '/rss.xml']]);
      expect(await footer.textContent()).not.toContain(settings.siteName);
      expect(await footer.textContent()).toContain(settings.footer);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['the sample paper’s front page', 'sample', '/'],
    ['the sample paper’s article', 'sample', SAMPLE_ARTICLE],
    ['fourteen sections, on the last one’s page', 'many', LAST_SECTION],
    ['fourteen sections, on an article', 'many', '/articles/politics-story/'],
  ] as const)('keeps the masthead and section menu within a fifth of a phone’s first screen: %s', async (_, site, urlPath) => {
    const { context, page } = await openPage(browser, phone);
    try {
      await page.goto(`${(site === 'sample' ? sample : many).url}${urlPath}`);
      expect(await headerBottom(page)).toBeLessThanOrEqual(PHONE_HEADER_BUDGET);
      // The page's own headline starts on the first screen, well clear of the menu.
      const headline = (await page.locator('main h1, main h2').first().boundingBox())!;
      expect(headline.y).toBeLessThan(844 / 3);
    } finally {
      await context.close();
    }
  });

  it('puts fourteen sections in one row that scrolls on a phone, the current one marked and in view', async () => {
    const { context, page } = await openPage(browser, phone);
    try {
      await page.goto(`${many.url}${LAST_SECTION}`);
      const row = await page.evaluate(() => {
        const list = document.querySelector('nav[aria-label="Sections"] ul')!;
        const box = list.getBoundingClientRect();
        const links = [...list.querySelectorAll('a')];
        const current = list.querySelector('a[aria-current]') as HTMLElement;
        const currentBox = current.getBoundingClientRect();
        const style = getComputedStyle(current);
        return {
          scrolls: list.scrollWidth > list.clientWidth && getComputedStyle(list).overflowX === 'auto',
          rows: new Set(links.map((link) => Math.round(link.getBoundingClientRect().top))).size,
          current: current.textContent!.trim(),
          currentInView: currentBox.left >= box.left - 1 && currentBox.right <= box.right + 1,
          marked: { weight: Number(style.fontWeight), underline: style.textDecorationLine },
          pageScroll: { x: scrollX, y: scrollY, wide: document.scrollingElement!.scrollWidth > innerWidth },
        };
      });
      expect(row).toMatchObject({ scrolls: true, rows: 1, current: 'Letters to the Editor', currentInView: true });
      expect(row.marked.weight).toBeGreaterThanOrEqual(700);
      expect(row.marked.underline).toBe('underline');
      // The row scrolled to the current section; the page itself did not move.
      expect(row.pageScroll).toEqual({ x: 0, y: 0, wide: false });
    } finally {
      await context.close();
    }
  });

  it('lets a keyboard reach every section on a phone, each link in full view with a visible focus ring', async () => {
    const { context, page } = await openPage(browser, phone);
    try {
      await page.goto(`${many.url}/`);
      const hrefs = await page.locator('nav[aria-label="Sections"] a').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
      expect(hrefs.length).toBe(14 + 3);
      const reached: string[] = [];
      for (let presses = 0; presses < 40 && reached.length < hrefs.length; presses += 1) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => document.activeElement?.closest('nav[aria-label="Sections"]') && document.activeElement.getAttribute('href'));
        if (!href) continue;
        await page.waitForFunction(() => {
          const link = document.activeElement!.getBoundingClientRect();
          const list = document.activeElement!.closest('ul')!.getBoundingClientRect();
          return link.left >= list.left - 1 && link.right <= list.right + 1;
        });
        expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle), href).not.toBe('none');
        reached.push(href);
      }
      expect(reached).toEqual(hrefs);
    } finally {
      await context.close();
    }
  });

  it('shows all fourteen sections at 1280 px without any scrolling', async () => {
    const { context, page } = await openPage(browser, desktop);
    try {
      await page.goto(`${many.url}${LAST_SECTION}`);
      const hidden = await page.evaluate(() => {
        const list = document.querySelector('nav[aria-label="Sections"] ul')!;
        const box = list.getBoundingClientRect();
        return [...list.querySelectorAll('a')]
          .filter((link) => {
            const rect = link.getBoundingClientRect();
            return rect.left < box.left - 1 || rect.right > box.right + 1 || rect.right > innerWidth;
          })
          .map((link) => link.textContent!.trim());
      });
      expect(hidden).toEqual([]);
      expect(await page.locator('nav[aria-label="Sections"] a[aria-current]').textContent()).toContain('Letters to the Editor');
      expect(await headerBottom(page)).toBeLessThanOrEqual(800 * 0.35);
    } finally {
      await context.close();
    }
  });

  describe.each(['light', 'dark'] as const)('in %s mode', (colorScheme) => {
    // Every page's header is also checked by the article page tests' axe runs, on the fixture site.
    it.each([
      ['a phone, fourteen sections', phone, 'many', LAST_SECTION],
      ['a desktop, with the unlock link', desktop, 'keyed', '/'],
    ] as const)('finds no serious accessibility problems on %s', async (_, options, site, urlPath) => {
      const { context, page } = await openPage(browser, { ...options, colorScheme });
      try {
        await page.goto(`${{ many, keyed }[site].url}${urlPath}`);
        const violations = atLeast(await runAxe(page));
        expect(violations, formatViolations(violations)).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it('fades the last free lines themselves, at WCAG AA contrast (4.5:1), under a one-line heading', async () => {
      const { context, page } = await openPage(browser, { ...phone, colorScheme });
      try {
        await page.goto(`${sample.url}${SAMPLE_ARTICLE}`);
        expect(await page.locator('.free-limit__fade').isVisible(), 'the fade is there').toBe(true);
        // Over the last free lines, not a band below them; the panel's heading on one line at 390 px.
        const layout = await page.evaluate(() => {
          const fade = document.querySelector('.free-limit__fade')!.getBoundingClientRect();
          const last = document.querySelector('.article__body > :last-child')!.getBoundingClientRect();
          const heading = document.querySelector('.free-limit__heading')!;
          return {
            overLastLines: fade.top >= last.top - 1 && Math.abs(fade.bottom - last.bottom) <= 1,
            headingLines: Math.round(heading.getBoundingClientRect().height / parseFloat(getComputedStyle(heading).lineHeight)),
          };
        });
        expect(layout).toEqual({ overLastLines: true, headingLines: 1 });
        expect(await lastFreeBlockContrast(page)).toBeGreaterThanOrEqual(4.5);
      } finally {
        await context.close();
      }
    });
  });

  it.each(widths)('puts a picture card’s label over its headline, and marks every story for subscribers and no free one, on %s', async (_, options) => {
    const { context, page } = await openPage(browser, options);
    try {
      let labelled = 0;
      let marked = 0;
      for (const urlPath of ['/', '/sections/news/', '/sections/culture/']) {
        await page.goto(`${sample.url}${urlPath}`);
        const cards = await page.locator('.story, .lead-story').evaluateAll((items) =>
          items.map((item) => {
            const box = (selector: string) => item.querySelector(selector)?.getBoundingClientRect();
            const label = box('.story__label');
            const title = box(':is(.story__title, .lead-story__title)')!;
            const standfirst = box(':is(.story__standfirst, .lead-story__standfirst)');
            const marker = item.querySelector<HTMLElement>('.access-marker');
            return {
              href: item.querySelector(':is(.story__title, .lead-story__title) a')!.getAttribute('href')!,
              picture: item.classList.contains('story--picture'),
              labelOverTitle: label ? label.bottom <= title.top + 1 && label.left <= title.left + 1 : null,
              markerShown: marker ? marker.offsetParent !== null && marker.querySelector<HTMLElement>('[aria-hidden="true"]')!.innerText.trim() : null,
              markerSpoken: marker?.querySelector('.sr-only')?.textContent ?? null,
              markerUnderText: marker && standfirst && standfirst.height > 0 ? marker.getBoundingClientRect().top >= standfirst.bottom - 1 : true,
            };
          }),
        );
        for (const card of cards.filter((each) => each.labelOverTitle !== null)) {
          labelled += card.picture ? 1 : 0;
          expect(card.labelOverTitle, `${urlPath} ${card.href}: the label sits over the headline`).toBe(true);
        }
        for (const card of cards) {
          // The article's own page says who may read it (`data-access`, from its `access`).
          const articlePage = readFileSync(path.join(builtSite('sample'), decodeURIComponent(card.href), 'index.html'), 'utf8');
          if (/<article[^>]*data-access="subscribers"/.test(articlePage)) {
            marked += 1;
            expect(card.markerShown, `${urlPath} ${card.href}`).toBe(settings.subscribe.marker);
            expect(card.markerSpoken, `${urlPath} ${card.href}`).toBe(settings.subscribe.markerSpoken);
            expect(card.markerUnderText, `${urlPath} ${card.href}`).toBe(true);
          } else expect(card.markerShown, `${urlPath} ${card.href} is free: no marker`).toBeNull();
        }
      }
      expect(labelled, 'picture cards with a label were seen').toBeGreaterThan(0);
      expect(marked, 'stories for subscribers were seen').toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it.each(widths)('saves screenshots of the front page, an article (top and cut-off), section, tag, writers and 404 pages and search results on %s for review', async (_, options) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { context, page } = await openPage(browser, options);
    try {
      for (const [name, urlPath] of [
        ['front', '/'],
        ['article', SAMPLE_ARTICLE],
        ['section', '/sections/business/'],
        ['tag', '/tags/harbour/'],
        ['writers', '/authors/'],
        ['not-found', '/404.html'],
      ] as const) {
        await page.goto(`${sample.url}${urlPath}`);
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${options.viewport!.width}.png`), fullPage: true });
      }
      // The article's top, then its cut-off as a reader scrolls to it: the last free lines over the panel.
      await page.goto(`${sample.url}${SAMPLE_ARTICLE}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `article-top-${options.viewport!.width}.png`) });
      await page.locator('.free-limit').scrollIntoViewIfNeeded();
      await page.evaluate(() => scrollBy(0, -innerHeight / 3));
      await page.screenshot({ path: path.join(SCREENSHOTS, `article-cut-off-${options.viewport!.width}.png`) });
      await page.goto(`${sample.url}/search/?q=harbour`);
      await expect.poll(() => page.locator('.search__result').count(), { timeout: PATIENCE_MS }).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SCREENSHOTS, `search-${options.viewport!.width}.png`) });
      await page.goto(`${many.url}${LAST_SECTION}`);
      await page.screenshot({ path: path.join(SCREENSHOTS, `many-sections-${options.viewport!.width}.png`) });
    } finally {
      await context.close();
    }
  });
});
