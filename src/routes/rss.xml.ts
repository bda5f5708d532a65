import type { APIRoute } from 'astro';
import { feedResponse } from '../feeds/site-feeds';
import { siteData } from '../archive/queries';
import { settings } from '../site';

export const GET: APIRoute = async ({ site }) =>
  feedResponse(site!, {
    title: settings.siteName,
    description: settings.tagline || `The latest from ${settings.siteName}`,
    articles: (await siteData()).articles,
  });
