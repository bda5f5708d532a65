import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { ContentError, formatIssue } from '../errors/content-issue';
import { nextEmbargoLine } from '../lib/publication';
import { devContentError, publishArchive, setDevContentError } from './published';
import { readArchive } from './read-archive';
import type { Archive, ArchiveOptions } from './types';

type CollectionName = 'articles' | 'authors' | 'sections';

/**
 * Reads the content folder once per build and feeds the three collections from
 * that single read, so cross-file checks and build-wide lists are computed once.
 * The read is published to the rest of the build (`published.ts`): bodies for
 * the pages, the archive for the integrations that index it, make its
 * pictures and date its sitemap. In `astro dev`, a change in the folder
 * re-reads it and refills all three.
 */
export function createArchiveSource(options: ArchiveOptions) {
  let pending: Promise<Archive> | undefined;
  let watching = false;
  let published = false;

  const get = (): Promise<Archive> => (pending ??= readArchive(options));

  const fill = async (collection: CollectionName, { store, logger, watcher, generateDigest }: Pick<LoaderContext, 'store' | 'logger' | 'watcher' | 'generateDigest'>) => {
    let archive: Archive;
    try {
      archive = await get();
    } catch (error) {
      // A build stops here. `astro dev` (the one with a watcher) stays up and every page shows the
      // problems in the browser (published.ts) until a change to the folder reads clean.
      if (!watcher || !(error instanceof ContentError)) throw error;
      if (devContentError() !== error) logger.error(error.message);
      setDevContentError(error);
      return;
    }
    if (watcher) setDevContentError(undefined);
    if (!published) {
      published = true;
      for (const warning of archive.warnings) logger.warn(formatIssue(warning));
      logger.info(`article bodies: ${archive.bodies.rendered} rendered, ${archive.bodies.cached} from the cache`);
      // `phase <name>: <ms> ms` lines are read by the benchmark (bench/phases.ts).
      logger.info(`phase articles: ${Math.round(archive.phases.articles)} ms`);
      logger.info(`phase lists: ${Math.round(archive.phases.lists)} ms${archive.listsKept ? ' (the last build\'s, nothing they depend on changed)' : ''}`);
      // So whoever schedules rebuilds knows when the next piece must go out.
      if (archive.nextEmbargo && options.buildTime) logger.info(nextEmbargoLine(archive.nextEmbargo, options.buildTime));
      if (options.sealWith?.length) {
        const ids = options.sealWith.map((key) => key.id).join(', ');
        logger.info(`sealed ${archive.sealedCount} paywalled articles for subscriber keys ${ids}`);
      }
      publishArchive({ archive, options });
    }
    // Each entry with a digest of its data: an entry the store already holds as it is stays untouched, and when none
    // changed, Astro has no data store to write again (a quarter of a second at 10,000 articles). Entries the read no
    // longer has are removed.
    const ids = new Set<string>();
    const put = (id: string, data: Record<string, unknown>) => {
      ids.add(id);
      store.set({ id, data, digest: generateDigest(data) });
    };
    if (collection === 'sections') {
      archive.sections.forEach((section, order) => put(section.id, { ...section, order }));
    } else if (collection === 'authors') {
      for (const { id, data } of archive.authors) put(id, data);
    } else {
      // Bodies stay out of the data store (see published.ts): it keeps metadata and lists only.
      for (const { id, data } of archive.articles) put(id, data);
    }
    for (const id of store.keys()) if (!ids.has(id)) store.delete(id);
  };

  const loader = (collection: CollectionName): Loader => ({
    name: `masthead-${collection}`,
    load: async (context) => {
      await fill(collection, context);
      const { watcher, logger } = context;
      if (!watcher) return;
      if (!watching) {
        // Registered first, so it runs before the collections' own listeners.
        watching = true;
        watcher.add(options.contentDir);
        watcher.on('all', (_event, file) => {
          if (isInside(options.contentDir, file)) {
            pending = undefined;
            published = false;
          }
        });
      }
      watcher.on('all', (_event, file) => {
        if (!isInside(options.contentDir, file)) return;
        fill(collection, context).catch((error: unknown) => logger.error(String((error as Error).message ?? error)));
      });
    },
  });

  return { get, loader };
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}
