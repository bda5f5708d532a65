// @ts-check
import { defineConfig } from 'astro/config';

// The benchmark's baseline: the site an Astro user would make of the same
// articles. bench.ts copies this folder into its work folder and the articles
// into src/content/articles, as a newsroom on plain Astro would keep them, and
// builds it with Astro's defaults everywhere (Markdown renderer, output,
// logging). It passes only the cache and output folders.
// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({});
