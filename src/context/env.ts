import { createHash } from 'node:crypto';
import path from 'node:path';
import { parseIsoDate } from '../lib/dates';
import { normaliseBase } from '../lib/urls';

/** The environment variables Masthead reads at build time, and nothing else. */
export interface BuildEnvInput {
  /** Folder with `articles/`, `authors/` and `sections.yaml`. Default `content`. */
  CONTENT_DIR?: string;
  /** Overrides the settings' `siteUrl`, e.g. for a preview deploy. */
  SITE_URL?: string;
  /** Overrides the settings' `basePath`, e.g. `/paper/` on GitHub Pages. */
  BASE_PATH?: string;
  /** Where the built site goes. Default `dist` (`dist-subscribers` for the subscriber edition). */
  OUT_DIR?: string;
  /** `subscribers` builds the full-text edition; anything else (or nothing) the public site. */
  EDITION?: string;
  /** Subscriber key ring, inline. Never committed, never written to the site. */
  PAYWALL_KEYS?: string;
  /** Path of a file holding the subscriber key ring. */
  PAYWALL_KEYS_FILE?: string;
  /** Folder of the body cache. Default `node_modules/.cache/masthead`; `off` for none. */
  MASTHEAD_CACHE_DIR?: string;
  /** Threads for body work. Default: one per core; `1` keeps it all in the build's own thread. */
  MASTHEAD_THREADS?: string;
  /** Threads rendering article pages beside the build's own. Default: two fewer than the cores, at most two; `0` for none. */
  MASTHEAD_PAGE_THREADS?: string;
  /** The build's "now", an ISO date-time with a zone (`2026-11-21T09:00:00Z`). Default: when the build starts. */
  BUILD_TIME?: string;
  /** `1` makes a preview build: drafts and embargoed articles included, with banners, and every page noindex. */
  PREVIEW?: string;
  /** `on` or `off`: serve the editing screen at `/admin/` in this build, whatever the settings' `cms.enabled` says. */
  CMS?: string;
  /** `on` or `off`: write the subscriber pages under the edge's private prefix in this build, whatever `subscribers.edge.enabled` says. */
  EDGE?: string;
}

/** Which site a build makes. */
export type Edition = 'public' | 'subscribers';

export interface BuildEnv {
  contentDir: string;
  siteUrl: string;
  basePath: string;
  outDir: string;
  edition: Edition;
  /** Where the key ring comes from, if anywhere: `PAYWALL_KEYS` text or a file path. */
  keyRing?: { from: 'PAYWALL_KEYS'; text: string } | { from: 'PAYWALL_KEYS_FILE'; path: string } | undefined;
  /** The body cache's folder, or `undefined` when caching is off. */
  cacheDir: string | undefined;
  /** Threads for body work, when set; otherwise one per core. */
  threads?: number;
  /** Threads rendering article pages, when set; otherwise `defaultPageThreads` (src/page-threads/). */
  pageThreads?: number;
  /** The build's "now": `BUILD_TIME`, or the moment the caller passed in. See `resolveBuildTime`. */
  buildTime: Date;
  /** A preview build (`PREVIEW=1`): drafts and embargoed articles shown, nothing indexed. Never for the public deploy. */
  preview: boolean;
  /** `CMS=on` (true) or `CMS=off` (false); `undefined` leaves it to the settings' `cms.enabled`. */
  cms?: boolean;
  /** `EDGE=on` (true) or `EDGE=off` (false); `undefined` leaves it to the settings' `subscribers.edge.enabled`. */
  edge?: boolean;
}

/**
 * The one "now" of a build: `BUILD_TIME` when set, otherwise `startedAt`.
 * Everything that depends on the date of the build (the news sitemap's two
 * days, which subscriber keys are active, embargoes) reads it from here, so a
 * fixed `BUILD_TIME` rebuilds an old day's site exactly. It must name its
 * zone: `2026-11-21T09:00:00Z` or `2026-11-21T09:00:00+01:00`.
 */
export function resolveBuildTime(value: string | undefined, startedAt: Date): Date {
  const text = value?.trim();
  if (!text) return startedAt;
  const parsed = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? parseIsoDate(text.replace(/z$/, 'Z')) : undefined;
  if (!parsed?.hasTime) {
    throw new Error(
      `BUILD_TIME "${text}" is not an ISO date-time with a time zone: write it like 2026-11-21T09:00:00Z or 2026-11-21T09:00:00+01:00, or leave it unset for the time of the build`,
    );
  }
  return parsed.instant;
}

/**
 * Resolves build-time overrides against the settings. Pure: the caller passes
 * `process.env`, the working directory and the moment the build started in.
 */
export function resolveBuildEnv(
  env: BuildEnvInput,
  settings: { siteUrl: string; basePath: string },
  cwd: string,
  startedAt: Date,
): BuildEnv {
  const siteUrl = env.SITE_URL?.trim() || settings.siteUrl;
  try {
    new URL(siteUrl);
  } catch {
    throw new Error(`SITE_URL "${siteUrl}" is not an absolute URL (e.g. https://news.example.org)`);
  }
  const edition = parseEdition(env.EDITION);
  const keysFile = env.PAYWALL_KEYS_FILE?.trim();
  const keysText = env.PAYWALL_KEYS?.trim();
  if (keysFile && keysText) throw new Error('Set PAYWALL_KEYS or PAYWALL_KEYS_FILE, not both');
  const outDir = path.resolve(cwd, env.OUT_DIR?.trim() || (edition === 'subscribers' ? 'dist-subscribers' : 'dist'));
  const publicDir = path.resolve(cwd, 'public');
  const publicOut = path.resolve(cwd, 'dist');
  const show = (dir: string) => shown(dir, cwd, true);
  if (edition === 'subscribers') {
    if (outDir === publicOut) {
      throw new Error('EDITION=subscribers must not build into dist/, where the public site goes; leave OUT_DIR unset (dist-subscribers/)');
    }
    // The full text must never land where the public site, or its static files, are published from.
    for (const [dir, what] of [
      [publicOut, 'the public site’s output folder, which is published'],
      [publicDir, 'the folder of static files copied into the public site'],
    ] as const) {
      if (isInside(outDir, dir)) {
        throw new Error(
          `EDITION=subscribers must not build into ${show(outDir)}: it is inside ${show(dir)}, ${what}, so the full text would be public; leave OUT_DIR unset (dist-subscribers/) or pick a folder outside it`,
        );
      }
    }
  }
  if (keysFile) {
    // A key ring in a published folder would hand every subscriber key to anyone who asks for the file.
    const file = path.resolve(cwd, keysFile);
    const published = [
      [publicDir, 'the folder of static files copied into the site'],
      ...[...new Set([publicOut, path.resolve(cwd, 'dist-subscribers'), outDir])].map((dir) => [dir, 'an output folder, which is published'] as const),
    ] as const;
    for (const [dir, what] of published) {
      if (isInside(file, dir)) {
        throw new Error(
          `PAYWALL_KEYS_FILE ${shown(file, cwd, false)} is inside ${show(dir)}, ${what}, so the keys could be served to anyone; move the file out of the project (e.g. /run/secrets/paywall-keys) or pass the keys in PAYWALL_KEYS`,
        );
      }
    }
  }
  const cacheSetting = env.MASTHEAD_CACHE_DIR?.trim() || 'node_modules/.cache/masthead';
  const threadsSetting = env.MASTHEAD_THREADS?.trim();
  if (threadsSetting && !/^[1-9][0-9]?$/.test(threadsSetting)) {
    throw new Error(`MASTHEAD_THREADS "${threadsSetting}" is not a number of threads from 1 to 99`);
  }
  const pageThreadsSetting = env.MASTHEAD_PAGE_THREADS?.trim();
  if (pageThreadsSetting && !/^(?:0|[1-9][0-9]?)$/.test(pageThreadsSetting)) {
    throw new Error(`MASTHEAD_PAGE_THREADS "${pageThreadsSetting}" is not a number of threads from 0 (none: every page in the build's own thread) to 99`);
  }
  const buildTime = resolveBuildTime(env.BUILD_TIME, startedAt);
  return {
    buildTime,
    preview: parsePreview(env.PREVIEW),
    ...(env.CMS?.trim() ? { cms: parseCms(env.CMS) } : {}),
    ...(env.EDGE?.trim() ? { edge: parseOnOff(env.EDGE, 'EDGE', 'set EDGE=on to write the subscriber pages under the private prefix for the edge, EDGE=off to leave them out') } : {}),
    cacheDir: cacheSetting === 'off' ? undefined : path.resolve(cwd, cacheSetting),
    ...(threadsSetting ? { threads: Number(threadsSetting) } : {}),
    ...(pageThreadsSetting ? { pageThreads: Number(pageThreadsSetting) } : {}),
    contentDir: path.resolve(cwd, env.CONTENT_DIR?.trim() || 'content'),
    siteUrl,
    basePath: normaliseBase(env.BASE_PATH ?? settings.basePath),
    outDir,
    edition,
    keyRing: keysFile
      ? { from: 'PAYWALL_KEYS_FILE', path: path.resolve(cwd, keysFile) }
      : keysText
        ? { from: 'PAYWALL_KEYS', text: keysText }
        : undefined,
  };
}

/** True when `target` is `dir` or anything under it (by path only: symbolic links are not followed). */
function isInside(target: string, dir: string): boolean {
  const relative = path.relative(dir, target);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

/** A path for a message: relative to the project when inside it; folders end with a slash. */
function shown(target: string, cwd: string, folder: boolean): string {
  const text = isInside(target, cwd) ? path.relative(cwd, target) || '.' : target;
  return folder && !text.endsWith(path.sep) ? `${text}${path.sep}` : text;
}

function parsePreview(value: string | undefined): boolean {
  const text = value?.trim().toLowerCase() || '0';
  if (text === '1' || text === 'true') return true;
  if (text === '0' || text === 'false') return false;
  // A typo must not publish drafts, nor silently build the public site when a preview was meant.
  throw new Error(`PREVIEW "${value?.trim()}" is not 1 or 0: set PREVIEW=1 for a preview build with drafts and embargoed articles, or leave it unset`);
}

function parseCms(value: string): boolean {
  const text = value.trim().toLowerCase();
  if (['on', '1', 'true'].includes(text)) return true;
  if (['off', '0', 'false'].includes(text)) return false;
  throw new Error(`CMS "${value.trim()}" is not on or off: set CMS=on to serve the editing screen at /admin/, CMS=off to leave it out, or leave it unset for the settings' cms.enabled`);
}

function parseOnOff(value: string, name: string, hint: string): boolean {
  const text = value.trim().toLowerCase();
  if (['on', '1', 'true'].includes(text)) return true;
  if (['off', '0', 'false'].includes(text)) return false;
  throw new Error(`${name} "${value.trim()}" is not on or off: ${hint}, or leave it unset for the settings`);
}

/** True when a public build writes the subscriber pages under the edge's private prefix: `EDGE`, else the settings. */
export function edgeBuild(env: BuildEnv, enabled: boolean): boolean {
  return env.edition === 'public' && (env.edge ?? enabled);
}

function parseEdition(value: string | undefined): Edition {
  const edition = value?.trim() || 'public';
  if (edition !== 'public' && edition !== 'subscribers') {
    throw new Error(`EDITION "${edition}" is not an edition: use "subscribers" for the full-text edition, or leave it unset`);
  }
  return edition;
}

/**
 * Astro's own cache folder for this build: its data store and the pages of
 * the last build, which an incremental build copies instead of rendering again
 * (docs/architecture.md, "Pages: only what changed"). One folder per kind of
 * site (content folder, address, edition, preview, keys), inside Masthead's
 * cache, so that the subscriber edition's full-text pages, a preview's drafts
 * or another site's pages are never in the folder a public build restores
 * from. `edge`: the build writes the edge's private subscriber pages (a folder
 * of its own for the same reason). `undefined` when caching is off: Astro's default folder, and every
 * page rendered.
 */
export function astroCacheDir(env: BuildEnv, edge = false): string | undefined {
  if (!env.cacheDir) return undefined;
  const site = createHash('sha256')
    .update(JSON.stringify([env.contentDir, env.siteUrl, env.basePath, env.edition, env.preview, Boolean(env.keyRing), ...(edge ? ['edge'] : [])]))
    .digest('hex')
    .slice(0, 12);
  return path.join(env.cacheDir, 'astro', `${env.edition}${edge ? '-edge' : ''}${env.preview ? '-preview' : ''}-${site}`);
}
