import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds';
import { absoluteUrl } from '../lib/urls';
import { isPublicEdition, urls } from '../site';

export const GET: APIRoute = ({ site }) =>
  new Response(
    isPublicEdition
      ? robotsTxt([absoluteUrl(urls.path('sitemap-index.xml'), site!.href), absoluteUrl(urls.path('news-sitemap.xml'), site!.href)])
      : 'User-agent: *\nDisallow: /\n',
    { headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
  );
