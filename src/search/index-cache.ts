/**
 * The search index, kept between builds under a hash of every record and
 * Pagefind's version: Pagefind has no incremental mode (README.md in this folder).
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, existsSync, linkSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SearchRecord } from './records';

/** Indexes kept: a few, because one cache folder can serve several sites; any used within the hour are kept too. */
const KEEP = 3;
const RECENT_MS = 3_600_000;
const COMPLETE = '.complete';
/** Which records' key each part's inputs made (`recall`), a small file each. */
const RECORDS_OF = '.records-of';

/** Pagefind's installed version: a new Pagefind may write a different index from the same records. */
function pagefindVersion(): string {
  // Its `exports` hide package.json and have no CommonJS entry: look in the folders Node would search.
  const folders = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
  const manifest = folders.map((folder) => path.join(folder, 'pagefind', 'package.json')).find((file) => existsSync(file));
  if (!manifest) throw new Error('cannot find the pagefind package’s package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The name an index is kept under: a hash of Pagefind's version and every record, in order. */
export function searchIndexKey(records: Iterable<SearchRecord>, version: string = pagefindVersion()): string {
  const hash = createHash('sha256').update(`pagefind ${version}\n`);
  for (const record of records) {
    // Lengths first, so that no two different lists of records can run together into the same bytes.
    hash.update(`${record.url.length}:${record.url}${record.content.length}:`).update(record.content);
  }
  return hash.digest('hex').slice(0, 32);
}

export interface SearchIndexCache {
  /** The kept index for `key`, if a previous build finished writing one. */
  find(key: string): string | undefined;
  /**
   * The key of the records that `inputs` (a hash of everything a part's records
   * are made from, `partInputsKey` in archive-records.ts) made in an earlier
   * build, if that index is still kept: a rebuild then finds the part's index
   * without making its records (every body read again) to hash them.
   */
  recall(inputs: string): string | undefined;
  /** Notes that the records made from `inputs` hash to `key`. */
  remember(inputs: string, key: string): void;
  /** Keeps a copy of the index just written to `from` under `key`, and forgets the oldest beyond a few. */
  keep(key: string, from: string): void;
}

/** A folder for this build's freshly written parts, beside the kept indexes (`.indexing-<pid>`); removed at the end of the build. */
export function stagingFolder(dir: string): string {
  const folder = path.join(dir, 'search-index', `.indexing-${process.pid}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A cache of search indexes in `<dir>/search-index/`. */
export function createSearchIndexCache(dir: string): SearchIndexCache {
  const root = path.join(dir, 'search-index');
  const recordsOf = (inputs: string) => path.join(root, RECORDS_OF, inputs);
  return {
    recall(inputs) {
      try {
        const key = readFileSync(recordsOf(inputs), 'utf8');
        return /^[0-9a-f]{32}$/.test(key) && existsSync(path.join(root, key, COMPLETE)) ? key : undefined;
      } catch {
        return undefined;
      }
    },
    remember(inputs, key) {
      try {
        mkdirSync(path.join(root, RECORDS_OF), { recursive: true });
        const temporary = `${recordsOf(inputs)}.${process.pid}.tmp`;
        writeFileSync(temporary, key);
        renameSync(temporary, recordsOf(inputs));
      } catch {
        // Best effort: without it, the next build makes the part's records to find its index.
      }
    },
    find(key) {
      const entry = path.join(root, key);
      if (!existsSync(path.join(entry, COMPLETE))) return undefined;
      // Marks it recently used, for the pruning below.
      const now = new Date();
      utimesSync(entry, now, now);
      return entry;
    },
    keep(key, from) {
      const entry = path.join(root, key);
      if (existsSync(path.join(entry, COMPLETE))) return;
      const temporary = path.join(root, `.writing-${process.pid}`);
      rmSync(temporary, { recursive: true, force: true });
      linkTree(from, temporary);
      writeFileSync(path.join(temporary, COMPLETE), '');
      rmSync(entry, { recursive: true, force: true });
      renameSync(temporary, entry);
      prune(root);
    },
  };
}

/**
 * Puts a folder tree's files at `to` as hard links: an index is thousands of
 * files (one a page), and linking costs no copy. No one writes to an index's
 * files after Pagefind: a kept index is a new folder under a new key, and the
 * output folder is replaced whole by the next build. Where a link cannot be
 * made (another file system), the file is copied, cheaply cloned where the
 * file system can.
 */
export function linkTree(from: string, to: string): number {
  let files = 0;
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name === COMPLETE) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) files += linkTree(source, target);
    else if (entry.isFile()) {
      try {
        linkSync(source, target);
      } catch {
        copyFileSync(source, target, constants.COPYFILE_FICLONE);
      }
      files += 1;
    }
  }
  return files;
}

/** Best effort: a build never fails because an old index could not be removed. */
function prune(root: string): void {
  try {
    const names = readdirSync(root);
    // Half-written copies of builds that were killed; a copy in progress is minutes old at most.
    for (const name of names.filter((name) => name.startsWith('.writing-') || name.startsWith('.indexing-'))) {
      if (Date.now() - statSync(path.join(root, name)).mtimeMs > 3_600_000) rmSync(path.join(root, name), { recursive: true, force: true });
    }
    // Notes of records whose index is gone point nowhere.
    const notes = path.join(root, RECORDS_OF);
    for (const name of existsSync(notes) ? readdirSync(notes) : []) {
      const note = path.join(notes, name);
      if (Date.now() - statSync(note).mtimeMs > RECENT_MS && !existsSync(path.join(root, readFileSync(note, 'utf8'), COMPLETE))) rmSync(note, { force: true });
    }
    const entries = names
      .filter((name) => !name.startsWith('.'))
      .map((name) => ({ name, used: statSync(path.join(root, name)).mtimeMs }))
      .sort((a, b) => b.used - a.used);
    const now = Date.now();
    for (const { name, used } of entries.slice(KEEP)) {
      // Builds of several sites sharing one cache within the hour (a test run, a preview beside production) keep theirs.
      if (now - used > RECENT_MS) rmSync(path.join(root, name), { recursive: true, force: true });
    }
  } catch {
    // Another build pruning at the same time, or a read-only cache: the next build tries again.
  }
}
