import type { APIRoute, GetStaticPaths } from 'astro';
import { feedResponse } from '../../feeds/site-feeds';
import { siteData, type SectionEntry } from '../../archive/queries';
import { feedKey, pageEntry } from '../../layouts/page-keys';
import { settings } from '../../site';

export const getStaticPaths = (async () => {
  const site = await siteData();
  return site.sections.map((section) => ({
    params: { id: section.id },
    props: { section },
    cacheKey: feedKey(site, pageEntry(section), site.bySection.get(section.id)!),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ section: SectionEntry }> = async ({ site, props: { section } }) =>
  feedResponse(site!, {
    title: `${section.data.name} | ${settings.siteName}`,
    description: section.data.description ?? `The latest from ${section.data.name}`,
    articles: (await siteData()).bySection.get(section.id)!,
    of: { section: section.id },
  });
