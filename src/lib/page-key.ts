import { createHash } from 'node:crypto';

/**
 * A page's `cacheKey` for Astro's incremental build: a hash of everything the
 * page shows that is not code (Astro hashes the page's code itself). Parts are
 * written as JSON (dates as ISO strings), in the order given; the same parts
 * give the same key in every build, and any changed word, link or picture in
 * them gives another. Maps and sets do not survive JSON: pass arrays.
 */
export function pageKey(...parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
