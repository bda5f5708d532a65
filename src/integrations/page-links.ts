import { readFileSync, statSync, unlinkSync } from 'node:fs';
import { link, mkdir } from 'node:fs/promises';
import path from 'node:path';

/** Astro's record of the last incremental build (astro/dist/core/build/incremental.js). */
export const ASTRO_MANIFEST = 'incremental-build.json';
/** Where Astro keeps a copy of each page it rendered, inside its cache folder (the same file, INCREMENTAL_OUTPUT_DIR). */
const ASTRO_PAGE_COPIES = 'dist';

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

interface Linked {
  /** The page in the output folder. */
  file: string;
  /** Astro's copy in its cache, the same file. */
  copy: string;
  mtimeMs: number;
  size: number;
}

export interface PageLinks {
  /**
   * Links each of `paths` that Astro kept a copy of into the output folder, so
   * that a page Astro does not render again is there already and nothing is
   * copied. Returns how many were linked, and why none were if none could be.
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
}

/**
 * The last build's pages, linked rather than copied (src/integrations/README.md,
 * *Pages linked, not copied*). `cacheDir` is Astro's cache folder, `outDir` the
 * folder this build writes, `base` the site's base path.
 */
export function createPageLinks({ cacheDir, outDir, base }: { cacheDir: string; outDir: string; base: string }): PageLinks {
  const linked = new Map<string, Linked>();
  const released = new Set<string>();
  return {
    link: async (paths) => {
      let manifest: AstroManifest;
      try {
        manifest = JSON.parse(readFileSync(path.join(cacheDir, ASTRO_MANIFEST), 'utf8')) as AstroManifest;
      } catch {
        return { linked: 0, failed: 'no record of a last build' };
      }
      const jobs: { key: string; outputFile: string }[] = [];
      for (const { pathname, route } of paths) {
        const outputFile = manifest.routes?.[route.component]?.paths?.[pathname]?.outputFile;
        // Only a path inside the output folder: the record is Astro's file, but a path is never trusted to stay inside.
        if (outputFile && !path.isAbsolute(outputFile) && !outputFile.split(/[\\/]/).includes('..')) {
          jobs.push({ key: pageKey(route.component, pathname), outputFile });
        }
      }
      const folders = new Map<string, Promise<unknown>>();
      let failed: string | undefined;
      const linkOne = async ({ key, outputFile }: { key: string; outputFile: string }) => {
        const file = path.join(outDir, outputFile);
        const copy = path.join(cacheDir, ASTRO_PAGE_COPIES, outputFile);
        const folder = path.dirname(file);
        if (!folders.has(folder)) folders.set(folder, mkdir(folder, { recursive: true }));
        try {
          await folders.get(folder);
          await link(copy, file);
          const { mtimeMs, size } = statSync(file);
          linked.set(key, { file, copy, mtimeMs, size });
        } catch (error) {
          // No copy (Astro renders the page), or a cache on another disk (Astro copies it): Astro's own way, never a failed build.
          const code = (error as NodeJS.ErrnoException).code;
          if (code !== 'ENOENT') failed ??= code === 'EXDEV' ? "the cache is on another disk than the output" : `${code ?? 'an error'} linking ${outputFile}`;
        }
      };
      // Several at a time: each is two calls that wait on the disk.
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < jobs.length) await linkOne(jobs[next++]!);
        }),
      );
      return { linked: linked.size, ...(failed ? { failed } : {}) };
    },
    release: (component, url) => {
      const key = requestKey(component, url, base);
      const page = linked.get(key);
      if (!page || released.has(key)) return;
      released.add(key);
      for (const file of [page.file, page.copy]) {
        try {
          unlinkSync(file);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        }
      }
    },
    changed: () => {
      const changed: string[] = [];
      for (const [key, page] of linked) {
        if (released.has(key)) continue;
        try {
          const { mtimeMs, size } = statSync(page.file);
          if (mtimeMs !== page.mtimeMs || size !== page.size) changed.push(path.relative(outDir, page.file));
        } catch {
          changed.push(path.relative(outDir, page.file));
        }
      }
      return changed;
    },
  };
}
