import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/feeds';
import { absoluteUrl } from '../lib/urls';
import { urls } from '../site';

export const GET: APIRoute = ({ site }) =>
  new Response(robotsTxt([absoluteUrl(urls.path('sitemap-index.xml'), site!.href), absoluteUrl(urls.path('news-sitemap.xml'), site!.href)]), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
