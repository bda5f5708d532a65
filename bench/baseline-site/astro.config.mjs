// @ts-check
import { defineConfig } from 'astro/config';

// The benchmark's baseline: a plain Astro site over Masthead's articles folder,
// with Astro's defaults everywhere (Markdown renderer, output, logging). bench.ts
// passes the cache and output folders; CONTENT_DIR names the content folder.
// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({});
