import type { RSSOptions } from '@astrojs/rss';

/** What a feed needs of an article: metadata only, never body text. */
export interface FeedArticle {
  /** Absolute URL of the article page. */
  url: string;
  title: string;
  standfirst: string;
  date: Date;
  authorName: string;
  sectionName: string;
}

export interface FeedInput {
  title: string;
  description: string;
  /** Absolute URL of the site root (with base path). */
  site: string;
  /** Newest first. */
  articles: readonly FeedArticle[];
  /** Items in the feed. Readers poll often; 50 is plenty. */
  limit?: number;
  /** BCP 47 locale, written as the channel's language. */
  locale: string;
}

/** Escapes text for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[char]};`);
}

/**
 * RSS 2.0 options for `@astrojs/rss`: title, link, date, author (as
 * `dc:creator`, since RSS's own `author` wants an e-mail address), section as
 * category, and the standfirst as description. Never the body: for a
 * paywalled article that would be the product itself.
 */
export function rssFeed({ title, description, site, articles, limit = 50, locale }: FeedInput): RSSOptions {
  return {
    title,
    description,
    site,
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: `<language>${escapeXml(locale)}</language>`,
    trailingSlash: true,
    items: articles.slice(0, limit).map((article) => ({
      title: article.title,
      link: article.url,
      pubDate: article.date,
      description: article.standfirst,
      categories: [article.sectionName],
      customData: `<dc:creator>${escapeXml(article.authorName)}</dc:creator>`,
    })),
  };
}

/** Articles published in the `days` before `now`, for a Google News sitemap. */
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
