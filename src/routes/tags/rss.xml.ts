import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../feeds/site-feeds';
import { siteData } from '../../archive/queries';
import type { TagPage } from '../../lib/tags';
import { feedKey } from '../../layouts/page-keys';
import { settings } from '../../site';

export const getStaticPaths = (async () => {
  const site = await siteData();
  return site.tags.map((tag) => ({
    params: { tag: tag.slug },
    props: { tag },
    cacheKey: feedKey(site, tag, tag.ids.map((id) => site.articlesById.get(id)!)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: TagPage }> = async ({ site, props: { tag } }) => {
  const { articlesById } = await siteData();
  return feedResponse(site!, {
    title: `${tag.name} | ${settings.siteName}`,
    description: tag.standfirst ?? `The latest stories tagged ${tag.name}`,
    articles: tag.ids.map((id) => articlesById.get(id)!),
    of: { tag: tag.slug },
  });
};
