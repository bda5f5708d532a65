/**
 * What a slug or id may be: letters (any script, with their accents and vowel
 * signs, which are combining marks in NFD and in many scripts), digits,
 * hyphens, underscores and dots, and no spaces or URL-reserved characters, so
 * it can be one path segment of a URL and one file name. Lowercase kebab-case
 * is the convention, not a rule: a newsroom's existing file names keep working.
 */
export const ID_PATTERN = /^[\p{L}\p{N}_-][\p{L}\p{M}\p{N}._-]*$/u;

/** The words used in error messages. */
export const ID_HINT = 'letters, digits, hyphens, underscores or dots, with no spaces';

/**
 * How two slugs or ids compare on the file systems and hosts that matter:
 * macOS and Windows checkouts (and many static hosts) ignore case, and macOS
 * treats `é` written as one code point (NFC) or as `e` + accent (NFD) as the
 * same name. Two ids with the same key would be one file or one page there.
 */
export function idKey(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

/**
 * Names the site itself uses for pages, files and folders, with why. An
 * article, author or section by one of these names would sit at a URL that
 * hosts, the sitemap filter or readers take for something else: an author
 * `index.html` would need `dist/authors/index.html/`, where the Writers page
 * is the file `dist/authors/index.html`; an article `search` would be left
 * out of the sitemap with the search page. Compared with `idKey`.
 */
const RESERVED = new Map<string, string>([
  ['index', 'some hosts (Cloudflare Pages) send …/index/ to the folder above it'],
  ['index.html', 'hosts serve a folder’s index.html for the folder itself, and /authors/index.html is the Writers page'],
  ['index.htm', 'hosts serve a folder’s index file for the folder itself'],
  ['404', 'it is the name of the not-found page, which the sitemap leaves out'],
  ['404.html', 'it is the not-found page that hosts serve for missing URLs'],
  ['search', 'it is the name of the search page (/search/), which the sitemap leaves out'],
  ['unlock', 'it is the name of the unlock page (/unlock/), which the sitemap leaves out'],
  ['page', 'it is kept for page-numbered URLs'],
  ['rss.xml', 'it is the name of every feed (/rss.xml, /sections/<id>/rss.xml, /authors/<id>/rss.xml)'],
  ['robots.txt', 'it is the name of the file for search engines'],
  ['sitemap-index.xml', 'it is the name of the sitemap'],
  ['news-sitemap.xml', 'it is the name of the news sitemap'],
  ['_astro', 'it is the folder of the site’s scripts and styles'],
  ['_headers', 'hosts read a file of that name as settings'],
  ['_redirects', 'hosts read a file of that name as settings'],
  ['pagefind', 'it is the folder of the search index'],
  ['favicon.svg', 'it is the name of the site’s icon'],
]);

/**
 * Why `id` cannot be used as a slug or id, or `undefined` when it can.
 * Sitemap pages (`sitemap-0.xml`, ...) are reserved as a family.
 */
export function reservedIdReason(id: string): string | undefined {
  const key = idKey(id);
  if (/^sitemap-\d+\.xml$/.test(key)) return 'it is the name of a sitemap page';
  return RESERVED.get(key);
}
