import { getRssString } from '@astrojs/rss';
import { rssFeed, type FeedArticle } from '../lib/feeds';
import { absoluteUrl } from '../lib/urls';
import { settings, urls } from '../site';
import { siteData, type Article } from './queries';

/** Builds a feed response for a list of articles (newest first). */
export async function feedResponse(
  site: URL,
  { title, description, articles }: { title: string; description: string; articles: readonly Article[] },
): Promise<Response> {
  const data = await siteData();
  const feedArticles: FeedArticle[] = articles.map((article) => {
    const item = data.item(article);
    return {
      url: absoluteUrl(item.url, site.href),
      title: item.title,
      standfirst: item.standfirst,
      date: item.date,
      authorName: item.authorName,
      sectionName: item.sectionName,
    };
  });
  const xml = await getRssString(
    rssFeed({
      title,
      description,
      site: absoluteUrl(urls.home(), site.href),
      articles: feedArticles,
      locale: settings.locale,
    }),
  );
  return new Response(xml, { headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' } });
}
