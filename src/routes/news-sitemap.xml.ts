import type { APIRoute } from 'astro';
import { siteData } from '../archive/queries';
import { newsSitemap, recentArticles } from '../lib/feeds';
import { absoluteUrl } from '../lib/urls';
import { settings, urls } from '../site';

/** Google News sitemap: articles from the two days before the build. */
export const GET: APIRoute = async ({ site }) => {
  const { articles } = await siteData();
  const recent = recentArticles(
    articles.map((article) => ({ url: absoluteUrl(urls.article(article.id), site!.href), title: article.data.title, date: article.data.date })),
    new Date(),
  );
  const xml = newsSitemap({ publicationName: settings.siteName, language: settings.locale.split('-')[0]!, articles: recent });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
