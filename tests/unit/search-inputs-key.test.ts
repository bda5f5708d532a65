import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArchive } from '../../src/archive/read-archive';
import { archiveSearchParts, archiveSearchRecords } from '../../src/search/archive-records';
import { createSearchIndexCache, searchIndexKey } from '../../src/search/index-cache';
import { aboutCrane, cranes } from '../helpers/archive-reader';
import { article, contentFolder } from '../helpers/content-folder';

const settings = { freeParagraphs: 1, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 1, similar: 3 } };
const buildTime = new Date('2026-06-10T09:00:00Z');
const london = { locale: 'en-GB', timeZone: 'Europe/London' };
const folders: Array<() => void> = [];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'masthead-search-inputs-'));
afterAll(() => {
  for (const cleanup of folders) cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const { dir, cleanup } = contentFolder(cranes);
folders.push(cleanup);

/** The search parts' inputs key and records key of the content folder with `changes` written in, built under `basePath` with `dateFormat`; the files are put back after. */
async function keys(changes: Record<string, string>, basePath = '/', dateFormat = london) {
  const before = Object.keys(changes).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')] as const);
  for (const [file, text] of Object.entries(changes)) writeFileSync(path.join(dir, file), text);
  try {
    const options = { contentDir: dir, displayRoot: path.dirname(dir), settings, buildTime, basePath };
    const published = { archive: await readArchive(options), options };
    const parts = archiveSearchParts(published, dateFormat);
    return { inputs: parts.inputsKey(published.archive.articles), records: searchIndexKey(archiveSearchRecords(published, dateFormat), '1') };
  } finally {
    for (const [file, text] of before) writeFileSync(path.join(dir, file), text);
  }
}

describe('a search part’s inputs key', () => {
  it('is the same for the same archive, and changes with everything its records are made from', async () => {
    const base = await keys({});
    expect(base.inputs).toMatch(/^[0-9a-f]{64}$/);
    expect((await keys({})).inputs).toBe(base.inputs);
    const changes: Array<[string, () => ReturnType<typeof keys>]> = [
      ['a headline', () => keys({ 'articles/crane-b.md': aboutCrane('Crane tested again', '2026-06-02') })],
      ['a body', () => keys({ 'articles/crane-b.md': article({ title: 'Crane tested', date: '2026-06-02', tags: '[harbour, crane]' }, 'The harbour crane lifted a boat.\n\nThe quay crane rail was checked.\n') })],
      ['a date', () => keys({ 'articles/crane-b.md': aboutCrane('Crane tested', '2026-06-04') })],
      ['a label', () => keys({ 'articles/crane-b.md': aboutCrane('Crane tested', '2026-06-02', { label: 'Analysis' }) })],
      ['the base path', () => keys({}, '/paper/')],
      ['the time zone', () => keys({}, '/', { locale: 'en-GB', timeZone: 'Pacific/Auckland' })],
    ];
    for (const [what, changed] of changes) {
      const { inputs, records } = await changed();
      expect(records, `${what}: the records change`).not.toBe(base.records);
      expect(inputs, `${what}: so does the inputs key`).not.toBe(base.inputs);
    }
  });
});

describe('the search index cache’s note of which records inputs made', () => {
  it('gives the records key back only while that index is kept', () => {
    const cache = createSearchIndexCache(scratch);
    const key = 'ab'.repeat(16);
    cache.remember('inputs-1', key);
    expect(cache.recall('inputs-1')).toBeUndefined();
    const written = path.join(scratch, 'written');
    cache.keep(key, mkdtempSync(`${written}-`));
    expect(cache.recall('inputs-1')).toBe(key);
    expect(cache.recall('inputs-2')).toBeUndefined();
  });
});
