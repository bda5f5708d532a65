import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../feeds/site-feeds';
import { siteData } from '../../archive/queries';
import type { TagPage } from '../../lib/tags';
import { settings } from '../../site';

export const getStaticPaths = (async () =>
  (await siteData()).tags.map((tag) => ({ params: { tag: tag.slug }, props: { tag } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ tag: TagPage }> = async ({ site, props: { tag } }) => {
  const { articlesById } = await siteData();
  return feedResponse(site!, {
    title: `${tag.name} | ${settings.siteName}`,
    description: `The latest stories tagged ${tag.name}`,
    articles: tag.ids.map((id) => articlesById.get(id)!),
    of: { tag: tag.slug },
  });
};
