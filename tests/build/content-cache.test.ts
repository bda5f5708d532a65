import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { generateCorpus } from '../../bench/corpus';
import { astroCacheDir, resolveBuildEnv } from '../../src/context/env';
import settings from '../../src/settings';
import { astroBuild, projectRoot } from '../helpers/astro-build';
import { bodyCacheDir, builtSite, buildLog } from '../helpers/built-site';
import { FREE, PAID } from '../helpers/fixture-paid';
import { CURRENT_KEY, GRACE_KEY, RETIRED_KEY } from '../helpers/keys';
import { differences, findInSite, listFiles } from '../helpers/site-files';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'masthead-cache-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the body cache', () => {
  it('holds no paid words and no keys from public builds, with or without keys', () => {
    builtSite('fixture');
    builtSite('keyed');
    const publicCache = path.join(bodyCacheDir(), 'public');
    expect(listFiles(publicCache).length).toBeGreaterThan(10);
    expect(findInSite(publicCache, PAID)).toEqual([]);
    const secrets = [CURRENT_KEY, GRACE_KEY, RETIRED_KEY].map((token) => token.split('.')[1]!);
    expect(findInSite(publicCache, secrets)).toEqual([]);
  });

  it('keeps the subscriber edition apart, where a public build never looks', () => {
    builtSite('edition');
    const editionCache = path.join(bodyCacheDir(), 'subscribers');
    // The subscriber edition's cache does hold paid text: that is why it is kept apart.
    expect(findInSite(editionCache, PAID).length).toBeGreaterThan(0);
    expect(findInSite(path.join(bodyCacheDir(), 'public'), PAID)).toEqual([]);
  });

  it('gives a rebuild with nothing changed the same site, without rendering a body again', () => {
    const first = builtSite('fixture');
    expect(buildLog('fixture')).toMatch(/article bodies: \d+ rendered/);
    const again = path.join(scratch, 'fixture-again');
    // The fixture's build time (the run's start), so the front page's date line is the same day.
    const result = astroBuild({ CONTENT_DIR: 'tests/fixtures/site', OUT_DIR: again, MASTHEAD_CACHE_DIR: bodyCacheDir(), BUILD_TIME: inject('runStartedAt') });
    expect(result.code, result.output).toBe(0);
    expect(result.output.match(/article bodies: .*/)?.[0]).toMatch(/article bodies: 0 rendered, \d+ from the cache/);
    // The same records as the first build: the kept index is copied instead of running Pagefind again.
    expect(result.output).toMatch(
      /search index of \d+ articles from the content loader's records: the main part unchanged \(\d+ articles, \d+ files from the cache\); the archive-2022-2023 part unchanged \(\d+ articles, \d+ files from the cache\)/,
    );
    // Every picture file from the picture cache, none made again.
    expect(result.output).toMatch(/images: 0 processed, [1-9]\d* from the cache/);
    expect(differences(first, again)).toEqual([]);
    // Bodies stay out of Astro's data store (written whole as one JSON string): metadata and lists only.
    // It is in this kind of site's folder of Astro's cache (`astroCacheDir`), inside Masthead's.
    const folder = astroCacheDir(resolveBuildEnv({ CONTENT_DIR: 'tests/fixtures/site', MASTHEAD_CACHE_DIR: bodyCacheDir() }, settings, projectRoot, new Date()));
    const store = readFileSync(path.join(folder!, 'data-store.json'), 'utf8');
    expect(store).toContain('moreFromAuthor');
    for (const words of FREE) expect(store).not.toContain(words);
  });
});

describe('body work on several threads', () => {
  it('builds the same site byte for byte as one thread, from a cold start', () => {
    const corpus = path.join(scratch, 'corpus');
    generateCorpus({ dir: corpus, articles: 120, seed: 3 });
    const build = (threads: string) => {
      const out = path.join(scratch, `threads-${threads}`);
      const result = astroBuild({ CONTENT_DIR: corpus, OUT_DIR: out, MASTHEAD_THREADS: threads, MASTHEAD_CACHE_DIR: 'off', BUILD_TIME: inject('runStartedAt') });
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/article bodies: 120 rendered, 0 from the cache/);
      return out;
    };
    expect(differences(build('1'), build('2'))).toEqual([]);
  });
});
