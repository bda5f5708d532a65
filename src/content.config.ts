import { availableParallelism } from 'node:os';
import { z } from 'astro/zod';
import { defineCollection } from 'astro:content';
import { createArchiveSource } from './archive/loader';
import { resolveBuildEnv } from './lib/build-env';
import { activeRing } from './lib/paywall/active-ring';
import { storedArticleSchema } from './schemas/article';
import { storedAuthorSchema } from './schemas/author';
import { sectionSchema } from './schemas/section';
import settings from './settings';

// BUILD_TIME was fixed by astro.config.mjs, so this is the same "now" as the pages'.
// PREVIEW is also set by the masthead integration in `astro dev`.
const { contentDir, edition, keyRing, basePath, cacheDir, threads, buildTime, preview } = resolveBuildEnv(process.env, settings, process.cwd(), new Date());
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
  includeUnpublished: preview,
  // Keys are used here to seal, and nowhere else: they never reach the data store or the site.
  sealWith: edition === 'public' && settings.subscribers.unlockInPage ? activeRing(keyRing, buildTime) : [],
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
