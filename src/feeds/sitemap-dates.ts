import { latestArchive } from '../archive/published';
import { createUrls } from '../lib/urls';

/**
 * `serialize` for `@astrojs/sitemap`: adds `lastmod` to the entries of
 * article pages, from the read the content loader published (`updated`, or
 * `date` when it was never updated, both already resolved in the paper's
 * zone), and leaves every other page as it is (a section or front page
 * changes with every story, and a wrong `lastmod` is worse than none).
 */
export function withLastModified<T extends { url: string; lastmod?: string | undefined }>(item: T): T {
  const date = lastChanges().get(new URL(item.url).pathname);
  return date ? { ...item, lastmod: date.toISOString() } : item;
}

let cached: { from: unknown; byPath: ReadonlyMap<string, Date> } | undefined;

/** Each article's last change by its page's path (`/articles/x/`, with the base path), worked out once per read. */
function lastChanges(): ReadonlyMap<string, Date> {
  const published = latestArchive();
  if (!published) return new Map();
  if (cached?.from !== published) {
    const urls = createUrls(published.options.basePath ?? '/');
    cached = { from: published, byPath: new Map(published.archive.articles.map(({ id, data }) => [urls.article(id), data.updated ?? data.date])) };
  }
  return cached.byPath;
}
