import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pruneCardCache } from '../../src/social-cards/card-store';
import { pruneImageCache } from '../../src/pictures/process-images';
import { CACHE_KEEP_MS, removeStaleFiles } from '../../src/lib/stale-files';

const now = Date.parse('2026-11-30T12:00:00Z');
const folders: string[] = [];

/** A file last used `daysAgo` days before `now`. */
function file(dir: string, name: string, daysAgo: number): string {
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  writeFileSync(target, name);
  const when = (now - daysAgo * 24 * 60 * 60 * 1000) / 1000;
  utimesSync(target, when, when);
  return target;
}

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-stale-'));
  folders.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('removing cached files no build has used for a week', () => {
  it('removes files unused for more than the time kept, and keeps the rest and any folder', async () => {
    const dir = folder();
    const old = file(dir, 'old.png', 8);
    const recent = file(dir, 'recent.png', 6);
    mkdirSync(path.join(dir, 'shard'));
    expect(CACHE_KEEP_MS).toBe(7 * 24 * 60 * 60 * 1000);
    expect(await removeStaleFiles(dir, CACHE_KEEP_MS, now)).toBe(1);
    expect([old, recent, path.join(dir, 'shard')].map(existsSync)).toEqual([false, true, true]);
  });

  it('counts nothing for a folder that is not there', async () => {
    expect(await removeStaleFiles(path.join(folder(), 'missing'), CACHE_KEEP_MS, now)).toBe(0);
  });

  it('prunes the social-card cache, and the picture cache shard by shard', async () => {
    const cards = folder();
    file(cards, 'a.png', 30);
    const kept = file(cards, 'b.png', 1);
    expect(await pruneCardCache(cards, now)).toBe(1);
    expect(existsSync(kept)).toBe(true);

    const pictures = folder();
    const stale = [file(path.join(pictures, 'ab'), 'x.avif', 9), file(path.join(pictures, 'cd'), 'y.webp', 10)];
    const used = file(path.join(pictures, 'cd'), 'z.jpg', 0);
    expect(await pruneImageCache(pictures, now)).toBe(2);
    expect(stale.map(existsSync)).toEqual([false, false]);
    expect(existsSync(used)).toBe(true);
  });
});
