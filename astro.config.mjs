// @ts-check
import { availableParallelism } from 'node:os';
import sitemap from './src/feeds/sitemap';
import { defineConfig } from 'astro/config';
import { repositoryRoot, resolveCmsBuild } from './src/editor/enable';
import atomicOutput from './src/integrations/atomic-output';
import pageCache from './src/integrations/page-cache';
import cms from './src/editor/integration';
import { devServerFs, devServerGuard } from './src/integrations/dev-server-guard';
import images from './src/pictures/integration';
import masthead from './src/integrations/masthead';
import pagefind from './src/search/integration';
import { withLastModified } from './src/feeds/sitemap-dates';
import socialCards from './src/social-cards/integration';
import pageThreads, { defaultPageThreads } from './src/page-threads/integration';
import { openBuildContext } from './src/context/build-context';
import { astroCacheDir, edgeBuild, resolveBuildEnv } from './src/context/env';
import { edgeConfig } from './src/edge/config';
import { activeRing } from './src/subscribers/active-ring';
import settings from './src/settings';

// The build environment, resolved once: src/content.config.ts, loaded later in this process, reads it from the build context.
const env = resolveBuildEnv(process.env, settings, process.cwd(), new Date());
openBuildContext(env);
const publicEdition = env.edition === 'public';
// Subscriber pages under a private prefix, for the edge to serve at each article's address (settings `subscribers.edge`, or EDGE=on/off).
const edge = edgeBuild(env, settings.subscribers.edge.enabled)
  ? edgeConfig(settings.subscribers.edge, { siteUrl: env.siteUrl, basePath: env.basePath })
  : undefined;
// Only the public site seals paid parts; the subscriber edition shows them whole. With the edge, nothing is sealed.
const sealed = publicEdition && !edge && settings.subscribers.unlockInPage && activeRing(env.keyRing, env.buildTime).length > 0;
// The editing screen at /admin/ (settings `cms`, or CMS=on/off for one build); public edition only.
const cmsBuild = resolveCmsBuild({ override: env.cms, cms: settings.cms, edition: env.edition, contentDir: env.contentDir, repoRoot: repositoryRoot(env.contentDir, process.cwd()) });
// Astro's data store and the last build's pages, one folder per kind of site; none when caching is off.
const cacheDir = astroCacheDir(env, edge !== undefined);
// Article pages rendered on the other cores too (MASTHEAD_PAGE_THREADS; none on two cores).
const threads = pageThreads(env.pageThreads ?? defaultPageThreads(availableParallelism()));
const guarded = {
  root: process.cwd(),
  contentDir: env.contentDir,
  keysFile: env.keyRing?.from === 'PAYWALL_KEYS_FILE' ? env.keyRing.path : undefined,
  cacheDir: env.cacheDir,
};

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: env.siteUrl,
  base: env.basePath,
  outDir: env.outDir,
  ...(cacheDir ? { cacheDir } : {}),
  // Pages whose code and data (their `cacheKey`) are unchanged are copied from the last build, not rendered again.
  experimental: { incrementalBuild: cacheDir !== undefined },
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only, so the Content Security Policy needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
    // Eight pages at a time. Rendering is one thread either way, but a page copied from the last build
    // (`experimental.incrementalBuild`) mostly waits on the disk, and eight waits overlap: 13,568 copied
    // pages of a 10,000-article archive took 8–10 s instead of 15–16 s, alternating, on the 2-core box.
    concurrency: 8,
  },
  // Reading an article needs no client JavaScript; no prefetch script either.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // Scripts as files too (Vite inlines small ones by default): the CSP allows only 'self'.
    build: { assetsInlineLimit: 0 },
    // `astro dev` serves pages, never the Markdown, the private checkout or key files behind them.
    server: {
      fs: devServerFs(guarded),
      // A symlink loop in the content folder is reported by the content reader; the watcher must not walk it forever.
      watch: { followSymlinks: false },
    },
    plugins: [devServerGuard(guarded)],
  },
  integrations: [
    masthead({ sealed, edge }),
    // Its prerenderer is installed by pageCache(), Astro's one.
    threads.integration,
    // Neither a sitemap nor a search index for the subscriber edition: it is not for search engines.
    ...(publicEdition
      ? [
          sitemap({
            filter: (page) => {
              const { pathname } = new URL(page);
              // Nor the edge's private subscriber pages, served only at each article's own address.
              return !/\/(404|search|unlock|admin)\/?$/.test(pathname) && !(edge && pathname.startsWith(`${env.basePath}${edge.prefix}/`));
            },
            serialize: withLastModified,
          }),
          pagefind({ cacheDir: env.cacheDir, dateFormat: { locale: settings.locale, timeZone: settings.timeZone } }),
        ]
      : []),
    // Pictures for both editions: the loader's plan holds only what the edition's pages show.
    images(),
    // Social cards for pages without a picture of their own, and the touch icon; both editions.
    socialCards({ cacheDir: env.cacheDir, brand: settings.brand, siteName: settings.siteName }),
    // After every integration that writes files: it lists the finished site for `_headers`.
    cms(cmsBuild),
    // After everything that could fail or rewrite built pages: a build that stops before this renders every page next time.
    pageCache({ wrap: threads.wrap }),
    // Last: the finished build replaces the output folder only after everything above has written into it.
    atomicOutput(),
  ],
});
