import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** How long a cached file may go unused before a build removes it: a week. */
export const CACHE_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Removes the files directly in `dir` last touched (used) more than `keepMs`
 * before `now`, and returns how many went. Best effort: a missing folder is
 * nothing to do, and another build may be pruning the same folder.
 */
export async function removeStaleFiles(dir: string, keepMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await namesIn(dir)) {
    const file = path.join(dir, name);
    try {
      const info = await stat(file);
      if (info.isFile() && now - info.mtimeMs > keepMs) {
        await rm(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already.
    }
  }
  return removed;
}

/**
 * `removeStaleFiles` in every folder of `dir` (a cache sharded into folders by
 * the first characters of each file's name); returns how many files went.
 */
export async function removeStaleShardedFiles(dir: string, keepMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const shard of await namesIn(dir)) removed += await removeStaleFiles(path.join(dir, shard), keepMs, now);
  return removed;
}

/** The names in `dir`; none when it is missing or cannot be read (nothing to prune). */
async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch {
    return [];
  }
}
