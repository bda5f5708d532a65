import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { link, mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Astro's record of the last incremental build (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = 'incremental-build.json';
/** Where Astro keeps a copy of each page it rendered, inside its cache folder (the same file, INCREMENTAL_OUTPUT_DIR). */
const ASTRO_PAGE_COPIES = 'dist';
/** The pages a build left linked with Astro's copies, each as it was when the build ended: `[mtime in whole ms, size]` by output path. */
export const LINKED_RECORD = 'masthead-linked-pages.json';

interface AstroManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: string }> }>;
}

/** A page as Astro's prerenderer lists it: its path and its route's component. */
export interface ListedPath {
  pathname: string;
  route: { component: string };
}

/** One page's key for both sides: its route's component and its path without the base or slashes at either end, decoded. */
export function pageKey(component: string, pathname: string): string {
  return `${component}\0${decoded(pathname).replace(/^\/+|\/+$/g, '')}`;
}

/** A path with its escapes (`%C3%A9`) decoded; one that is not a valid escape is left as written. */
function decoded(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/** The key of the page Astro asks for at `url`, under the site's `base` (`/` or `/paper/`). */
export function requestKey(component: string, url: string, base: string): string {
  const { pathname } = new URL(url);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const inSite = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname === prefix.slice(0, -1) ? '' : pathname;
  return pageKey(component, inSite);
}

/** A page linked into the output (as Astro names it, under the output folder and under its copies), as it was linked. */
interface Linked {
  outputFile: string;
  mtimeMs: number;
  size: number;
}

export interface PageLinks {
  /**
   * Starts linking every page Astro kept a copy of into a folder beside its
   * cache, while the content is read: links wait on the disk, not the cores.
   */
  stage(): void;
  /**
   * Once Astro has listed this build's pages: moves the staged links into the
   * output folder, where Astro finds each page it does not render again and
   * copies nothing, and drops those of pages this build does not have.
   * Returns how many were linked, and why none were if none could be.
   */
  link(paths: readonly ListedPath[]): Promise<{ linked: number; failed?: string }>;
  /**
   * Before Astro renders a page: takes its link out of the output folder and
   * its copy out of Astro's cache, so that Astro writes both anew rather than
   * into the file the last build (the site being served) shares.
   */
  release(component: string, url: string): void;
  /** Linked pages written to in place since they were linked (by an integration rewriting pages), by output path. */
  changed(): string[];
  /**
   * Records the pages left linked, as they are now, for the next build: a page
   * changed in place after the build (a script run over the output) changes
   * Astro's copy too, and the next build then drops that copy and renders the
   * page again rather than keep it.
   */
  record(): void;
}

interface Staged {
  key: string;
  outputFile: string;
  mtimeMs: number;
  size: number;
}

/**
 * The last build's pages, linked rather than copied (docs/architecture.md,
 * *Pages: only what changed*). `cacheDir` is Astro's cache folder, `outDir` the
 * folder this build writes, `base` the site's base path.
 */
export function createPageLinks(options: { cacheDir: string; outDir: string; base: string }): PageLinks {
  // Without a trailing separator (Astro's folders are URLs ending in one).
  const cacheDir = path.resolve(options.cacheDir);
  const outDir = path.resolve(options.outDir);
  const { base } = options;
  const linked = new Map<string, Linked>();
  const released = new Set<string>();
  const staging = path.join(cacheDir, `kept-pages-${process.pid}`);
  let staged: Promise<{ pages: Staged[]; failed?: string }> | undefined;
  const copyOf = (outputFile: string) => path.join(cacheDir, ASTRO_PAGE_COPIES, outputFile);

  const stageAll = async (): Promise<{ pages: Staged[]; failed?: string }> => {
    // Folders a stopped build left; a build running beside this one uses another cache folder (one per kind of site).
    for (const name of readdirSync(cacheDir, { withFileTypes: true })) {
      if (name.isDirectory() && name.name.startsWith('kept-pages-')) rmSync(path.join(cacheDir, name.name), { recursive: true, force: true });
    }
    let manifest: AstroManifest;
    try {
      manifest = JSON.parse(readFileSync(path.join(cacheDir, ASTRO_MANIFEST), 'utf8')) as AstroManifest;
    } catch {
      return { pages: [], failed: 'no record of a last build' };
    }
    // Astro's copies the last build left linked with its output: one changed since then was changed through the output.
    let left: Record<string, [number, number]> = {};
    try {
      left = JSON.parse(readFileSync(path.join(cacheDir, LINKED_RECORD), 'utf8')) as Record<string, [number, number]>;
    } catch {
      // None: the last build linked nothing, or it is the first.
    }
    const jobs: { key: string; outputFile: string }[] = [];
    for (const [component, route] of Object.entries(manifest.routes ?? {})) {
      for (const [pathname, entry] of Object.entries(route.paths ?? {})) {
        const outputFile = entry.outputFile;
        // Only a path inside the output folder: the record is Astro's file, but a path is never trusted to stay inside.
        if (outputFile && !path.isAbsolute(outputFile) && !outputFile.split(/[\\/]/).includes('..')) {
          jobs.push({ key: pageKey(component, pathname), outputFile });
        }
      }
    }
    const pages: Staged[] = [];
    let failed: string | undefined;
    let dropped = 0;
    const stageOne = async ({ key, outputFile }: { key: string; outputFile: string }) => {
      const copy = copyOf(outputFile);
      const file = path.join(staging, outputFile);
      const folder = path.dirname(file);
      try {
        const now = await stat(copy);
        const was = left[outputFile];
        if (was && (Math.trunc(now.mtimeMs) !== was[0] || now.size !== was[1])) {
          // Not the page Astro wrote: drop the copy, and Astro renders the page again.
          unlinkSync(copy);
          dropped++;
          return;
        }
        await mkdir(folder, { recursive: true });
        await link(copy, file);
        pages.push({ key, outputFile, mtimeMs: now.mtimeMs, size: now.size });
      } catch (error) {
        // No copy (Astro renders the page), or a cache on another disk (Astro copies it): Astro's own way, never a failed build.
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') failed ??= code === 'EXDEV' ? 'the cache is on another disk than the output' : `${code ?? 'an error'} linking ${outputFile}`;
      }
    };
    // Several at a time: each is two calls that wait on the disk.
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < jobs.length) await stageOne(jobs[next++]!);
      }),
    );
    if (dropped > 0) failed ??= `${dropped} of Astro's copies changed since the last build ended (written to through its output, or the cache restored without its files' times): those pages are rendered again`;
    return { pages, ...(failed ? { failed } : {}) };
  };

  return {
    stage: () => {
      staged ??= stageAll().catch((error: unknown) => ({ pages: [], failed: error instanceof Error ? error.message : String(error) }));
    },
    link: async (paths) => {
      // Nothing staged: no last build, or one that stopped halfway; Astro renders every page.
      const { pages, failed: stagingFailed } = await (staged ?? { pages: [] });
      let failed = stagingFailed;
      // Files already in the output (Astro's, or the site's static files) stay; the staged link of the same name does not.
      const kept = new Set<string>();
      try {
        if (pages.length > 0) moveInto(staging, outDir, '', kept);
      } catch (error) {
        // Another disk than the cache (EXDEV): Astro copies every page, as it does without links. Whatever was moved
        // before the failure goes: a link Astro did not know of could be written into.
        for (const page of pages) unlinkIfCopy(path.join(outDir, page.outputFile), copyOf(page.outputFile));
        const code = (error as NodeJS.ErrnoException).code;
        failed = code === 'EXDEV' ? 'the output is on another disk than the cache' : `${code ?? 'an error'} moving the linked pages into the output`;
        rmSync(staging, { recursive: true, force: true });
        return { linked: 0, failed };
      }
      rmSync(staging, { recursive: true, force: true });
      const listed = new Set(paths.map(({ pathname, route }) => pageKey(route.component, pathname)));
      for (const { key, outputFile, mtimeMs, size } of pages) {
        if (kept.has(outputFile)) continue;
        if (listed.has(key)) linked.set(key, { outputFile, mtimeMs, size });
        else removePage(path.join(outDir, outputFile), outDir);
      }
      return { linked: linked.size, ...(failed ? { failed } : {}) };
    },
    release: (component, url) => {
      const key = requestKey(component, url, base);
      const page = linked.get(key);
      if (!page || released.has(key)) return;
      released.add(key);
      for (const file of [path.join(outDir, page.outputFile), copyOf(page.outputFile)]) {
        try {
          unlinkSync(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    },
    record: () => {
      const left: Record<string, [number, number]> = {};
      for (const [key, page] of linked) {
        if (released.has(key)) continue;
        const now = statSync(path.join(outDir, page.outputFile), { throwIfNoEntry: false });
        if (now) left[page.outputFile] = [Math.trunc(now.mtimeMs), now.size];
      }
      const file = path.join(cacheDir, LINKED_RECORD);
      writeFileSync(`${file}.tmp`, JSON.stringify(left));
      renameSync(`${file}.tmp`, file);
    },
    changed: () => {
      const changed: string[] = [];
      for (const [key, page] of linked) {
        if (released.has(key)) continue;
        const now = statSync(path.join(outDir, page.outputFile), { throwIfNoEntry: false });
        if (!now || now.mtimeMs !== page.mtimeMs || now.size !== page.size) changed.push(page.outputFile);
      }
      return changed;
    },
  };
}

/**
 * Moves every entry of `from` into `into`, folder by folder where `into` has
 * one of the same name already; a file already there stays, and its path
 * (relative, with `/`) goes into `kept`.
 */
function moveInto(from: string, into: string, relative: string, kept: Set<string>): void {
  mkdirSync(into, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(into, entry.name);
    const inside = relative ? `${relative}/${entry.name}` : entry.name;
    if (!existsSync(target)) renameSync(source, target);
    else if (entry.isDirectory()) moveInto(source, target, inside, kept);
    else kept.add(inside);
  }
}

/** Removes `file` if it is a link to `copy` (one file on the disk). */
function unlinkIfCopy(file: string, copy: string): void {
  const page = statSync(file, { throwIfNoEntry: false });
  const kept = statSync(copy, { throwIfNoEntry: false });
  if (page && kept && page.ino === kept.ino && page.dev === kept.dev) unlinkSync(file);
}

/** Removes a page of the last build that this one does not have (a story taken down), and the folders it leaves empty. */
function removePage(file: string, outDir: string): void {
  rmSync(file, { force: true });
  for (let folder = path.dirname(file); folder.startsWith(outDir + path.sep); folder = path.dirname(folder)) {
    if (readdirSync(folder).length > 0) break;
    rmdirSync(folder);
  }
}
