// Renders article pages in a worker thread, for the page threads
// (./integration.ts, ./pool.ts). Plain JavaScript: it loads the prerender
// bundle Astro has just built, which holds the pages and every module they
// import, two of Astro's own functions, and of Masthead's sources only the
// build context. What it starts from: PageThreadData in ./pool.ts.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
// Extensionless relative imports resolved to `.ts`, as in the body workers (src/archive/body-worker.mjs).
import '../lib/resolve-ts.mjs';

const { entry, astroDir, context, pageStyles, scripts } = workerData;

// A body is read from its file when its page asks for it, as the build's own thread does
// (src/archive/body-cache.ts, keptArticle), and only the last one read is kept: never every body at once.
let lastRead;
const bodyIn = (file) => {
  if (lastRead?.file !== file) lastRead = { file, body: JSON.parse(readFileSync(file, 'utf8')) };
  return lastRead.body;
};
const bodies = new Map(
  context.bodies.map((kept) => {
    if (kept.file === undefined) return [kept.id, kept];
    const article = { id: kept.id, bodyDigest: kept.bodyDigest };
    for (const field of ['html', 'sealed', 'whole']) Object.defineProperty(article, field, { enumerable: true, get: () => bodyIn(kept.file)[field] });
    return [kept.id, article];
  }),
);
// The build context the pages read, opened as the build's own thread opens it (src/context/build-context.ts), with
// the same environment and the slots pages read, rebuilt from plain data.
const { openBuildContext } = await import('../context/build-context.ts');
const buildContext = openBuildContext(context.env);
buildContext.showUnpublished = context.showUnpublished;
buildContext.slots.archive = { latest: context.latest, bodies, listeners: new Set() };
// Every card a page asks for here was asked for by the same page's paths in the build's thread, which draws them.
if (context.cardBrand) buildContext.slots.cards = { channel: { brand: context.cardBrand, receiver: () => {}, requested: new Map() } };

const { renderForPrerender } = await import(new URL('dist/core/app/prerender.js', astroDir).href);
const { ensureAsyncRenderScope } = await import(new URL('dist/core/render-scope/node-scope.js', astroDir).href);
const { app } = await import(entry);
// What Astro's build environment reads of its internals and options when it renders a page (astro/dist/core/build/environment.js).
app.setInternals({ pagesByKeys: new Map(pageStyles.map(([key, styles]) => [key, { styles }])), entrySpecifierToBundleMap: new Map() });
app.setOptions({
  settings: { scripts },
  logger: {
    options: {
      destination: {
        write(event) {
          if (event.level === 'error' || event.level === 'warn') parentPort.postMessage({ log: event });
          return true;
        },
      },
    },
  },
});
const routes = new Map(app.manifest.routes.map(({ routeData }) => [`${routeData.route}\0${routeData.component}`, routeData]));
let scoped = false;

parentPort.on('message', async ({ id, url, route, collectMetadata }) => {
  try {
    const routeData = routes.get(route);
    if (!routeData) throw new Error(`Masthead: the page thread has no route ${route.replace('\0', ' ')}`);
    if (collectMetadata && !scoped) {
      ensureAsyncRenderScope();
      scoped = true;
    }
    const { response, metadata } = await renderForPrerender(app, new Request(url), { routeData, collectMetadata });
    const body = response.body === null ? null : await response.arrayBuffer();
    const reply = {
      id,
      status: response.status,
      statusText: response.statusText,
      headers: [...response.headers],
      body,
      metadata,
    };
    parentPort.postMessage(reply, body ? [body] : []);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? { message: error.message, stack: error.stack, name: error.name } : { message: String(error) } });
  }
});
parentPort.postMessage({ ready: true });
