import type { APIRoute } from 'astro';
import { newsSitemapArticles } from '../feeds/site-feeds';
import { robotsTxt } from '../feeds/feed';
import { absoluteUrl } from '../lib/urls';
import { isPreview, isPublicEdition, urls } from '../site';

export const GET: APIRoute = async ({ site }) => {
  // The subscriber edition and preview builds (drafts, embargoed pieces) are for no search engine.
  if (!isPublicEdition || isPreview) return new Response('User-agent: *\nDisallow: /\n', { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  // The news sitemap is only written when it has articles (see src/routes/news-sitemap.xml.ts).
  const hasNews = (await newsSitemapArticles(site!)).length > 0;
  const sitemaps = [urls.path('sitemap-index.xml'), ...(hasNews ? [urls.path('news-sitemap.xml')] : [])];
  return new Response(robotsTxt(sitemaps.map((path) => absoluteUrl(path, site!.href))), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
