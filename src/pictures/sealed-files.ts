import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CACHE_KEEP_MS, removeStaleShardedFiles } from '../lib/stale-files';
import { SEALED_FILE_NAME } from '../subscribers/envelope';
import { SEALED_FOLDER } from './variants';

/**
 * Where a keyed build keeps the sealed files of paid pictures (ciphertext
 * only: the pictures in clear are made in memory and never stored) until the
 * picture integration copies them into `<output>/_sealed/`. In the cache
 * (`<cache>/sealed/`), so a cached envelope keeps its files between builds;
 * without a cache, in a temporary folder removed after the build.
 */
export interface SealedFiles {
  /** The folder the files are in. */
  dir: string;
  /** True when `dir` is a temporary folder, to remove once the files are copied. */
  temporary: boolean;
  /** The names of the files this build's pages name. */
  names: readonly string[];
}

/** A store of sealed files for one read of the archive. */
export interface SealedStore {
  /** Keeps a sealed file, written whole or not at all. */
  put(name: string, bytes: Uint8Array): void;
  /** True when every named file is in the store; their times are set to now, so pruning keeps them. */
  holds(names: readonly string[]): boolean;
  /** Counts the named files as named by a page of this build, to be copied into the site. */
  use(names: readonly string[]): void;
  /** The files used in this read, for the picture plan; `undefined` when none. */
  files(): SealedFiles | undefined;
}

/** `<dir>/<name[0..2]>/<name>.bin`. */
export function sealedStorePath(dir: string, name: string): string {
  if (!SEALED_FILE_NAME.test(name)) throw new Error(`not a sealed file name: "${name}"`);
  return path.join(dir, name.slice(0, 2), `${name}.bin`);
}

/** The store in `<cacheDir>/sealed/`, or in a temporary folder made on the first file when there is no cache. */
export function createSealedStore(cacheDir: string | undefined): SealedStore {
  let dir = cacheDir && path.join(cacheDir, 'sealed');
  const used = new Set<string>();
  return {
    put(name, bytes) {
      dir ??= mkdtempSync(path.join(os.tmpdir(), 'masthead-sealed-'));
      const file = sealedStorePath(dir, name);
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, bytes);
      renameSync(temporary, file);
    },
    holds(names) {
      if (names.length === 0) return true;
      if (!dir) return false;
      const now = new Date();
      for (const name of names) {
        const file = sealedStorePath(dir, name);
        if (!existsSync(file)) return false;
        utimesSync(file, now, now);
      }
      return true;
    },
    use(names) {
      for (const name of names) used.add(name);
    },
    // A temporary store is handed over even when no page names its files, so that it is removed.
    files: () => (dir && (used.size > 0 || !cacheDir) ? { dir, temporary: !cacheDir, names: [...used].sort() } : undefined),
  };
}

/** Copies the sealed files into `<outDir>/_sealed/<name>.bin`, then removes a temporary store. */
export async function writeSealedFiles(files: SealedFiles, outDir: string): Promise<void> {
  const target = path.join(outDir, SEALED_FOLDER);
  try {
    if (files.names.length > 0) await mkdir(target, { recursive: true });
    await Promise.all(files.names.map((name) => copyFile(sealedStorePath(files.dir, name), path.join(target, `${name}.bin`))));
  } finally {
    if (files.temporary) rmSync(files.dir, { recursive: true, force: true });
  }
}

/** Removes sealed files in the store `dir` no build has used for a week (best effort); returns how many went. */
export function pruneSealedStore(dir: string, now = Date.now()): Promise<number> {
  return removeStaleShardedFiles(dir, CACHE_KEEP_MS, now);
}
