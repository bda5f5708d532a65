import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { browserUnavailable, launchBrowser, openPage, phone } from '../helpers/browser';
import { builtSite } from '../helpers/built-site';
import { startStaticServer, type StaticServer } from '../helpers/static-server';

describe.skipIf(browserUnavailable)('the lists under the sample paper’s articles, as a reader sees them', () => {
  let browser: Browser;
  let server: StaticServer;
  let slugs: string[] = [];

  beforeAll(async () => {
    const site = builtSite('sample');
    slugs = readdirSync(path.join(site, 'articles')).sort();
    server = await startStaticServer(site);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows four similar stories under every article, never one already in More from this author, and four from the author where there are', async () => {
    const { context, page, problems } = await openPage(browser);
    const seen: string[] = [];
    // Every article page in turn: pictures do not change the lists, and skipping them keeps this quick.
    await context.route(/\.(avif|webp|jpe?g|png|gif|svg)(\?.*)?$/, (route) => route.abort());
    try {
      for (const slug of slugs) {
        await page.goto(`${server.url}/articles/${slug}/`, { waitUntil: 'domcontentloaded' });
        /** The headlines a reader can see in a list, with where they lead. */
        const visible = (name: string) =>
          page.locator(`[data-list="${name}"] .story__title a`).evaluateAll((links) =>
            links.filter((link) => (link as HTMLElement).offsetParent !== null).map((link) => link.getAttribute('href') ?? ''),
          );
        const fromAuthor = await visible('more-from-author');
        const similar = await visible('similar-stories');
        const onlyArticle = await page.locator('[data-list="more-from-author"] .story-list__empty').isVisible();
        seen.push(`${slug}: ${fromAuthor.length} + ${similar.length}`);
        expect(similar, slug).toHaveLength(settings.lists.similar);
        expect(similar.filter((href) => fromAuthor.includes(href)), slug).toEqual([]);
        expect(similar, slug).not.toContain(`/articles/${slug}/`);
        // Four from the author, unless the writer has fewer other stories (then the list says so when there are none).
        if (fromAuthor.length < settings.lists.moreFromAuthor) {
          const author = await page.locator('.article__byline a[rel="author"]').getAttribute('href');
          const authorPage = await (await fetch(`${server.url}${author}`)).text();
          const others = (authorPage.match(/class="story__title"/g) ?? []).length - 1;
          expect(fromAuthor.length, slug).toBe(others);
          expect(onlyArticle, slug).toBe(others === 0);
        }
      }
      console.log(`more from the author + similar stories: ${seen.join('; ')}`);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps both lists whole on a phone', async () => {
    const { context, page } = await openPage(browser, phone);
    try {
      await page.goto(`${server.url}/articles/${slugs[0]}/`);
      for (const name of ['more-from-author', 'similar-stories']) {
        const items = page.locator(`[data-list="${name}"] .story`);
        const shown = await items.evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length);
        expect(shown, name).toBe(await items.count());
      }
      expect(await page.locator('[data-list="similar-stories"] .story').count()).toBe(settings.lists.similar);
    } finally {
      await context.close();
    }
  });
});
