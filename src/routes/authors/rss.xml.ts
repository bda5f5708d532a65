import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../feeds/site-feeds';
import { siteData, type Author } from '../../archive/queries';
import { feedKey, pageEntry } from '../../layouts/page-keys';
import { settings } from '../../site';

export const getStaticPaths = (async () => {
  const site = await siteData();
  return [...site.authorsById.values()].map((author) => ({
    params: { id: author.id },
    props: { author },
    cacheKey: feedKey(site, pageEntry(author), site.byAuthor.get(author.id)!),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ author: Author }> = async ({ site, props: { author } }) =>
  feedResponse(site!, {
    title: `${author.data.name} | ${settings.siteName}`,
    description: author.data.role ? `${author.data.role}, ${settings.siteName}` : `Articles by ${author.data.name}`,
    articles: (await siteData()).byAuthor.get(author.id)!,
    of: { author: author.id },
  });
