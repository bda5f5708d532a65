import astroSitemap, { type SitemapOptions } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';

/** The order @astrojs/sitemap sorts its addresses in (`localeCompare(b, 'en', { numeric: true })`), from one collator. */
const inSitemapOrder = new Intl.Collator('en', { numeric: true }).compare;

type BuildDone = NonNullable<AstroIntegration['hooks']['astro:build:done']>;

/**
 * @astrojs/sitemap, handed the built pages already in the order it sorts them
 * in. It sorts with `localeCompare` and options on every comparison, which
 * makes a collator each time: 0.6 s for a 10,000-article archive's 13,500
 * addresses, ten times that at 100,000, against 3 ms with one collator. Given
 * pages in order, its sort makes one pass. It still sorts, so its sitemap is
 * the one it always wrote.
 */
export default function sitemap(options: SitemapOptions): AstroIntegration {
  const integration = astroSitemap(options);
  const done = integration.hooks['astro:build:done'];
  return done ? { ...integration, hooks: { ...integration.hooks, 'astro:build:done': pagesInOrder(done) } } : integration;
}

/** An `astro:build:done` hook handed the pages sorted as @astrojs/sitemap sorts them. */
export function pagesInOrder(done: BuildDone): BuildDone {
  return (params) => done({ ...params, pages: [...params.pages].sort((a, b) => inSitemapOrder(a.pathname, b.pathname)) });
}
