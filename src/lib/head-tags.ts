/**
 * `<meta>` and `<link>` tags for a page head, as an HTML string.
 *
 * Why a string: their values are frontmatter (headlines, tags, names), and
 * Astro escapes only `&` and `"` in attributes. That is enough for a browser,
 * but we escape `<` and `>` as well so no tool, filter or careless copy can
 * ever read a `<script>` out of a headline.
 */
export type HeadTag =
  | { meta: 'name' | 'property'; key: string; content: string }
  | { link: string; href: string; type?: string; title?: string };

const attributeEscapes: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&#39;', '<': '&lt;', '>': '&gt;' };

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"'<>]/g, (char) => attributeEscapes[char]!);
}

function attributes(pairs: Array<[string, string | undefined]>): string {
  return pairs
    .filter((pair): pair is [string, string] => pair[1] !== undefined)
    .map(([name, value]) => `${name}="${escapeAttribute(value)}"`)
    .join(' ');
}

/** Renders head tags, one per line. */
export function renderHeadTags(tags: readonly HeadTag[]): string {
  return tags
    .map((tag) =>
      'meta' in tag
        ? `<meta ${attributes([[tag.meta, tag.key], ['content', tag.content]])}>`
        : `<link ${attributes([['rel', tag.link], ['type', tag.type], ['title', tag.title], ['href', tag.href]])}>`,
    )
    .join('\n');
}

export interface PageHead {
  siteName: string;
  /** BCP 47 locale, e.g. `en-GB`. */
  locale: string;
  /** The page's own title, without the site name; `undefined` on the front page. */
  title?: string | undefined;
  description?: string | undefined;
  /** Absolute canonical URL. */
  canonical: string;
  /** Keeps the page out of search engines; it then has no canonical URL either. */
  noindex: boolean;
  feeds: ReadonlyArray<{ title: string; href: string }>;
  /** Open Graph `article:` data, with an absolute author URL. */
  article?: { publishedTime: Date; modifiedTime?: Date | undefined; authorUrls: readonly string[]; section: string; tags: readonly string[] } | undefined;
  /** The social card picture: absolute URL, description, and (when known) its pixel size and MIME type. */
  image?: { url: string; alt: string; width?: number | undefined; height?: number | undefined; type?: string | undefined } | undefined;
  /** The favicon (site path and MIME type) and the `apple-touch-icon` (site path). */
  icons?: { favicon: { href: string; type: string }; touchIcon?: string | undefined } | undefined;
}

/** Icons, description, canonical, feed discovery, Open Graph and Twitter card tags for a page. */
export function pageHeadTags(page: PageHead): HeadTag[] {
  const meta = (key: string, content: string | undefined, kind: 'name' | 'property' = 'property'): HeadTag[] =>
    content ? [{ meta: kind, key, content }] : [];
  const title = page.title ?? page.siteName;
  const { article, image } = page;
  const icons = page.icons;
  return [
    ...(icons
      ? [
          { link: 'icon', href: icons.favicon.href, type: icons.favicon.type } satisfies HeadTag,
          ...(icons.touchIcon ? [{ link: 'apple-touch-icon', href: icons.touchIcon } satisfies HeadTag] : []),
        ]
      : []),
    ...meta('description', page.description, 'name'),
    ...(page.noindex ? meta('robots', 'noindex', 'name') : [{ link: 'canonical', href: page.canonical }]),
    ...page.feeds.map((feed): HeadTag => ({ link: 'alternate', type: 'application/rss+xml', title: feed.title, href: feed.href })),
    ...meta('og:site_name', page.siteName),
    ...meta('og:title', title),
    ...meta('og:description', page.description),
    ...(page.noindex ? [] : meta('og:url', page.canonical)),
    ...meta('og:locale', page.locale.replace('-', '_')),
    ...meta('og:type', article ? 'article' : 'website'),
    ...(article
      ? [
          ...meta('article:published_time', article.publishedTime.toISOString()),
          ...meta('article:modified_time', article.modifiedTime?.toISOString()),
          // One per author, in byline order: Open Graph takes `article:author` as an array.
          ...article.authorUrls.flatMap((url) => meta('article:author', url)),
          ...meta('article:section', article.section),
          ...article.tags.flatMap((tag) => meta('article:tag', tag)),
        ]
      : []),
    ...meta('og:image', image?.url),
    ...meta('og:image:type', image?.type),
    ...meta('og:image:width', image?.width?.toString()),
    ...meta('og:image:height', image?.height?.toString()),
    ...meta('og:image:alt', image?.alt),
    ...meta('twitter:card', image ? 'summary_large_image' : 'summary', 'name'),
    ...meta('twitter:title', title, 'name'),
    ...meta('twitter:description', page.description, 'name'),
    ...meta('twitter:image', image?.url, 'name'),
    ...meta('twitter:image:alt', image?.alt, 'name'),
  ];
}
