import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/content/errors';
import { readArchive } from '../../src/content/read-archive';
import { article, contentFolder } from '../helpers/content-folder';

const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 4, similar: 4 } };
let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function read(changes: Record<string, string | null> = {}) {
  const { dir, cleanup } = contentFolder(changes);
  cleanups.push(cleanup);
  return readArchive({ contentDir: dir, displayRoot: path.dirname(dir), settings });
}

/** The messages a broken folder produces, with the temp folder's name cut off. */
async function problems(changes: Record<string, string | null>): Promise<string[]> {
  try {
    await read(changes);
  } catch (error) {
    if (error instanceof ContentError) return error.message.split('\n').slice(1).map((line) => line.trim().replace(/^masthead-content-\w+\//, ''));
    throw error;
  }
  throw new Error('expected the content to be rejected');
}

describe('readArchive on valid content', () => {
  it('reads sections, authors and articles with slugs from file names', async () => {
    const archive = await read();
    expect(archive.sections.map((section) => section.id)).toEqual(['news', 'arts']);
    expect(archive.authors.map((author) => author.id)).toEqual(['ada', 'ben']);
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['first', 'second']);
  });

  it('keeps only the free part of paywalled articles', async () => {
    const first = (await read()).articles.find((entry) => entry.id === 'first')!;
    expect(first.html).toContain('Two.');
    expect(first.html).not.toContain('Paid');
    expect(JSON.stringify(first)).not.toContain('Paid three');
    expect(first.data.cut).toBe(true);
    expect(first.data.access).toBe('subscribers');
  });

  it('applies the default access from settings and parses dates', async () => {
    const [second] = (await read()).articles.filter((entry) => entry.id === 'second');
    expect(second!.data.access).toBe('free');
    expect(second!.data.date.toISOString()).toBe('2024-06-09T10:00:00.000Z');
    expect(second!.data.tags).toEqual(['theatre']);
  });

  it('reads a single tag written without a list', async () => {
    const archive = await read({ 'articles/x.md': article({ tags: 'harbour' }) });
    expect(archive.articles.find((entry) => entry.id === 'x')!.data.tags).toEqual(['harbour']);
  });

  it('skips drafts and notes whose names start with an underscore', async () => {
    const archive = await read({ 'articles/_draft.md': 'not even frontmatter', 'articles/_templates/story.md': 'nor this' });
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['first', 'second']);
  });

  it('warns about articles with a near-miss extension instead of dropping them silently', async () => {
    const archive = await read({ 'articles/shout.MD': article({}), 'articles/long.markdown': article({}) });
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['first', 'second']);
    expect(archive.warnings.join('\n')).toMatch(/articles\/long\.markdown: ignoring this file: articles must end in \.md/);
    expect(archive.warnings.join('\n')).toMatch(/articles\/shout\.MD: ignoring this file/);
  });

  it('warns about unknown frontmatter fields instead of failing', async () => {
    const archive = await read({ 'articles/x.md': article({ subtitle: 'Oops' }) });
    expect(archive.warnings.join('\n')).toMatch(/articles\/x\.md: ignoring unknown field "subtitle"/);
  });
});

describe('readArchive on broken content names the file and the field', () => {
  it('rejects an unknown author, pointing at the missing author file', async () => {
    expect((await problems({ 'articles/x.md': article({ author: 'bob' }) }))).toEqual([
      expect.stringMatching(/articles\/x\.md: author "bob" is not a known author \(.*authors\/bob\.md not found\)$/),
    ]);
  });

  it('rejects an unknown section, listing the known ones', async () => {
    expect((await problems({ 'articles/x.md': article({ section: 'sport' }) }))[0]).toMatch(
      /articles\/x\.md: section "sport" is not a known section \(known: news, arts/,
    );
  });

  it.each(['title', 'author', 'section', 'date', 'standfirst'])('rejects a missing %s', async (field) => {
    expect((await problems({ 'articles/x.md': article({ [field]: undefined }) }))).toContain(`articles/x.md: ${field} is required`);
  });

  it('rejects a date that is not ISO', async () => {
    expect((await problems({ 'articles/x.md': article({ date: 'yesterday' }) }))[0]).toMatch(
      /articles\/x\.md: date "yesterday" is not an ISO date/,
    );
    expect((await problems({ 'articles/x.md': article({ date: '2024-02-30' }) }))[0]).toMatch(/date "2024-02-30" is not an ISO date/);
  });

  it('rejects an access value other than subscribers or free', async () => {
    expect((await problems({ 'articles/x.md': article({ access: 'premium' }) }))[0]).toMatch(/articles\/x\.md: access /);
  });

  it('rejects tags that are not a list of strings', async () => {
    expect((await problems({ 'articles/x.md': article({ tags: '{ a: 1 }' }) }))[0]).toMatch(/articles\/x\.md: tags must be a list/);
  });

  it('rejects an update dated before publication', async () => {
    expect((await problems({ 'articles/x.md': article({ updated: '2023-01-01' }) }))).toEqual(['articles/x.md: updated is earlier than date']);
  });

  it('rejects two free-limit markers, with their line numbers in the file', async () => {
    const body = 'A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->\n\nC.\n';
    expect((await problems({ 'articles/x.md': article({}, body) }))).toEqual([
      'articles/x.md: body has 2 free-limit markers (lines 10, 14); keep exactly one',
    ]);
  });

  it('rejects broken YAML with its line', async () => {
    expect((await problems({ 'articles/x.md': '---\ntitle: "unclosed\nauthor: ada\n---\nBody\n' }))[0]).toMatch(
      /articles\/x\.md: frontmatter is not valid YAML \(line \d+/,
    );
  });

  it('rejects a file without frontmatter', async () => {
    expect((await problems({ 'articles/x.md': 'Just text.\n' }))).toEqual([
      'articles/x.md: has no frontmatter (the file must start with a line "---")',
    ]);
  });

  it('rejects the same slug in two folders, naming both files', async () => {
    expect((await problems({ 'articles/2025/first.md': article({}) }))).toEqual([
      expect.stringMatching(/duplicate slug "first": .*articles\/2024\/first\.md and .*articles\/2025\/first\.md/),
    ]);
  });

  it('rejects a file name that cannot be a URL slug', async () => {
    expect((await problems({ 'articles/My Story.md': article({}) }))[0]).toMatch(/articles\/My Story\.md: file name "My Story" must be a URL slug/);
    expect((await problems({ 'articles/what?.md': article({}) }))[0]).toMatch(/must be a URL slug/);
  });

  it('accepts slugs and ids that are not kebab-case', async () => {
    const archive = await read({
      'authors/john_smith.md': '---\nname: John Smith\n---\n',
      'articles/Big_Story-2024.md': article({ author: 'john_smith' }),
      'articles/café.md': article({}),
    });
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['Big_Story-2024', 'café', 'first', 'second']);
  });

  it('rejects an author without a name', async () => {
    const messages = (await problems({ 'authors/ada.md': '---\nrole: Reporter\n---\nBio.\n' }));
    expect(messages).toContain('authors/ada.md: name is required');
    expect(messages.some((message) => /articles\/2024\/first\.md: author "ada" refers to .*authors\/ada\.md, which has errors of its own/.test(message))).toBe(true);
  });

  it('rejects a missing sections.yaml and a section without a name', async () => {
    expect((await problems({ 'sections.yaml': null }))[0]).toMatch(/sections\.yaml: is missing/);
    expect((await problems({ 'sections.yaml': '- id: news\n- id: arts\n  name: Arts\n' }))).toEqual(['sections.yaml: 0.name is required']);
    expect((await problems({ 'sections.yaml': 'news: News\n' }))).toEqual([
      'sections.yaml: the file must be a list of { id, name } entries',
    ]);
  });

  it('rejects a section listed twice', async () => {
    expect((await problems({ 'sections.yaml': '- id: news\n  name: News\n- id: news\n  name: More news\n- id: arts\n  name: Arts\n' }))).toContain(
      'sections.yaml: 1.id "news" is listed twice',
    );
  });

  it('reports every problem at once', async () => {
    const messages = (await problems({
      'articles/x.md': article({ author: 'bob' }),
      'articles/y.md': article({ title: undefined }),
    }));
    expect(messages).toHaveLength(2);
  });
});

describe('readArchive for subscribers', () => {
  it('seals the paid part for the given keys, keeping no readable paid text', async () => {
    const { openArticle } = await import('../../src/lib/paywall/envelope');
    const { parseKeyToken } = await import('../../src/lib/paywall/keys');
    const { CURRENT_KEY } = await import('../helpers/keys');
    const { dir, cleanup } = contentFolder();
    cleanups.push(cleanup);
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings, sealWith: [parseKeyToken(CURRENT_KEY)] });
    const first = archive.articles.find((entry) => entry.id === 'first')!;
    expect(JSON.stringify(archive)).not.toContain('Paid three');
    expect(await openArticle(JSON.parse(first.data.sealed!), parseKeyToken(CURRENT_KEY))).toBe('<p>Paid three.</p>');
    expect(archive.articles.find((entry) => entry.id === 'second')!.data.sealed).toBeUndefined();
  });

  it('renders every article whole for the subscriber edition', async () => {
    const { dir, cleanup } = contentFolder();
    cleanups.push(cleanup);
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings, edition: 'subscribers' });
    const first = archive.articles.find((entry) => entry.id === 'first')!;
    expect(first.html).toContain('Paid three.');
    expect(first.data.cut).toBe(false);
    expect(first.data.sealed).toBeUndefined();
  });
});

describe('readArchive against hostile files', () => {
  it('names the file when a body is nested too deeply to render', async () => {
    const messages = await problems({ 'articles/deep.md': article({}, `${'<div>'.repeat(4000)}\n\nText.\n`) });
    expect(messages[0]).toMatch(/^articles\/deep\.md: body /);
  });

  it('ignores a folder whose name ends in .md', async () => {
    const archive = await read({ 'articles/2024.md/story.md': article({}) });
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['first', 'second', 'story']);
  });

  it('names the file and field for an article that swallows its own marker in raw HTML', async () => {
    expect(await problems({ 'articles/pre.md': article({}, 'One.\n\n<pre>\n\nTwo.\n\nThree.\n\nFour.\n') })).toEqual([
      'articles/pre.md: body line 10: a <pre> is opened here and never closed with </pre>; close it, or the article cannot be cut safely',
    ]);
  });
});
