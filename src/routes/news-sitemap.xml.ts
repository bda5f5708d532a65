import type { APIRoute } from 'astro';
import { newsSitemapArticles } from '../feeds/site-feeds';
import { newsSitemap } from '../feeds/feed';
import { settings } from '../site';

/**
 * Google News sitemap: articles from the two days before the build. With none,
 * the route answers without a body, and Astro writes no file: an empty
 * `urlset` would only tell Google the paper has stopped publishing.
 */
export const GET: APIRoute = async ({ site }) => {
  const recent = await newsSitemapArticles(site!);
  if (recent.length === 0) return new Response(null, { status: 404 });
  const xml = newsSitemap({ publicationName: settings.siteName, language: settings.locale.split('-')[0]!, articles: recent });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
