import { availableParallelism } from 'node:os';
import { z } from 'astro/zod';
import { defineCollection } from 'astro:content';
import { createArchiveSource } from './archive/loader';
import { buildContext } from './context/build-context';
import { edgeBuild } from './context/env';
import { activeRing } from './subscribers/active-ring';
import { storedArticleSchema } from './schemas/article';
import { storedAuthorSchema } from './schemas/author';
import { sectionSchema } from './schemas/section';
import settings from './settings';

// Resolved once by astro.config.mjs: the same "now" as the pages'. Drafts are shown in a preview build and in `astro dev`.
const { env, showUnpublished } = buildContext();
const { contentDir, edition, keyRing, basePath, cacheDir, threads, buildTime } = env;
const edge = edgeBuild(env, settings.subscribers.edge.enabled);
const source = createArchiveSource({
  contentDir,
  displayRoot: process.cwd(),
  settings,
  edition,
  basePath,
  cacheDir,
  threads: threads ?? availableParallelism(),
  // Drafts and embargoed articles are left out of a public build before anything is computed from them.
  buildTime,
  includeUnpublished: showUnpublished,
  // The whole text of cut articles, for the edge's private subscriber pages (never the data store or a public page).
  keepWhole: edge,
  // Keys are used here to seal, and nowhere else: they never reach the data store or the site. Not with the edge.
  sealWith: edition === 'public' && !edge && settings.subscribers.unlockInPage ? activeRing(keyRing, buildTime) : [],
});

export const collections = {
  /** `content/articles/**\/<slug>.md`: metadata, free HTML, and the lists under each article. */
  articles: defineCollection({ loader: source.loader('articles'), schema: storedArticleSchema }),
  /** `content/authors/<id>.md`. */
  authors: defineCollection({ loader: source.loader('authors'), schema: storedAuthorSchema }),
  /** `content/sections.yaml`, with each section's place in the navigation. */
  sections: defineCollection({
    loader: source.loader('sections'),
    schema: sectionSchema.extend({ order: z.number().int() }),
  }),
};
