import { mkdir, rename, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CardInput } from './card';
import { CACHE_KEEP_MS, removeStaleFiles } from '../lib/stale-files';
import { renderCard } from './render-card';

/** Cards drawn at once: resvg works on libuv's threads, satori on this one between pages. */
const IN_FLIGHT = 4;

export interface CardStore {
  /** Makes sure the card's file is in the store; resolves to its path there. */
  draw(file: string, input: CardInput): Promise<string>;
  /** Cards drawn in this build, and found in the cache. */
  readonly stats: { drawn: number; cached: number };
}

/**
 * Where drawn cards are kept: the cache folder (`<MASTHEAD_CACHE_DIR>/cards`),
 * so a rebuild draws only new cards, or a temporary folder when caching is
 * off. A card's file name is its key (`cardFileName`), so a file in the store
 * is always the card its name says. Files are written through a temporary
 * name: an interrupted build leaves no half card.
 */
export function createCardStore(dir: string): CardStore {
  const stats = { drawn: 0, cached: 0 };
  const waiting: Array<() => void> = [];
  let running = 0;
  const slot = async () => {
    if (running >= IN_FLIGHT) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    stats,
    draw: async (file, input) => {
      const stored = path.join(dir, file);
      const now = new Date();
      try {
        // Touched, so pruning keeps it.
        await utimes(stored, now, now);
        stats.cached++;
        return stored;
      } catch {
        // Not drawn yet.
      }
      await slot();
      try {
        const png = await renderCard(input);
        await mkdir(dir, { recursive: true });
        const temporary = `${stored}.${process.pid}.tmp`;
        await writeFile(temporary, png);
        await rename(temporary, stored);
        stats.drawn++;
        return stored;
      } finally {
        release();
      }
    },
  };
}

/** Removes cached cards unused for a week. Best effort: another build may be pruning too. */
export function pruneCardCache(dir: string, now = Date.now()): Promise<number> {
  return removeStaleFiles(dir, CACHE_KEEP_MS, now);
}
