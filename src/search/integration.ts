import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records';
import { onArchive } from '../archive/published';
import { archiveSearchParts } from './archive-records';
import { createSearchIndexCache, linkTree, searchIndexKey, stagingFolder } from './index-cache';

export interface PagefindIntegrationOptions {
  /** The paper's locale and zone, for the dates in records. */
  dateFormat: { locale: string; timeZone: string };
  /** Masthead's cache folder (`MASTHEAD_CACHE_DIR`), where the last indexes are kept; none when caching is off. */
  cacheDir?: string | undefined;
}

/**
 * Builds the Pagefind index beside the pages, so that `npm run build` alone
 * gives a working `/search/`. The content loader hands over one record per
 * article as soon as it has read the archive (`src/search/records.ts`:
 * the page's `data-pagefind-body` region, the free part only); Pagefind, a
 * separate process, indexes them while Astro renders the pages, and the index
 * is written into the output folder once the pages are there. No built page
 * is read back.
 *
 * Only the public edition adds this integration (astro.config.mjs): the
 * subscriber edition has no search index.
 */
export default function pagefindIntegration({ cacheDir, dateFormat }: PagefindIntegrationOptions): AstroIntegration {
  let stopReceiving: (() => void) | undefined;
  let parts: Part[] | undefined;
  const cache = cacheDir ? createSearchIndexCache(cacheDir) : undefined;
  let stagingDir: string | undefined;
  /** Where parts are written as they are indexed, before the output folder exists: beside the kept indexes, so they can be linked. */
  const staging = () =>
    (stagingDir ??= cacheDir ? stagingFolder(cacheDir) : mkdtempSync(path.join(os.tmpdir(), 'masthead-search-')));

  return {
    name: 'masthead-pagefind',
    hooks: {
      'astro:config:setup': ({ command }) => {
        if (command !== 'build') return;
        stopReceiving = onArchive((published) => {
          // Never from the subscriber edition, whose HTML is the whole article (it adds no search anyway).
          if (published.options.edition === 'subscribers') return;
          // The archive is read once per build; a second read would be a bug upstream.
          if (parts) throw new Error('Pagefind was handed search records twice in one build');
          const split = archiveSearchParts(published, dateFormat);
          // The main part first: its folder holds the archive parts', so it is written (and kept) before them.
          const named = [{ folder: '', items: split.main }, ...split.archive];
          let previous: Promise<unknown> = Promise.resolve();
          parts = named.map(({ folder, items }) => {
            // The same records as a previous build: its index is this part's index, no need to start Pagefind.
            // What the records are made from first: when an earlier build made them from the same, its key is theirs.
            const inputs = cache && split.inputsKey(items);
            // Made one at a time and hashed as they come: a part's records (tens of thousands of bodies' text) are never all held.
            const recalled = inputs ? cache.recall(inputs) : undefined;
            const key = recalled ?? (cache && searchIndexKey(items.values().map((item) => split.record(item))));
            if (inputs && key && !recalled) cache.remember(inputs, key);
            const kept = key ? cache?.find(key) : undefined;
            if (kept) return { folder, count: items.length, key, kept };
            // One part at a time, each written out and let go before the next: Pagefind holds one part in
            // memory, never the whole archive. A part's records are made when its turn comes (again, after
            // the key), so a large archive's are never all held at once either.
            const indexing = previous.then(() => indexPart(items, split.record, path.join(staging(), folder || 'main')));
            previous = indexing.catch(() => {});
            // Failures are reported at astro:build:done; until then nobody awaits this.
            indexing.catch(() => {});
            return { folder, count: items.length, key, indexing };
          });
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        stopReceiving?.();
        try {
          if (!parts) {
            throw new Error('the content loader handed no search records to Pagefind, so there is no search index');
          }
          const said: string[] = [];
          for (const part of parts) {
            const outputPath = path.join(fileURLToPath(dir), 'pagefind', part.folder);
            const name = part.folder ? `the ${part.folder} part` : 'the main part';
            if (part.kept) {
              const files = linkTree(part.kept, outputPath);
              said.push(`${name} unchanged (${part.count} articles, ${files} files from the cache)`);
              continue;
            }
            const written = await part.indexing!;
            linkTree(written, outputPath);
            said.push(`${name}: ${part.count} articles indexed`);
            if (cache && part.key) {
              try {
                cache.keep(part.key, written);
              } catch (error) {
                // A cache that cannot be written costs the next build time, not this build its index.
                logger.warn(`could not keep the search index for the next build: ${(error as Error).message}`);
              }
            }
          }
          // What the build still waits for after the pages, as a `phase <name>: <ms> ms` that bench/phases.ts reads.
          const waited = Math.round(performance.now() - started);
          const total = parts.reduce((sum, part) => sum + part.count, 0);
          logger.info(`search index of ${total} articles from the content loader's records: ${said.join('; ')} (phase search-index: ${waited} ms)`);
        } finally {
          if (stagingDir) rmSync(stagingDir, { recursive: true, force: true });
          await pagefind.close();
        }
      },
    },
  };
}

/** One part of the search index (`src/search/parts.ts`): taken from the cache, or being indexed. */
interface Part {
  /** Under `pagefind/`: `''` for the main part. */
  folder: string;
  /** Its articles. */
  count: number;
  key: string | undefined;
  kept?: string | undefined;
  /** The folder Pagefind wrote the part to. */
  indexing?: Promise<string>;
}


/** Requests in flight at once: enough to keep Pagefind busy, few enough not to queue the whole archive in memory. */
const IN_FLIGHT = 32;

/**
 * Indexes the part's articles and writes the index to `into`, then has Pagefind let it go. Each record is made when
 * its turn comes and let go once Pagefind has it: at most `IN_FLIGHT` are held at once.
 */
async function indexPart<T>(items: readonly T[], recordOf: (item: T) => SearchRecord, into: string): Promise<string> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  let next = 0;
  const problems: string[] = [];
  const worker = async () => {
    while (next < items.length) {
      const record = recordOf(items[next++]!);
      const added = await index.addHTMLFile({ url: record.url, content: record.content });
      if (added.errors.length > 0) problems.push(`${record.url}: ${added.errors.join('; ')}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, worker));
  if (problems.length > 0) throw new Error(`Pagefind could not index ${problems.length} articles: ${problems.slice(0, 5).join(' | ')}`);
  const written = await index.writeFiles({ outputPath: into });
  if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  await index.deleteIndex();
  return into;
}
