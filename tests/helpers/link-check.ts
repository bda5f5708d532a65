import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { listFiles } from './site-files';

export interface BrokenLink {
  page: string;
  link: string;
  reason: string;
}

/** Where a site-relative URL path lands in the built folder, or `undefined`. */
function resolveFile(dir: string, urlPath: string): string | undefined {
  const decoded = decodeURIComponent(urlPath);
  const candidate = path.join(dir, decoded);
  if (decoded.endsWith('/')) return existsSync(path.join(candidate, 'index.html')) ? path.join(candidate, 'index.html') : undefined;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

/**
 * Checks every internal link and asset of every HTML page in a built site:
 * `a`, `link`, `img`, `script`, `source` and `form` targets must exist as files,
 * under the base path, and `#fragments` must name an element on the target page.
 * The site's own origin counts as internal (canonical and feed URLs), except
 * for `external` URLs that another system serves there (a subscribe page).
 */
export function checkLinks(
  dir: string,
  { base = '/', origin, external = [] }: { base?: string; origin: string; external?: readonly string[] },
): BrokenLink[] {
  const broken: BrokenLink[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idsCache.get(file);
    if (!ids) {
      ids = new Set(parse(readFileSync(file, 'utf8')).querySelectorAll('[id]').map((element) => element.id));
      idsCache.set(file, ids);
    }
    return ids;
  };
  for (const page of listFiles(dir).filter((file) => file.endsWith('.html'))) {
    const pagePath = `${base}${page.replace(/(^|\/)index\.html$/, '$1')}`;
    const html = parse(readFileSync(path.join(dir, page), 'utf8'));
    const links = [
      ...html.querySelectorAll('a[href], link[href]').map((element) => element.getAttribute('href')!),
      ...html.querySelectorAll('img[src], script[src], source[src]').map((element) => element.getAttribute('src')!),
      ...html.querySelectorAll('form[action]').map((element) => element.getAttribute('action')!),
      ...html.querySelectorAll('meta[property="og:url"], meta[property="og:image"]').map((element) => element.getAttribute('content')!),
    ];
    for (const link of links) {
      const url = new URL(link, `${origin}${pagePath}`);
      if (url.origin !== origin || !/^https?:$/.test(url.protocol) || external.includes(url.href)) continue;
      if (!url.pathname.startsWith(base)) {
        broken.push({ page, link, reason: `outside the base path ${base}` });
        continue;
      }
      const file = resolveFile(dir, url.pathname.slice(base.length - 1));
      if (!file) {
        broken.push({ page, link, reason: 'no such file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        broken.push({ page, link, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return broken;
}
