import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger, AstroPrerenderer } from 'astro';
import { bodyFileOf, bodyOf } from '../archive/body-cache';
import { buildContext } from '../context/build-context';
import { openChannelBrand } from '../social-cards/channel';
import type { HeadScript } from './integration';

export type Render = AstroPrerenderer['render'];
type RenderResult = Awaited<ReturnType<Render>>;

/** A body as a page thread gets it: its cache file, or (without a cache folder) the body itself. */
export type ThreadBody =
  | { id: string; bodyDigest: string | undefined; file: string }
  | { id: string; bodyDigest: string | undefined; file?: undefined; html: string; sealed?: string; whole?: string };

/** What a page thread starts from (page-worker.mjs reads it). */
export interface PageThreadData {
  /** The prerender bundle's entry, as a file URL. */
  entry: string;
  /** Astro's package folder, as a file URL: the thread renders with Astro's own functions. */
  astroDir: string;
  context: {
    env: unknown;
    showUnpublished: boolean;
    /** The parts of the latest read that pages read: the front page's pins and the tags' texts. */
    latest: { archive: { front: unknown; tagTexts: unknown }; options: object } | undefined;
    bodies: ThreadBody[];
    cardBrand: unknown;
  };
  /** Each threaded page's stylesheets, by Astro's page key. */
  pageStyles: [string, unknown][];
  /** The scripts other integrations put in every page's head. */
  scripts: HeadScript[];
}

interface Reply {
  id: number;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  metadata?: unknown;
  error?: { message: string; stack?: string };
}

type Message = Reply | { ready: true } | { log: { level: string; message: string } };

export interface PagePool {
  render: Render;
  /** Pages rendered so far. */
  readonly rendered: number;
  close(): Promise<void>;
}

/**
 * Starts `threads` page threads on the prerender bundle `entry`, each with the
 * build's context as the pages read it: its environment, the front page's
 * pins and the tags' texts, where each body is kept (a file of the body
 * cache, read when its page asks; the body itself without a cache folder),
 * and the social cards' brand. A page goes to the thread with the fewest
 * pages waiting. A thread that fails or stops fails every page it holds.
 */
export function startPagePool(
  threads: number,
  entry: string,
  pageStyles: [string, unknown][],
  scripts: HeadScript[],
  logger: Pick<AstroIntegrationLogger, 'warn' | 'error'>,
): PagePool {
  const context = buildContext();
  const archive = context.slots.archive;
  const bodies: ThreadBody[] = [...(archive?.bodies.values() ?? [])].map((article) => {
    const file = bodyFileOf(article);
    return file !== undefined ? { id: article.id, bodyDigest: article.bodyDigest, file } : { id: article.id, bodyDigest: article.bodyDigest, ...bodyOf(article) };
  });
  const latest = archive?.latest;
  const workerData: PageThreadData = {
    entry,
    astroDir: pathToFileURL(`${path.dirname(createRequire(import.meta.url).resolve('astro/package.json'))}/`).href,
    context: {
      env: context.env,
      showUnpublished: context.showUnpublished,
      latest: latest && { archive: { front: latest.archive.front, tagTexts: latest.archive.tagTexts }, options: {} },
      bodies,
      cardBrand: openChannelBrand(),
    },
    pageStyles,
    scripts,
  };
  const waiting = new Map<number, { resolve: (result: RenderResult) => void; reject: (error: Error) => void }>();
  let next = 0;
  let rendered = 0;
  let closing = false;
  const workers = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./page-worker.mjs', import.meta.url), { workerData });
    const state = { worker, busy: 0 };
    const failAll = (error: Error) => {
      for (const [, pending] of waiting) pending.reject(error);
      waiting.clear();
    };
    worker.on('message', (message: Message) => {
      if ('ready' in message) return;
      if ('log' in message) {
        if (message.log.level === 'error') logger.error(message.log.message);
        else logger.warn(message.log.message);
        return;
      }
      state.busy--;
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (!pending) return;
      if (message.error) {
        const error = new Error(message.error.message);
        if (message.error.stack) error.stack = message.error.stack;
        pending.reject(error);
        return;
      }
      rendered++;
      const response = new Response(message.body, { status: message.status, statusText: message.statusText, headers: message.headers });
      // Astro's own type for the record (PrerenderResult's metadata) is not exported; the thread sends what renderForPrerender made.
      pending.resolve(message.metadata === undefined ? response : ({ response, metadata: message.metadata } as RenderResult));
    });
    worker.on('error', failAll);
    worker.on('exit', (code) => {
      if (!closing) failAll(new Error(`Masthead: a page thread stopped (exit code ${code}) while pages were rendering`));
    });
    return state;
  });
  return {
    render: (request, { routeData, collectMetadata }) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        const least = workers.reduce((best, each) => (each.busy < best.busy ? each : best));
        least.busy++;
        least.worker.postMessage({ id, url: request.url, route: `${routeData.route}\0${routeData.component}`, collectMetadata });
      }),
    get rendered() {
      return rendered;
    },
    close: async () => {
      closing = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
    },
  };
}
