import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Astro's record of the last incremental build: which page was rendered under which key (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = 'incremental-build.json';
/** A kind of site's folder, as `astroCacheDir` (src/context/env.ts) names it. */
const KIND_FOLDER = /^(?:public|subscribers)(?:-preview)?-[0-9a-f]{12}$/;
/** A kind of site not built for this long (another content folder, address or key ring) loses its folder. */
const UNUSED_MS = 7 * 24 * 3_600_000;

/**
 * Removes the folders of other kinds of site in `astro/` that no build has used
 * for a week, and marks this one used. Best effort: a cache that cannot be
 * tidied costs disk, never a build.
 */
export function pruneKinds(cacheDir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  const parent = path.dirname(cacheDir);
  if (!KIND_FOLDER.test(path.basename(cacheDir))) return removed;
  try {
    utimesSync(cacheDir, new Date(now), new Date(now));
    for (const name of readdirSync(parent)) {
      const folder = path.join(parent, name);
      if (folder === cacheDir || !KIND_FOLDER.test(name)) continue;
      if (now - statSync(folder).mtimeMs > UNUSED_MS) {
        rmSync(folder, { recursive: true, force: true });
        removed.push(folder);
      }
    }
  } catch {
    // Another build tidying at the same time, or a read-only cache: the next build tries again.
  }
  return removed;
}

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
        if (!cacheDir || !marker) return;
        rmSync(marker, { force: true });
        pruneKinds(cacheDir);
      },
    },
  };
}
