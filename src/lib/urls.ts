/**
 * The one URL builder: pages, feeds, sitemaps and structured data all take their
 * links from here, so a base path (`/paper/`) is honoured everywhere at once.
 */
export interface Urls {
  /** The configured base, always starting and ending with `/`. */
  base: string;
  home(): string;
  article(slug: string): string;
  authors(): string;
  /** An author's page; page 1 is the author's root URL. */
  author(id: string, page?: number): string;
  /** A section's page; page 1 is the section's root URL. */
  section(id: string, page?: number): string;
  /** A tag's page, by its slug (`tagSlug`); page 1 is the tag's root URL. */
  tag(slug: string, page?: number): string;
  /** A file in `public/` or any other site-relative path. */
  path(path: string): string;
  /** A picture or file given as `/site/path` (put under the base) or a full URL (kept). */
  asset(src: string): string;
  /** The site's RSS feed, or a section's, author's or tag's. */
  feed(of?: { section: string } | { author: string } | { tag: string }): string;
}

/** Normalises a base path to `/` or `/a/b/`. */
export function normaliseBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Builds site-relative URLs under `base`. */
export function createUrls(base: string): Urls {
  const root = normaliseBase(base);
  const join = (...parts: string[]) => `${root}${parts.map(encodeURIComponent).join('/')}/`;
  const paged = (prefix: string, id: string, page = 1) =>
    page <= 1 ? join(prefix, id) : join(prefix, id, String(page));
  return {
    base: root,
    home: () => root,
    article: (slug) => join('articles', slug),
    authors: () => join('authors'),
    author: (id, page) => paged('authors', id, page),
    section: (id, page) => paged('sections', id, page),
    tag: (slug, page) => paged('tags', slug, page),
    path: (path) => `${root}${path.replace(/^\/+/, '')}`,
    asset: (src) => (src.startsWith('/') && !src.startsWith('//') ? `${root}${src.slice(1)}` : src),
    feed: (of) =>
      !of
        ? `${root}rss.xml`
        : 'section' in of
          ? `${join('sections', of.section)}rss.xml`
          : 'author' in of
            ? `${join('authors', of.author)}rss.xml`
            : `${join('tags', of.tag)}rss.xml`,
  };
}

/** Makes a site-relative URL absolute against the site's origin. */
export function absoluteUrl(path: string, site: string): string {
  return new URL(path, site).href;
}
