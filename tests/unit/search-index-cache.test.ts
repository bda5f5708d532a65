import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSearchIndexCache, linkTree, searchIndexKey } from '../../src/search/index-cache';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'masthead-search-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const record = (url: string, content: string) => ({ url, content });

/** A stand-in for an index Pagefind wrote: a couple of files in nested folders. */
function writtenIndex(name: string, text: string): string {
  const dir = path.join(scratch, name);
  mkdirSync(path.join(dir, 'fragment'), { recursive: true });
  writeFileSync(path.join(dir, 'pagefind-entry.json'), text);
  writeFileSync(path.join(dir, 'fragment', 'a.pf_fragment'), `${text}-fragment`);
  return dir;
}

describe('the search index key', () => {
  it('changes when any record, their order or the Pagefind version changes', () => {
    const records = [record('/a/', '<p>one</p>'), record('/b/', '<p>two</p>')];
    const key = searchIndexKey(records, '1.0.0');
    expect(searchIndexKey([...records], '1.0.0')).toBe(key);
    // Records hashed as they are made, one at a time, give the same key.
    expect(searchIndexKey(records.values().map((each) => ({ ...each })), '1.0.0')).toBe(key);
    expect(searchIndexKey([records[0]!, record('/b/', '<p>two!</p>')], '1.0.0')).not.toBe(key);
    expect(searchIndexKey([...records].reverse(), '1.0.0')).not.toBe(key);
    expect(searchIndexKey(records, '1.0.1')).not.toBe(key);
    // Records cannot run together: moving a character from one to the next is another key.
    expect(searchIndexKey([record('/a/', 'xy'), record('/b/', 'z')], '1')).not.toBe(searchIndexKey([record('/a/', 'x'), record('/b/', 'yz')], '1'));
  });
});

describe('the search index cache', () => {
  it('gives back a kept index whole, and nothing for a key it never kept', () => {
    const cache = createSearchIndexCache(path.join(scratch, 'cache-a'));
    expect(cache.find('k1')).toBeUndefined();
    cache.keep('k1', writtenIndex('built-1', 'first'));
    const kept = cache.find('k1')!;
    expect(readFileSync(path.join(kept, 'pagefind-entry.json'), 'utf8')).toBe('first');
    expect(readFileSync(path.join(kept, 'fragment', 'a.pf_fragment'), 'utf8')).toBe('first-fragment');
    expect(cache.find('k2')).toBeUndefined();
  });

  it('treats a copy that never finished as missing', () => {
    const dir = path.join(scratch, 'cache-b');
    mkdirSync(path.join(dir, 'search-index', 'k1'), { recursive: true });
    writeFileSync(path.join(dir, 'search-index', 'k1', 'pagefind-entry.json'), 'half');
    expect(createSearchIndexCache(dir).find('k1')).toBeUndefined();
  });

  it('keeps the three most recently used indexes, and any other used within the hour', () => {
    const dir = path.join(scratch, 'cache-c');
    const cache = createSearchIndexCache(dir);
    for (const [i, key] of ['k1', 'k2', 'k3'].entries()) {
      cache.keep(key, writtenIndex(`built-c${i}`, key));
      // Distinct times, oldest first, without waiting.
      const when = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(path.join(dir, 'search-index', key), when, when);
    }
    cache.find('k1'); // used again: now the newest
    cache.keep('k4', writtenIndex('built-c4', 'k4'));
    // k2 is the oldest, but used within the hour: another site's build in the same run may want it.
    expect(['k1', 'k2', 'k3', 'k4'].filter((key) => existsSync(path.join(dir, 'search-index', key)))).toEqual(['k1', 'k2', 'k3', 'k4']);
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(path.join(dir, 'search-index', 'k2'), twoHoursAgo, twoHoursAgo);
    cache.keep('k5', writtenIndex('built-c5', 'k5'));
    expect(['k1', 'k2', 'k3', 'k4', 'k5'].filter((key) => existsSync(path.join(dir, 'search-index', key)))).toEqual(['k1', 'k3', 'k4', 'k5']);
  });
});

describe('linkTree', () => {
  it('puts every file of a kept index in the site as a link, not a copy, and the site can be removed without touching the cache', () => {
    const cache = createSearchIndexCache(path.join(scratch, 'cache-links'));
    cache.keep('k', writtenIndex('built-links', 'linked'));
    const kept = cache.find('k')!;
    const site = path.join(scratch, 'site-links', 'pagefind');
    expect(linkTree(kept, site)).toBe(2);
    for (const file of ['pagefind-entry.json', 'fragment/a.pf_fragment']) {
      // The same file on disk: thousands of fragment files cost no copy.
      expect(statSync(path.join(site, file)).ino).toBe(statSync(path.join(kept, file)).ino);
    }
    expect(existsSync(path.join(site, '.complete'))).toBe(false);
    rmSync(path.join(scratch, 'site-links'), { recursive: true });
    expect(readFileSync(path.join(cache.find('k')!, 'fragment/a.pf_fragment'), 'utf8')).toBe('linked-fragment');
  });
});
