import path from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// Relative to this site's root (bench/baseline-site), as bench.ts runs it.
const contentDir = path.resolve(process.env.CONTENT_DIR ?? '../../content');

export const collections = {
  /** Every article, as Astro's own glob loader reads it: no schema, no checks, no cut. */
  articles: defineCollection({ loader: glob({ pattern: '**/[^_.]*.md', base: path.join(contentDir, 'articles') }) }),
};
