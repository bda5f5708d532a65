/**
 * Gives the sitemap each article's last change (`lastmod`): the content
 * loader, which knows the dates, leaves them here; the sitemap integration's
 * `serialize` reads them when it writes the sitemap at the end of the build.
 *
 * Both run in the one `astro build` process but in two module graphs (see
 * search-channel.ts), so the dates are kept on `globalThis` under a
 * `Symbol.for` key that both copies of this module share.
 */
const CHANNEL = Symbol.for('masthead.sitemap-dates');
const holder = globalThis as { [CHANNEL]?: ReadonlyMap<string, Date> };

/**
 * Keeps each article's last change by its page's path (`/articles/x/`, with
 * the base path): `updated`, or `date` when it was never updated, both already
 * resolved in the paper's zone (a bare date is the start of its day).
 */
export function offerLastModified(byPath: ReadonlyMap<string, Date>): void {
  holder[CHANNEL] = byPath;
}

/**
 * `serialize` for `@astrojs/sitemap`: adds `lastmod` to the entries of
 * article pages, and leaves every other page as it is (a section or front
 * page changes with every story, and a wrong `lastmod` is worse than none).
 */
export function withLastModified<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  const date = holder[CHANNEL]?.get(new URL(item.url).pathname);
  return date ? { ...item, lastmod: date.toISOString() } : item;
}
