import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { astroBuild } from './astro-build';
import { TEST_RING } from './keys';

/** The sites tests read, by name: content folder and build environment. */
const sites = {
  /** `tests/fixtures/site`: every cut and hostile case, with planted paid words. */
  fixture: { CONTENT_DIR: 'tests/fixtures/site' },
  /** The sample paper in `content/`, built the morning after its newest story (in the news sitemap). */
  sample: { CONTENT_DIR: 'content', BUILD_TIME: '2026-11-21T09:00:00Z' },
  /** The fixture folder deployed under a sub-path, as on a GitHub Pages project site. */
  subpath: { CONTENT_DIR: 'tests/fixtures/site', SITE_URL: 'https://news.example.com', BASE_PATH: '/paper/' },
  /**
   * The fixture folder with subscriber keys: cut articles sealed whole in the page. Built three days
   * after its newest story, so its news sitemap is empty.
   */
  keyed: { CONTENT_DIR: 'tests/fixtures/site', PAYWALL_KEYS: TEST_RING, BUILD_TIME: '2024-08-05T10:00:00+01:00' },
  /**
   * The fixture folder with the edge on (`EDGE=on`): the subscriber pages under the private prefix, beside
   * the public site. Keys are given too, to show the edge build seals nothing. Served by the edge tests.
   */
  edge: { CONTENT_DIR: 'tests/fixtures/site', EDGE: 'on', PAYWALL_KEYS: TEST_RING },
  /** The fixture folder as the full-text subscriber edition. */
  edition: { CONTENT_DIR: 'tests/fixtures/site', EDITION: 'subscribers' },
  /**
   * The sample paper with the editing screen at `/admin/` (`CMS=on`), built with repository tokens in its
   * environment, as a CI deploy has them: none may reach the site.
   */
  cms: {
    CONTENT_DIR: 'content',
    BUILD_TIME: '2026-11-21T09:00:00Z',
    CMS: 'on',
    GITHUB_TOKEN: 'ghp_masthead0canary0token0000000000000000',
    CMS_TOKEN_CANARY: 'github_pat_masthead_canary_fine_grained_token',
  },
  /** `tests/fixtures/many-sections`: fourteen sections, more than a phone's width of navigation. */
  manySections: { CONTENT_DIR: 'tests/fixtures/many-sections' },
} satisfies Record<string, Record<string, string>>;

export type SiteName = keyof typeof sites;

/**
 * The folder of a built site, building it first if this test run has not yet.
 * Test files run one after another, so a stamp file is enough to share builds
 * between them.
 */
export function builtSite(name: SiteName): string {
  const outDir = path.join(inject('runDir'), name);
  const stamp = `${outDir}.built`;
  if (existsSync(stamp)) return outDir;
  // The run's own body cache: shared by this run's builds, scanned by the cache tests.
  const result = astroBuild({ BUILD_TIME: inject('runStartedAt'), ...sites[name], OUT_DIR: outDir, MASTHEAD_CACHE_DIR: bodyCacheDir() });
  if (result.code !== 0) throw new Error(`Building ${sites[name].CONTENT_DIR} failed:\n${result.output}`);
  console.log(`built ${sites[name].CONTENT_DIR} in ${(result.durationMs / 1000).toFixed(1)} s`);
  writeFileSync(`${outDir}.log`, result.output);
  writeFileSync(stamp, new Date().toISOString());
  return outDir;
}

/** The body cache this run's builds share. */
export function bodyCacheDir(): string {
  return path.join(inject('runDir'), 'cache');
}

/** What `astro build` printed while building a site (see `builtSite`). */
export function buildLog(name: SiteName): string {
  return readFileSync(`${builtSite(name)}.log`, 'utf8');
}
