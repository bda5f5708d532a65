import type { RSSOptions } from '@astrojs/rss';

/** What a feed needs of an article: metadata only, never body text. */
export interface FeedArticle {
  /** Absolute URL of the article page. */
  url: string;
  title: string;
  standfirst: string;
  date: Date;
  /** Last update, when there was one. */
  updated?: Date | undefined;
  authorName: string;
  sectionName: string;
  /** The access marker's word (`Subscribers`) for a story for subscribers, given as a second category; absent on free stories. */
  accessCategory?: string | undefined;
}

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the page the feed follows: the front page, or the section's or author's page. */
  link: string;
  /** Absolute URL of the feed itself, announced as `atom:link rel="self"`. */
  self: string;
  /** Absolute URL of the paper's logo or icon, which feed readers show beside the feed. */
  image?: string | undefined;
  /** Newest first. */
  articles: readonly FeedArticle[];
  /** Items in the feed (default `FEED_ITEMS`). */
  limit?: number;
  /** BCP 47 locale, written as the channel's language. */
  locale: string;
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`);
}

/** RFC 822 date-time, as RSS 2.0 writes dates: `Fri, 20 Nov 2026 01:30:00 GMT`. */
const rfc822 = (date: Date) => date.toUTCString();

/**
 * When the feed's content last changed: the newest publication or update
 * among its items. Not the build time, so building the same articles again
 * writes the same feed, byte for byte, and readers polling it see no change
 * where there was none. `undefined` for a feed with no items.
 */
export function feedLastChanged(articles: readonly Pick<FeedArticle, 'date' | 'updated'>[]): Date | undefined {
  let newest: number | undefined;
  for (const { date, updated } of articles) {
    const changed = Math.max(date.getTime(), updated?.getTime() ?? -Infinity);
    if (newest === undefined || changed > newest) newest = changed;
  }
  return newest === undefined ? undefined : new Date(newest);
}

/**
 * RSS 2.0 options for `@astrojs/rss`: the channel with its own address
 * (`atom:link rel="self"`), the page it follows, when it last changed and the
 * paper's image; items with title, link, date, author (as `dc:creator`, since
 * RSS's own `author` wants an e-mail address), section as category (and the
 * access marker as a second one on a story for subscribers), and the
 * standfirst as description. Never the body: for a paywalled article that
 * would be the product itself.
 */
/** Items in a feed: readers poll often; 50 is plenty. */
export const FEED_ITEMS = 50;

export function rssFeed({ title, description, link, self, image, articles, limit = FEED_ITEMS, locale }: FeedInput): RSSOptions {
  const items = articles.slice(0, limit);
  const lastChanged = feedLastChanged(items);
  return {
    title,
    description,
    site: link,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: [
      `<language>${escapeXml(locale)}</language>`,
      `<atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`,
      lastChanged ? `<lastBuildDate>${rfc822(lastChanged)}</lastBuildDate>` : '',
      // RSS asks the image's title and link to be the channel's, so a reader can show it as the channel's own.
      image ? `<image><url>${escapeXml(image)}</url><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link></image>` : '',
    ].join(''),
    trailingSlash: true,
    items: items.map((article) => ({
      title: article.title,
      link: article.url,
      pubDate: article.date,
      description: article.standfirst,
      categories: article.accessCategory ? [article.sectionName, article.accessCategory] : [article.sectionName],
      customData: `<dc:creator>${escapeXml(article.authorName)}</dc:creator>`,
    })),
  };
}

/**
 * Articles published in the `days` before `now` (the build's time), for a
 * Google News sitemap. Dates are instants already: a bare date is the start of
 * its day in the paper's zone. Articles dated after `now` wait for a later build.
 */
export function recentArticles<T extends { date: Date }>(articles: readonly T[], now: Date, days = 2): T[] {
  const since = now.getTime() - days * 24 * 60 * 60 * 1000;
  return articles.filter((article) => article.date.getTime() >= since && article.date.getTime() <= now.getTime());
}

export interface NewsSitemapInput {
  publicationName: string;
  /** ISO 639 language code, e.g. `en`. */
  language: string;
  articles: ReadonlyArray<{ url: string; title: string; date: Date }>;
}

/** A Google News sitemap (`news:news` entries) for the given articles. */
export function newsSitemap({ publicationName, language, articles }: NewsSitemapInput): string {
  const entries = articles.map(
    (article) => `  <url>
    <loc>${escapeXml(article.url)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(publicationName)}</news:name>
        <news:language>${escapeXml(language)}</news:language>
      </news:publication>
      <news:publication_date>${article.date.toISOString()}</news:publication_date>
      <news:title>${escapeXml(article.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries.join('\n')}
</urlset>
`;
}

/** `robots.txt` that allows everything and points to the sitemaps. */
export function robotsTxt(sitemaps: readonly string[]): string {
  return `User-agent: *\nAllow: /\n\n${sitemaps.map((url) => `Sitemap: ${url}`).join('\n')}\n`;
}
