import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchive, type Archive } from '../../src/archive/read-archive';
import { aboutCrane, archiveReader, cranes } from '../helpers/archive-reader';
import { article, contentFolder } from '../helpers/content-folder';

const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 1, similar: 3 } };
const buildTime = new Date('2026-06-10T09:00:00Z');
const read = archiveReader(settings, buildTime);
const about = aboutCrane;
const similarOf = (archive: Archive, id: string) => archive.articles.find((entry) => entry.id === id)?.data.similar;

describe('related pins and similar: false in the archive', () => {
  it('shows an article’s pinned stories first in its Similar stories', async () => {
    const archive = await read({ ...cranes, 'articles/crane-a.md': about('Crane arrives', '2026-06-01', { related: '[first, crane-c]' }) });
    expect(similarOf(archive, 'crane-a')?.slice(0, 2)).toEqual(['first', 'crane-c']);
  });

  it('leaves an article with similar: false out of every other article’s Similar stories', async () => {
    const archive = await read({ ...cranes, 'articles/crane-b.md': about('Crane tested', '2026-06-02', { similar: 'false' }) });
    for (const entry of archive.articles) expect(entry.data.similar, entry.id).not.toContain('crane-b');
    expect(similarOf(archive, 'crane-b')?.length).toBeGreaterThan(0);
  });

  it('refuses an unknown slug, naming the file and its place in related', async () => {
    await expect(read({ ...cranes, 'articles/crane-a.md': about('Crane arrives', '2026-06-01', { related: '[crane-b, crane-z]' }) })).rejects.toThrow(
      /articles\/crane-a\.md:\d+: related\[1\]: "crane-z" is not a known article \(no articles\/\*\*\/crane-z\.md\) \[related-unknown\]/,
    );
  });

  it('refuses a draft or an embargoed piece, which the public site would not have', async () => {
    const held = {
      'articles/crane-draft.md': about('Crane moved', '2026-06-04', { draft: 'true' }),
      'articles/crane-later.md': about('Crane sold', '2026-06-10T12:00:00+01:00'),
    };
    const pinning = { ...cranes, ...held, 'articles/crane-a.md': about('Crane arrives', '2026-06-01', { related: '[crane-b, crane-draft, crane-later]' }) };
    await expect(read(pinning)).rejects.toThrow(/articles\/crane-a\.md:\d+: related\[1\]: "crane-draft" is not published in this build/);
    await expect(read(pinning)).rejects.toThrow(/articles\/crane-a\.md:\d+: related\[2\]: "crane-later" is not published in this build/);
    // A preview build says which: the pin would still break the public build.
    await expect(read(pinning, { includeUnpublished: true })).rejects.toThrow(/related\[1\]: "crane-draft" is a draft/);
    await expect(read(pinning, { includeUnpublished: true })).rejects.toThrow(/related\[2\]: "crane-later" is under embargo until 2026-06-10T11:00:00\.000Z/);
  });

  it('refuses the article itself, a slug named twice and a similar that is not true or false', async () => {
    await expect(read({ ...cranes, 'articles/crane-a.md': about('Crane arrives', '2026-06-01', { related: '[crane-a]' }) })).rejects.toThrow(
      /articles\/crane-a\.md:\d+: related\[0\]: "crane-a" is this article itself/,
    );
    await expect(read({ ...cranes, 'articles/crane-a.md': about('Crane arrives', '2026-06-01', { related: '[crane-b, crane-b]' }) })).rejects.toThrow(
      /articles\/crane-a\.md:\d+: related\[1\]: names "crane-b" twice/,
    );
    await expect(read({ ...cranes, 'articles/crane-a.md': about('Crane arrives', '2026-06-01', { similar: 'no' }) })).rejects.toThrow(
      /articles\/crane-a\.md:\d+: similar: must be true or false/,
    );
  });
});

describe('the lists kept from the last build', () => {
  const listsOf = (archive: Archive) => archive.articles.map(({ id, data }) => [id, data.moreFromAuthor, data.similar]);

  it('are used again while nothing they are computed from changed, and computed again, as from scratch, after one body changed', async () => {
    const { dir, cleanup } = contentFolder({ ...cranes, 'articles/tide.md': aboutCrane('Tide tables', '2026-06-04') });
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-lists-'));
    try {
      const options = { contentDir: dir, displayRoot: path.dirname(dir), settings, buildTime, threads: 1 };
      const first = await readArchive({ ...options, cacheDir });
      expect(first.listsKept).toBe(false);
      const again = await readArchive({ ...options, cacheDir });
      expect(again.listsKept).toBe(true);
      expect(listsOf(again)).toEqual(listsOf(first));
      // New words in one body: every story's weights move, so all lists are computed again.
      writeFileSync(path.join(dir, 'articles/tide.md'), article({ title: 'Tide tables', date: '2026-06-04' }, 'The harbour crane tide tables were printed.\n\nThe quay crane rail and tide gauge were checked.\n'));
      const changed = await readArchive({ ...options, cacheDir });
      expect(changed.listsKept).toBe(false);
      expect(listsOf(changed)).toEqual(listsOf(await readArchive({ ...options, cacheDir: undefined })));
      // A changed list setting too.
      expect((await readArchive({ ...options, cacheDir, settings: { ...settings, lists: { moreFromAuthor: 2, similar: 3 } } })).listsKept).toBe(false);
      // The per-article record the similarity model is skipped by, damaged: the lists are still the right ones.
      const digests = path.join(cacheDir, 'lists', 'public.inputs.json');
      const real = JSON.parse(readFileSync(digests, 'utf8')) as string[];
      writeFileSync(digests, JSON.stringify(real.map((digest, index) => (index === real.length - 1 ? 'x' : digest))));
      const mended = await readArchive({ ...options, cacheDir });
      expect(listsOf(mended)).toEqual(listsOf(await readArchive({ ...options, cacheDir: undefined })));
      writeFileSync(digests, 'not json');
      expect(listsOf(await readArchive({ ...options, cacheDir }))).toEqual(listsOf(mended));
    } finally {
      cleanup();
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});
