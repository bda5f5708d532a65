import { describe, expect, it } from 'vitest';
import type { Archive } from '../../src/archive/read-archive';
import { aboutCrane, archiveReader, cranes } from '../helpers/archive-reader';
import { article } from '../helpers/content-folder';

const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 1, similar: 4 } };
const buildTime = new Date('2026-06-10T09:00:00Z');
const read = archiveReader(settings, buildTime);
const readWithOwnLabels = archiveReader({ ...settings, labels: ['Sport diary'] }, buildTime);
const about = aboutCrane;
const published = cranes;
const unpublished = {
  'articles/crane-draft.md': about('Crane moved', '2026-06-04', { draft: 'true' }),
  'articles/crane-later.md': about('Crane sold', '2026-06-10T12:00:00+01:00'),
};

describe('drafts and embargoed articles in the archive', () => {
  it('leaves them out of a public archive and out of every other article’s lists, as if they did not exist', async () => {
    const without = await read(published);
    const withThem = await read({ ...published, ...unpublished });
    expect(withThem.articles.map((entry) => entry.id).sort()).toEqual(['crane-a', 'crane-b', 'crane-c', 'first', 'second']);
    const lists = (archive: Archive) => archive.articles.map(({ id, data }) => [id, data.similar, data.moreFromAuthor]);
    expect(lists(withThem)).toEqual(lists(without));
    expect(withThem.images).toEqual([]);
  });

  it('names the embargoed piece that falls due first', async () => {
    const archive = await read({ ...published, ...unpublished });
    expect(archive.nextEmbargo).toEqual({ slug: 'crane-later', at: new Date('2026-06-10T11:00:00Z') });
  });

  it('keeps them, marked, when unpublished articles are included (dev and preview)', async () => {
    const archive = await read({ ...published, ...unpublished }, { includeUnpublished: true });
    const data = (id: string) => archive.articles.find((entry) => entry.id === id)?.data;
    expect(data('crane-draft')?.draft).toBe(true);
    expect(data('crane-later')?.embargoedUntil).toEqual(new Date('2026-06-10T11:00:00Z'));
    expect(data('crane-a')?.draft).toBeUndefined();
    expect(data('crane-a')?.embargoedUntil).toBeUndefined();
  });

  it('refuses a draft field that is not true or false, naming the field', async () => {
    await expect(read({ 'articles/x.md': article({ draft: 'maybe' }) })).rejects.toThrow(/articles\/x\.md:7: draft: must be true or false \[field-invalid\]/);
  });
});


describe('corrections in the archive', () => {
  const corrected = (corrections: string) => ({ 'articles/x.md': article({ date: '2026-06-01T08:00:00+01:00' }).replace('---\nBody', `${corrections}\n---\nBody`) });

  it('keeps each correction with its date resolved in the paper’s zone and its text typeset', async () => {
    const archive = await read(corrected("corrections:\n  - date: 2026-06-02\n    text: The crane's home port is Aberdeen."));
    expect(archive.articles.find((entry) => entry.id === 'x')?.data.corrections).toEqual([
      { date: new Date('2026-06-01T23:00:00Z'), dateHasTime: false, text: 'The crane’s home port is Aberdeen.' },
    ]);
  });

  it('refuses a correction without text or date, naming the field with its place in the list', async () => {
    const problems = await read(corrected('corrections:\n  - date: 2026-06-02\n    text: Fine.\n  - date: 2026-06-03\n    text: "  "\n  - text: No date.')).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(problems).toContain('articles/x.md:11: corrections[1].text: must not be empty [field-invalid]');
    expect(problems).toContain('articles/x.md:12: corrections[2].date: is required [field-required]');
  });

  it('refuses a correction dated before the article', async () => {
    await expect(read(corrected('corrections:\n  - date: 2026-05-30\n    text: Too early.'))).rejects.toThrow(/articles\/x\.md:8: corrections\[0\]\.date: is earlier than date \[correction-before-date\]/);
  });
});

describe('labels in the archive', () => {
  it('keeps a label in the settings’ spelling, whatever case the article wrote it in', async () => {
    const archive = await read({ 'articles/x.md': article({ label: 'opinion' }) });
    expect(archive.articles.find((entry) => entry.id === 'x')?.data.label).toBe('Opinion');
  });

  it('refuses a label the settings do not list, naming the file and field and listing the allowed ones', async () => {
    await expect(read({ 'articles/x.md': article({ label: 'Opnion' }) })).rejects.toThrow(
      /articles\/x\.md:7: label: "Opnion" is not one of the labels in the settings \(allowed: Opinion, Analysis, Review, Obituary, Explainer, Interview, Editorial, Letters; see labels in src\/settings\.ts\) \[label-unknown\]/,
    );
  });

  it('reads the allowed labels from the settings', async () => {
    const archive = await readWithOwnLabels({ 'articles/x.md': article({ label: 'Sport diary' }) });
    expect(archive.articles.find((entry) => entry.id === 'x')?.data.label).toBe('Sport diary');
  });
});

describe('several authors in the archive', () => {
  it('keeps every author in byline order, the first as the article’s author', async () => {
    const archive = await read({ 'articles/x.md': article({ author: '[ben, ada]' }) });
    const data = archive.articles.find((entry) => entry.id === 'x')?.data;
    expect(data?.author).toBe('ben');
    expect(data?.authors).toEqual(['ben', 'ada']);
  });

  it('refuses an unknown author in a list, naming its place', async () => {
    await expect(read({ 'articles/x.md': article({ author: '[ada, bob]' }) })).rejects.toThrow(/articles\/x\.md:3: author\[1\]: "bob" is not a known author \(.*bob\.md not found\) \[author-unknown\]/);
  });

  it('refuses an empty list and an author named twice', async () => {
    await expect(read({ 'articles/x.md': article({ author: '[]' }) })).rejects.toThrow(/articles\/x\.md:3: author: must name at least one author/);
    await expect(read({ 'articles/x.md': article({ author: '[ada, ada]' }) })).rejects.toThrow(/articles\/x\.md:3: author\[1\]: names "ada" twice; list each author once/);
  });
});
