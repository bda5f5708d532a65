import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's record of the last incremental build: which page was rendered under which key (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = 'incremental-build.json';
/** Written when the pages start, removed when the build has finished: still there, the last build stopped halfway. */
export const UNFINISHED = 'masthead-build-unfinished';

/**
 * Guards Astro's incremental build (`experimental.incrementalBuild`), which
 * copies a page from the last build when the page's code and its `cacheKey`
 * are unchanged. Astro writes each rendered page into its cache as it goes and
 * its record of keys only at the end, so a build stopped halfway (killed, out
 * of memory, an integration failing after the pages) can leave pages in the
 * cache that the record does not describe. This integration marks the cache
 * when pages start and unmarks it when the build has finished; a build that
 * finds the mark throws the record away and renders every page.
 */
export default function pageCache(): AstroIntegration {
  let cacheDir: string | undefined;
  let marker: string | undefined;
  return {
    name: 'masthead-page-cache',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The folder Astro really uses: astro.config.mjs sets it, and `astro build --cache-dir` or the API may override it.
        if (!config.experimental.incrementalBuild) return;
        cacheDir = fileURLToPath(config.cacheDir);
        marker = path.join(cacheDir, UNFINISHED);
      },
      'astro:build:start': ({ logger }) => {
        if (!cacheDir || !marker) return;
        if (existsSync(marker)) {
          rmSync(path.join(cacheDir, ASTRO_MANIFEST), { force: true });
          logger.warn('the last build with this cache did not finish: every page is rendered again');
        }
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(marker, `${process.pid}\n`);
      },
      'astro:build:done': () => {
        if (marker) rmSync(marker, { force: true });
      },
    },
  };
}
