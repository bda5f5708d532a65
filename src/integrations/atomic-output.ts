import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';

const BUILDING = '.building-';
const PREVIOUS = '.previous-';

/** Where a build by process `pid` writes before it is swapped into place: `<outDir>.building-<pid>`. */
export function buildingDir(outDir: string, pid: number): string {
  return `${outDir}${BUILDING}${pid}`;
}

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the `<outDir>.building-<pid>` and `<outDir>.previous-<pid>` folders
 * that builds no longer running left beside `outDir` (killed, or interrupted
 * with Ctrl-C). A build still running into the same folder keeps its own.
 * Returns the folders removed.
 */
export function removeLeftovers(outDir: string, isRunning: (pid: number) => boolean = processIsRunning): string[] {
  const parent = path.dirname(outDir);
  const base = path.basename(outDir);
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = /^\.(?:building|previous)-(\d+)$/.exec(name.slice(base.length));
    if (!name.startsWith(base) || !match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isRunning(pid)) continue;
    rmSync(path.join(parent, name), { recursive: true, force: true });
    removed.push(path.join(parent, name));
  }
  return removed;
}

/**
 * A previous output of this many pages or fewer is removed before the build
 * ends (a few hundred milliseconds at most): a small site, such as a new
 * paper's, then leaves nothing behind for a `git clean` or a deploy step run
 * right after the build to race. A bigger one is removed in the background.
 */
export const REMOVE_AT_ONCE_UP_TO = 2_000;

/**
 * Removes a folder in a process of its own that outlives the build. Deleting
 * the previous output (every page of the archive, the search index) takes as
 * long as writing it did; the new site is in place already, so the build need
 * not wait. If it is stopped halfway, the next build removes the rest (see
 * `removeLeftovers`: the name ends with a pid that is no longer running).
 */
export function removeInBackground(folder: string): void {
  const child = spawn(process.execPath, ['-e', 'require("node:fs").rmSync(process.argv[1], { recursive: true, force: true })', folder], {
    detached: true,
    stdio: 'ignore',
  });
  // A deleter that cannot start leaves the folder for the next build: not worth failing this one.
  child.on('error', () => {});
  child.unref();
}

/**
 * Puts a finished build in place of `outDir`: the old folder is renamed aside,
 * the new one renamed in, then the old one removed (by `remove`: in the
 * background by default). The site is never half old, half new, and a
 * failure before this point leaves `outDir` as it was. A `.git` folder in the
 * old output (a deploy checkout) moves to the new one, as Astro keeps it when
 * it empties its output folder. Returns the folder being removed, if any.
 */
export function swapIntoPlace(
  building: string,
  outDir: string,
  remove: (folder: string) => void = removeInBackground,
): string | undefined {
  const previous = `${outDir}${PREVIOUS}${process.pid}`;
  rmSync(previous, { recursive: true, force: true });
  const git = path.join(outDir, '.git');
  if (existsSync(git) && !existsSync(path.join(building, '.git'))) renameSync(git, path.join(building, '.git'));
  if (!existsSync(outDir)) {
    renameSync(building, outDir);
    return undefined;
  }
  try {
    renameSync(outDir, previous);
  } catch (error) {
    // A mount point (a container volume) cannot be renamed: replace its contents instead.
    if (!['EBUSY', 'EXDEV', 'EPERM', 'EACCES'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    for (const name of readdirSync(outDir)) rmSync(path.join(outDir, name), { recursive: true, force: true });
    for (const name of readdirSync(building)) renameSync(path.join(building, name), path.join(outDir, name));
    rmSync(building, { recursive: true, force: true });
    return undefined;
  }
  try {
    renameSync(building, outDir);
  } catch (error) {
    renameSync(previous, outDir);
    throw error;
  }
  remove(previous);
  return previous;
}

/**
 * Never a half-written site: `astro build` writes into `<outDir>.building-<pid>`
 * and the result replaces `outDir` only when every page, the sitemap and the
 * search index are written. A build that fails or is interrupted leaves the
 * previous output untouched, so a deploy step such as `aws s3 sync --delete`
 * run after a failure cannot wipe the live site. A failed build removes its
 * folder on exit; one that was killed leaves it, and the next build removes it.
 *
 * Register it last: its `astro:build:done` must run after every other
 * integration has written into the folder.
 */
export default function atomicOutputIntegration(): AstroIntegration {
  let outDir: string | undefined;
  let building: string | undefined;
  let swapped = false;
  return {
    name: 'masthead-atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig, logger }) => {
        if (command !== 'build') return;
        outDir = fileURLToPath(config.outDir).replace(/[\\/]+$/, '');
        for (const folder of removeLeftovers(outDir)) logger.info(`removed ${folder}, left by an interrupted build`);
        building = buildingDir(outDir, process.pid);
        rmSync(building, { recursive: true, force: true });
        mkdirSync(building, { recursive: true });
        const target = pathToFileURL(`${building}/`);
        // Astro resolves these against the output folder; they must follow it.
        const moved = (url: URL) => (url.href.startsWith(config.outDir.href) ? new URL(url.href.slice(config.outDir.href.length), target) : url);
        updateConfig({ outDir: target, build: { client: moved(config.build.client), server: moved(config.build.server) } });
        const ownFolder = building;
        process.once('exit', () => {
          if (!swapped) rmSync(ownFolder, { recursive: true, force: true });
        });
        logger.info(`building into ${path.basename(building)}; ${path.basename(outDir)} is replaced only when the build succeeds`);
      },
      'astro:build:done': ({ logger, pages }) => {
        if (!outDir || !building) return;
        const atOnce = pages.length <= REMOVE_AT_ONCE_UP_TO;
        const previous = swapIntoPlace(building, outDir, atOnce ? (folder) => rmSync(folder, { recursive: true, force: true }) : removeInBackground);
        swapped = true;
        logger.info(`${outDir} now holds the new build`);
        if (previous && !atOnce) logger.info(`the previous build is being removed in the background (${path.basename(previous)})`);
      },
    },
  };
}
