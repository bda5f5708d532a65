import type { APIRoute, GetStaticPaths } from 'astro';
import { newsSitemapArticles } from '../feeds/site-feeds';
import { newsSitemap } from '../feeds/feed';
import { settings } from '../site';

/**
 * Google News sitemap: articles from the two days before the build. With none
 * the route has no path at all, so the file is not written (an empty `urlset`
 * would only tell Google the paper has stopped publishing), and the build says
 * nothing about it: answering with no body made Astro print "file not created,
 * response body was empty" on every such build, which read like a fault.
 */
export const getStaticPaths = (async () => {
  const recent = await newsSitemapArticles(new URL(import.meta.env.SITE));
  return recent.length === 0 ? [] : [{ params: { name: 'news-sitemap' } }];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const recent = await newsSitemapArticles(site!);
  const xml = newsSitemap({ publicationName: settings.siteName, language: settings.locale.split('-')[0]!, articles: recent });
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
