import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { startPagePool, type PagePool, type Render } from './pool';

/** The pages rendered in page threads: one per article, the bulk of every site. */
export const THREADED_COMPONENTS: ReadonlySet<string> = new Set(['src/pages/articles/[slug].astro']);

/** One threaded page in this many is also rendered by Astro's own renderer, and the two must be the same byte for byte. */
export const CHECK_EVERY = 100;

/**
 * The page threads a build uses unless `MASTHEAD_PAGE_THREADS` says: two
 * fewer than the cores (the build's own thread keeps writing every page,
 * drawing cards and rendering the other pages; Pagefind and the disk take
 * another), at most two. None on two cores, where they measured no faster;
 * more than two would share the same few seconds of article rendering at a
 * quarter of a gigabyte each (src/page-threads/README.md).
 */
export function defaultPageThreads(cores: number): number {
  return Math.max(0, Math.min(2, cores - 2));
}

/** Wraps Astro's prerenderer (the function form of `setPrerenderer`), with the build's logger. */
export type PrerendererWrap = (astroDefault: AstroPrerenderer, logger: AstroIntegrationLogger) => AstroPrerenderer;

/**
 * Renders article pages in `threads` worker threads beside Astro's own
 * renderer, which keeps every other page. Astro still decides which pages to
 * render (its incremental build), writes them and records them; each thread
 * answers with the page and the record the build's own thread would make.
 * Only in `astro build`. See src/page-threads/README.md.
 *
 * Astro takes one prerenderer, so this one does not install itself: the page
 * cache's integration (src/integrations/page-cache.ts) installs `wrap` inside its own.
 */
export default function pageThreads(threads: number): { integration: AstroIntegration; wrap: PrerendererWrap } {
  let styles: [string, { styles: unknown }][] = [];
  let outDir: URL | undefined;
  return {
    integration: {
      name: 'masthead-page-threads',
      hooks: {
        'astro:config:done': ({ config }) => {
          outDir = config.outDir;
        },
        'astro:build:setup': ({ pages }) => {
          // Astro's own map: by the time pages render, each entry carries its page's stylesheets.
          styles = [...pages].filter(([, data]) => THREADED_COMPONENTS.has(data.component));
        },
      },
    },
    wrap: (astroDefault, logger) =>
      threads < 1
        ? astroDefault
        : checkedPrerenderer(astroDefault, threads, logger, (scripts) =>
            startPagePool(threads, prerenderEntry(outDir!), styles.map(([key, data]) => [key, data.styles]), scripts, logger),
          ),
  };
}

/**
 * Astro's prerenderer with its article pages sent to the page threads (the
 * pool starts with the first one: a rebuild that copies every article page
 * starts none). The first threaded page and one in `CHECK_EVERY` after it
 * are rendered by Astro's own renderer as well; a page that differs by a
 * byte stops the build, since it would mean the threads' context is not the build's.
 */
export function checkedPrerenderer(
  astroDefault: AstroPrerenderer,
  threads: number,
  logger: Pick<AstroIntegrationLogger, 'info' | 'warn'>,
  start: (scripts: HeadScript[]) => PagePool,
): AstroPrerenderer {
  let pool: PagePool | undefined;
  let threaded = 0;
  // Scripts other integrations add to every page; undefined when the threads cannot print them as Astro does.
  let scripts: HeadScript[] | undefined;
  const render: Render = async (request, options) => {
    if (scripts === undefined || !THREADED_COMPONENTS.has(options.routeData.component)) return astroDefault.render(request, options);
    pool ??= start(scripts);
    if (threaded++ % CHECK_EVERY !== 0) return pool.render(request, options);
    const [fromThread, fromAstro] = await Promise.all([
      pool.render(request, options),
      astroDefault.render(request, { ...options, collectMetadata: false }),
    ]);
    const result = fromThread instanceof Response ? { response: fromThread } : fromThread;
    const own = fromAstro instanceof Response ? fromAstro : fromAstro.response;
    const [bytes, expected] = await Promise.all([result.response.arrayBuffer(), own.arrayBuffer()]);
    if (!Buffer.from(bytes).equals(Buffer.from(expected))) {
      throw new Error(
        `Masthead: a page thread rendered ${new URL(request.url).pathname} differently from the build's own thread, so no page of this build can be trusted; build with MASTHEAD_PAGE_THREADS=0, and report it`,
      );
    }
    const { status, statusText, headers } = result.response;
    return { ...result, response: new Response(bytes, { status, statusText, headers }) };
  };
  return {
    ...astroDefault,
    name: 'masthead:page-threads',
    setup: async () => {
      await astroDefault.setup?.();
      scripts = injectedScripts(astroDefault);
      if (!scripts) logger.warn('every page rendered in the build\'s own thread: an integration adds a script to every page, which page threads cannot print');
    },
    render,
    teardown: async () => {
      if (pool) {
        logger.info(renderedLine(pool.rendered, threads, Math.ceil(threaded / CHECK_EVERY)));
        await pool.close();
        pool = undefined;
      }
      await astroDefault.teardown?.();
    },
  };
}

/** A script an integration puts in every page's head (`injectScript('head-inline', …)`). */
export interface HeadScript {
  stage: 'head-inline';
  content: string;
}

/**
 * The scripts other integrations inject, read from Astro's own prerenderer
 * (its app's settings, astro/dist/core/build/default-prerenderer.js), when
 * page threads can print them as Astro does: inline ones in the head. A
 * page-stage script (bundled, linked by its built file) or a prerenderer
 * without that app gives `undefined`, and the build renders every page itself.
 */
function injectedScripts(prerenderer: AstroPrerenderer): HeadScript[] | undefined {
  const app = (prerenderer as { app?: { getSettings?: () => { scripts?: { stage: string; content: string }[] } } }).app;
  const scripts = app?.getSettings?.().scripts;
  if (!scripts || scripts.some((script) => script.stage === 'page')) return undefined;
  return scripts.filter((script): script is HeadScript => script.stage === 'head-inline').map(({ stage, content }) => ({ stage, content }));
}

/** The build log's line on the page threads' work. */
export function renderedLine(rendered: number, threads: number, checked: number): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(rendered, 'article page')} rendered in ${plural(threads, 'page thread')}; ${checked} also in the build's own thread, the same byte for byte`;
}

/**
 * The prerender bundle's entry (astro/dist/core/build/static-build.js,
 * getPrerenderEntryFileName), in the folder Astro builds it in
 * (astro/dist/prerender/utils.js, getPrerenderOutputDirectory): `.prerender/`
 * in the output folder, or in `./.astro/` when the output folder is outside
 * the working directory (astro/dist/core/build/common.js, getOutDirWithinCwd).
 */
function prerenderEntry(outDir: URL): string {
  const out = fileURLToPath(outDir);
  const folder = path.join(out.startsWith(process.cwd()) ? out : path.join(process.cwd(), '.astro'), '.prerender');
  const name = readdirSync(folder).find((file) => file.startsWith('prerender-entry') && file.endsWith('.mjs'));
  if (!name) throw new Error(`Masthead: no prerender entry in ${folder}; the page threads cannot start`);
  return pathToFileURL(path.join(folder, name)).href;
}
