import { existsSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import type { PrerendererWrap } from '../page-threads/integration';
import { ASTRO_MANIFEST, createPageLinks, type PageLinks } from './page-links';

export { ASTRO_MANIFEST };
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
 *
 * It also installs the build's one prerenderer (Astro takes one): `wrap`'s
 * (the page threads), around which the last build's pages are linked into
 * the output rather than copied (`page-links.ts`). Keep it after every
 * integration that could fail or rewrite built pages.
 */
export default function pageCache({ wrap }: { wrap?: PrerendererWrap } = {}): AstroIntegration {
  let cacheDir: string | undefined;
  let marker: string | undefined;
  let links: PageLinks | undefined;
  let building = false;
  return {
    name: 'masthead-page-cache',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        if (!config.experimental.incrementalBuild || !building) return;
        // The folder Astro really uses: astro.config.mjs sets it, and `astro build --cache-dir` or the API may override it.
        cacheDir = fileURLToPath(config.cacheDir);
        marker = path.join(cacheDir, UNFINISHED);
        links = createPageLinks({ cacheDir, outDir: fileURLToPath(config.outDir), base: config.base });
        // While the content is read; not after a build that stopped halfway, whose pages are all rendered again.
        if (existsSync(path.join(cacheDir, ASTRO_MANIFEST)) && !existsSync(marker)) links.stage();
      },
      'astro:build:start': ({ logger, setPrerenderer }) => {
        setPrerenderer((astroDefault) => {
          const inner = wrap ? wrap(astroDefault, logger) : astroDefault;
          return links ? linkedPrerenderer(inner, links, logger) : inner;
        });
        if (!cacheDir || !marker) return;
        if (existsSync(marker)) {
          rmSync(path.join(cacheDir, ASTRO_MANIFEST), { force: true });
          logger.warn('the last build with this cache did not finish: every page is rendered again');
        }
        mkdirSync(cacheDir, { recursive: true });
        writeFileSync(marker, `${process.pid}\n`);
      },
      'astro:build:done': ({ logger }) => {
        if (!cacheDir || !marker) return;
        const changed = links?.changed() ?? [];
        if (changed.length > 0) {
          // Those pages are Astro's copies too (one file, linked): the record would serve them changed.
          rmSync(path.join(cacheDir, ASTRO_MANIFEST), { force: true });
          logger.warn(
            `${changed.length} page(s) kept from the last build were rewritten in place after they were written (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', …' : ''}), by an integration listed before masthead-page-cache: the next build renders every page again. An integration that changes built pages should write a new file and rename it over the old one`,
          );
        }
        // What the next build checks Astro's copies against: a script run over the output afterwards changes them too.
        links?.record();
        rmSync(marker, { force: true });
        pruneKinds(cacheDir);
      },
    },
  };
}

/**
 * `inner` with the last build's pages linked into the output once Astro has
 * listed this build's pages, and a page's link (and Astro's copy) taken away
 * before it is rendered again.
 */
export function linkedPrerenderer(inner: AstroPrerenderer, links: PageLinks, logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>): AstroPrerenderer {
  return {
    ...inner,
    name: `${inner.name}+kept-pages`,
    getStaticPaths: async () => {
      const paths = await inner.getStaticPaths();
      const started = performance.now();
      const { linked, failed } = await links.link(paths);
      if (failed) logger.warn(`pages of the last build not linked: ${failed}`);
      if (linked > 0) logger.info(`${linked} pages of the last build linked into the output in ${Math.round(performance.now() - started)} ms`);
      return paths;
    },
    render: (request, options) => {
      links.release(options.routeData.component, request.url);
      return inner.render(request, options);
    },
  };
}
