import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  /** Every article, as Astro's own glob loader reads it from src/content: no schema, no checks, no cut. */
  articles: defineCollection({ loader: glob({ pattern: '**/[^_.]*.md', base: './src/content/articles' }) }),
};
