import { getRssString } from '@astrojs/rss';
import { recentArticles, rssFeed, type FeedArticle } from './feed';
import { TOUCH_ICON_FILE } from '../social-cards/card';
import { absoluteUrl } from '../lib/urls';
import { buildTime, settings, urls } from '../site';
import { siteData, type Article } from '../archive/queries';

/** Whose feed: the whole paper's, a section's, an author's or a tag's (by slug). */
export type FeedOf = { section: string } | { author: string } | { tag: string } | undefined;

/**
 * The picture feed readers show beside the feed. RSS 2.0 takes a GIF, JPEG or
 * PNG only: the paper's logo when it is one of those, otherwise the PNG home
 * screen icon every public build draws from the logo or favicon.
 */
export function feedImagePath(): string {
  const { logo } = settings.brand;
  return logo && /\.(png|jpe?g|gif)$/i.test(logo) ? urls.asset(logo) : urls.path(TOUCH_ICON_FILE);
}

/** Builds a feed response for a list of articles (newest first). */
export async function feedResponse(
  site: URL,
  { title, description, articles, of }: { title: string; description: string; articles: readonly Article[]; of?: FeedOf },
): Promise<Response> {
  const data = await siteData();
  const feedArticles: FeedArticle[] = articles.map((article) => {
    const item = data.item(article);
    return {
      url: absoluteUrl(item.url, site.href),
      title: item.title,
      standfirst: item.standfirst,
      date: item.date,
      updated: article.data.updated,
      authorName: item.authorName,
      sectionName: item.sectionName,
      accessCategory: item.forSubscribers ? settings.subscribe.marker : undefined,
    };
  });
  // The channel's link is the page this feed follows, so a reader's "visit site" lands on the section or author.
  const page = !of
    ? urls.home()
    : 'section' in of
      ? urls.section(of.section)
      : 'author' in of
        ? urls.author(of.author)
        : urls.tag(of.tag);
  const xml = await getRssString(
    rssFeed({
      title,
      description,
      link: absoluteUrl(page, site.href),
      self: absoluteUrl(urls.feed(of), site.href),
      image: absoluteUrl(feedImagePath(), site.href),
      articles: feedArticles,
      locale: settings.locale,
    }),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}

/**
 * The articles of the news sitemap: published in the two days before the
 * build's "now" (`BUILD_TIME`), a bare date counting from the start of its day
 * in the paper's zone. The route and robots.txt both ask, so an empty news
 * sitemap is neither written nor announced.
 */
export async function newsSitemapArticles(site: URL): Promise<Array<{ url: string; title: string; date: Date }>> {
  const { articles } = await siteData();
  return recentArticles(
    articles.map((article) => ({ url: absoluteUrl(urls.article(article.id), site.href), title: article.data.title, date: article.data.date })),
    buildTime(),
  );
}
