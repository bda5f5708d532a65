import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { offerImagePlan } from '../integrations/image-channel';
import { offerSearchRecords } from '../integrations/search-channel';
import { offerLastModified } from '../integrations/sitemap-dates';
import { nextEmbargoLine } from '../lib/publication';
import { searchRecord, type SearchRecord } from '../lib/search-records';
import { createUrls } from '../lib/urls';
import type { Settings } from '../schemas/settings';
import { setArticleBodies } from './article-bodies';
import { devContentError, setDevContentError } from './dev-content-error';
import { ContentError } from './errors';
import { readFrontFile, setFrontPins } from './front-file';
import { readArchive, type Archive, type ArchiveOptions } from './read-archive';

type CollectionName = 'articles' | 'authors' | 'sections';

export interface ArchiveSourceOptions extends ArchiveOptions {
  /** Also the date style and language of the pages, for search records. */
  settings: ArchiveOptions['settings'] & Pick<Settings, 'locale' | 'timeZone'>;
}

/**
 * Reads the content folder once per build and feeds the three collections from
 * that single read, so cross-file checks and build-wide lists are computed once.
 * In `astro dev`, a change in the folder re-reads it and refills all three.
 */
export function createArchiveSource(options: ArchiveSourceOptions) {
  let pending: Promise<Archive> | undefined;
  let watching = false;
  let warned = false;

  const get = (): Promise<Archive> => {
    // front.yaml names articles, so it is read against the archive; its problems stop a build like any other.
    pending ??= readArchive(options).then((archive) => {
      const front = readFrontFile(options.contentDir, (file) => displayPath(options.displayRoot, file), archive.articles);
      if (front.issues.length > 0) throw new ContentError(front.issues);
      setFrontPins(front.pins);
      return archive;
    });
    return pending;
  };

  const fill = async (collection: CollectionName, { store, logger, watcher }: Pick<LoaderContext, 'store' | 'logger' | 'watcher'>) => {
    let archive: Archive;
    try {
      archive = await get();
    } catch (error) {
      // A build stops here. `astro dev` (the one with a watcher) stays up and every page shows the
      // problems in the browser (dev-content-error.ts) until a change to the folder reads clean.
      if (!watcher || !(error instanceof ContentError)) throw error;
      if (devContentError() !== error) logger.error(error.message);
      setDevContentError(error);
      return;
    }
    if (watcher) setDevContentError(undefined);
    if (!warned) {
      warned = true;
      for (const warning of archive.warnings) logger.warn(warning);
      logger.info(`article bodies: ${archive.bodies.rendered} rendered, ${archive.bodies.cached} from the cache`);
      // `phase <name>: <ms> ms` lines are read by the benchmark (bench/phases.ts).
      logger.info(`phase articles: ${Math.round(archive.phases.articles)} ms`);
      logger.info(`phase lists: ${Math.round(archive.phases.lists)} ms`);
      // So whoever schedules rebuilds knows when the next piece must go out.
      if (archive.nextEmbargo && options.buildTime) logger.info(nextEmbargoLine(archive.nextEmbargo, options.buildTime));
      if (options.sealWith?.length) {
        const ids = options.sealWith.map((key) => key.id).join(', ');
        logger.info(`sealed ${archive.sealedCount} paywalled articles for subscriber keys ${ids}`);
      }
      // Pagefind indexes these while Astro renders the pages. Never from the
      // subscriber edition, whose HTML is the whole article.
      if (options.edition !== 'subscribers') offerSearchRecords(() => archiveSearchRecords(archive, options));
      // The sitemap's lastmod for each article page: its update, or its publication.
      const urls = createUrls(options.basePath ?? '/');
      offerLastModified(new Map(archive.articles.map(({ id, data }) => [urls.article(id), data.updated ?? data.date])));
      // The picture integration makes these while Astro renders the pages; each edition keeps its own cache.
      offerImagePlan({
        jobs: archive.images,
        cacheDir: options.cacheDir && path.join(options.cacheDir, 'images', options.edition ?? 'public'),
      });
    }
    store.clear();
    if (collection === 'sections') {
      archive.sections.forEach((section, order) => store.set({ id: section.id, data: { ...section, order } }));
    } else if (collection === 'authors') {
      for (const { id, data } of archive.authors) store.set({ id, data });
    } else {
      // Bodies stay out of the data store (see article-bodies.ts): it keeps metadata and lists only.
      setArticleBodies(archive.articles.map(({ id, html, sealed }) => [id, sealed ? { html, sealed } : { html }]));
      for (const { id, data } of archive.articles) store.set({ id, data });
    }
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
            warned = false;
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

/**
 * One search record per article of a public-edition archive, from its free
 * HTML (see `src/lib/search-records.ts`), in the archive's order.
 */
export function archiveSearchRecords(
  archive: Archive,
  { basePath = '/', settings }: Pick<ArchiveSourceOptions, 'basePath' | 'settings'>,
): SearchRecord[] {
  const urls = createUrls(basePath);
  const authors = new Map(archive.authors.map((author) => [author.id, author.data]));
  const sections = new Map(archive.sections.map((section) => [section.id, section]));
  const context = { urls, dateFormat: { locale: settings.locale, timeZone: settings.timeZone }, lang: settings.locale };
  return archive.articles.map(({ id, data, html }) =>
    searchRecord(
      {
        slug: id,
        title: data.title,
        standfirst: data.standfirst,
        date: data.date,
        dateHasTime: data.dateHasTime,
        updated: data.updated,
        updatedHasTime: data.updatedHasTime,
        image: data.image,
        author: authors.get(data.author)!,
        otherAuthors: (data.authors ?? []).slice(1).map((id) => authors.get(id)!),
        section: sections.get(data.section)!,
        freeHtml: html,
      },
      context,
    ),
  );
}

function isInside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** A path as the archive's messages show it: relative to the project, or absolute outside it. */
function displayPath(displayRoot: string, file: string): string {
  const relative = path.relative(displayRoot, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
