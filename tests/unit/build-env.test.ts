import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneKinds } from '../../src/integrations/page-cache';
import { astroCacheDir, resolveBuildEnv, resolveBuildTime, type BuildEnvInput } from '../../src/context/env';
import { pageKey } from '../../src/lib/page-key';

const settings = { siteUrl: 'https://example.org', basePath: '/' };
const resolve = (env: BuildEnvInput) => resolveBuildEnv(env, settings, '/project', new Date('2026-11-21T09:00:00Z'));

describe('resolveBuildEnv keeps the key ring out of published folders', () => {
  it.each([
    ['public/', 'public/keys.txt', {}, /^PAYWALL_KEYS_FILE public\/keys\.txt is inside public\/, the folder of static files copied into the site/],
    ['public/, deep down', './public/.well-known/../secrets/keys.txt', {}, /PAYWALL_KEYS_FILE public\/secrets\/keys\.txt is inside public\//],
    ['public/, by absolute path', '/project/public/keys.txt', {}, /is inside public\//],
    ['dist/', 'dist/keys.txt', {}, /^PAYWALL_KEYS_FILE dist\/keys\.txt is inside dist\/, an output folder, which is published/],
    ['dist-subscribers/', 'dist-subscribers/keys', {}, /is inside dist-subscribers\/, an output folder/],
    ['the OUT_DIR of a public build', 'site/keys.txt', { OUT_DIR: 'site' }, /is inside site\/, an output folder/],
    ['an OUT_DIR outside the project', '/srv/paper/keys.txt', { OUT_DIR: '/srv/paper' }, /PAYWALL_KEYS_FILE \/srv\/paper\/keys\.txt is inside \/srv\/paper\//],
    ['the OUT_DIR of the subscriber edition', 'members/keys.txt', { OUT_DIR: 'members', EDITION: 'subscribers' }, /is inside members\//],
  ])('refuses a PAYWALL_KEYS_FILE inside %s, naming the file and what to do', (_, file, env, message) => {
    expect(() => resolve({ ...env, PAYWALL_KEYS_FILE: file })).toThrow(message);
    expect(() => resolve({ ...env, PAYWALL_KEYS_FILE: file })).toThrow(/move the file out of the project \(e\.g\. \/run\/secrets\/paywall-keys\) or pass the keys in PAYWALL_KEYS$/);
  });

  it('accepts a key file beside the published folders, whose names only start alike', () => {
    for (const file of ['/run/secrets/paywall-keys', 'keys.txt', 'publicity/keys.txt', 'dist-keys/keys.txt', '../keys.txt']) {
      expect(resolve({ PAYWALL_KEYS_FILE: file }).keyRing, file).toEqual({ from: 'PAYWALL_KEYS_FILE', path: expect.any(String) });
    }
  });
});

describe('resolveBuildEnv keeps the subscriber edition out of public folders', () => {
  it.each([
    ['dist/', 'dist', /must not build into dist\//],
    ['a folder inside dist/', 'dist/subscribers', /must not build into dist\/subscribers\/: it is inside dist\/, the public site’s output folder/],
    ['public/', 'public', /must not build into public\/: it is inside public\/, the folder of static files copied into the public site/],
    ['a folder inside public/', 'public/members', /must not build into public\/members\/: it is inside public\//],
    ['public/ by absolute path', '/project/public/full', /must not build into public\/full\//],
  ])('refuses an OUT_DIR of %s, saying what to do', (_, outDir, message) => {
    expect(() => resolve({ EDITION: 'subscribers', OUT_DIR: outDir })).toThrow(message);
    expect(() => resolve({ EDITION: 'subscribers', OUT_DIR: outDir })).toThrow(/leave OUT_DIR unset \(dist-subscribers\/\)/);
  });

  it('accepts dist-subscribers/ and folders outside the project', () => {
    expect(resolve({ EDITION: 'subscribers' }).outDir).toBe('/project/dist-subscribers');
    expect(resolve({ EDITION: 'subscribers', OUT_DIR: '/srv/members' }).outDir).toBe('/srv/members');
    expect(resolve({ EDITION: 'subscribers', OUT_DIR: 'distribution' }).outDir).toBe('/project/distribution');
  });

  it('lets a public build write into a folder under dist/', () => {
    expect(resolve({ OUT_DIR: 'dist/staging' }).outDir).toBe('/project/dist/staging');
  });
});

describe('resolveBuildTime fixes the build’s one “now”', () => {
  const startedAt = new Date('2026-11-21T09:00:00Z');

  it('is the moment the build started when BUILD_TIME is unset or blank', () => {
    expect(resolveBuildTime(undefined, startedAt)).toBe(startedAt);
    expect(resolveBuildTime('  ', startedAt)).toBe(startedAt);
    expect(resolve({}).buildTime).toEqual(startedAt);
  });

  it('takes BUILD_TIME, in UTC or with an offset, over the clock', () => {
    expect(resolveBuildTime('2026-11-20T09:00:00Z', startedAt).toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(resolveBuildTime('2026-07-20T09:00:00+01:00', startedAt).toISOString()).toBe('2026-07-20T08:00:00.000Z');
    expect(resolveBuildTime('2026-07-20T09:00-0500', startedAt).toISOString()).toBe('2026-07-20T14:00:00.000Z');
    expect(resolve({ BUILD_TIME: '2024-07-16T10:00:00+01:00' }).buildTime.toISOString()).toBe('2024-07-16T09:00:00.000Z');
  });

  it.each([
    ['a bare date', '2026-11-20'],
    ['a date-time without a zone, which could be any of 38 instants', '2026-11-20T09:00:00'],
    ['words', 'now'],
    ['an impossible date', '2026-02-30T09:00:00Z'],
  ])('refuses %s, saying how to write one', (_, value) => {
    expect(() => resolveBuildTime(value, startedAt)).toThrow(
      `BUILD_TIME "${value}" is not an ISO date-time with a time zone: write it like 2026-11-21T09:00:00Z or 2026-11-21T09:00:00+01:00, or leave it unset for the time of the build`,
    );
  });
});

describe('astroCacheDir gives each kind of site its own page cache', () => {
  it('apart by edition, preview, keys, content folder and address, so a public build never restores a full-text page', () => {
    const kinds: BuildEnvInput[] = [
      {},
      { EDITION: 'subscribers' },
      { PREVIEW: '1' },
      { PAYWALL_KEYS: 'masthead-keys-v1.k1.AAAA' },
      { CONTENT_DIR: 'other-paper' },
      { SITE_URL: 'https://preview.example.org' },
      { BASE_PATH: '/paper/' },
    ];
    const folders = kinds.map((env) => astroCacheDir(resolve(env)));
    expect(new Set(folders).size).toBe(kinds.length);
    expect(folders[0]).toMatch(/^\/project\/node_modules\/\.cache\/masthead\/astro\/public-[0-9a-f]{12}$/);
    expect(folders[1]).toMatch(/\/astro\/subscribers-[0-9a-f]{12}$/);
    expect(folders[2]).toMatch(/\/astro\/public-preview-[0-9a-f]{12}$/);
    // The same site twice: the same folder, or no page would ever be reused.
    expect(astroCacheDir(resolve({}))).toBe(folders[0]);
  });

  it("is none when caching is off: Astro's default folder, every page rendered", () => {
    expect(astroCacheDir(resolve({ MASTHEAD_CACHE_DIR: 'off' }))).toBeUndefined();
  });
});

describe('pageKey', () => {
  it('is the same for the same parts and differs for any changed word, date or order', () => {
    const parts = [{ title: 'Floods', date: new Date('2026-01-01T00:00:00Z') }, ['a', 'b']];
    expect(pageKey(...parts)).toBe(pageKey(...structuredClone(parts)));
    expect(pageKey({ title: 'Flood', date: new Date('2026-01-01T00:00:00Z') }, ['a', 'b'])).not.toBe(pageKey(...parts));
    expect(pageKey({ title: 'Floods', date: new Date('2026-01-02T00:00:00Z') }, ['a', 'b'])).not.toBe(pageKey(...parts));
    expect(pageKey({ title: 'Floods', date: new Date('2026-01-01T00:00:00Z') }, ['b', 'a'])).not.toBe(pageKey(...parts));
  });
});

describe('pruneKinds', () => {
  it('removes the page caches of kinds of site unused for a week, and keeps this one and recent ones', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'masthead-kinds-'));
    try {
      const folder = (name: string, daysAgo: number) => {
        const dir = path.join(root, name);
        mkdirSync(dir);
        const when = new Date(Date.now() - daysAgo * 86_400_000);
        utimesSync(dir, when, when);
        return dir;
      };
      const mine = folder('public-0123456789ab', 30);
      const recent = folder('subscribers-0123456789ab', 2);
      const old = folder('public-preview-ba9876543210', 8);
      const notOurs = folder('something-else', 30);
      expect(pruneKinds(mine)).toEqual([old]);
      expect([mine, recent, notOurs].every((dir) => existsSync(dir))).toBe(true);
      // Used now: a week from now it is still there.
      expect(Date.now() - statSync(mine).mtimeMs).toBeLessThan(60_000);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
