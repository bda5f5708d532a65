import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatIssue, type ContentIssue } from '../../src/errors/content-issue';
import { readArchive } from '../../src/archive/read-archive';
import { article, contentFolder, type ContentChange } from '../helpers/content-folder';

const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 4, similar: 4 } };
let cleanups: Array<() => void> = [];
afterEach(() => {
  cleanups.forEach((cleanup) => cleanup());
  cleanups = [];
});

function read(changes: Record<string, ContentChange> = {}) {
  const { dir, cleanup } = contentFolder(changes);
  cleanups.push(cleanup);
  return readArchive({ contentDir: dir, displayRoot: path.dirname(dir), settings });
}

/** The problems a broken folder produces, each as `file: field message`, with the temp folder's name cut off. */
async function problems(changes: Record<string, ContentChange>): Promise<string[]> {
  return (await located(changes)).map(({ file, field, message }) => `${file}: ${field ? `${field} ` : ''}${message}`);
}

/** The problems a broken folder produces, as the build reports them: file, line, field, code and message. */
async function located(changes: Record<string, ContentChange>): Promise<ContentIssue[]> {
  try {
    await read(changes);
  } catch (error) {
    const cut = (text: string) => text.replace(/[^\s(]*masthead-content-\w+\//g, '');
    if (error instanceof ContentError) return error.issues.map((issue) => ({ ...issue, file: cut(issue.file), message: cut(issue.message) }));
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

  it('makes a bare date the start of its day in the paper’s zone, and keeps whether a time was given', async () => {
    const { dir, cleanup } = contentFolder({
      'articles/x.md': article({ date: '2026-07-20', updated: '2026-07-21T09:10:00Z' }),
      'articles/y.md': article({ date: '2026-11-20T01:00:00Z', updated: '2026-11-20' }), // 14:00 in Auckland
    });
    cleanups.push(cleanup);
    const archive = await readArchive({ contentDir: dir, displayRoot: path.dirname(dir), settings: { ...settings, timeZone: 'Pacific/Auckland' } });
    const data = (id: string) => archive.articles.find((entry) => entry.id === id)!.data;
    expect(data('x')).toMatchObject({ dateHasTime: false, updatedHasTime: true });
    // Midnight in Auckland (NZST, +12) is noon the day before in UTC.
    expect(data('x').date.toISOString()).toBe('2026-07-19T12:00:00.000Z');
    // A bare update on the day of a timed publication is accepted, and never dated before it.
    expect(data('y')).toMatchObject({ dateHasTime: true, updatedHasTime: false });
    expect(data('y').updated).toEqual(data('y').date);
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
    expect(archive.warnings.map(formatIssue).join('\n')).toMatch(/articles\/long\.markdown: ignoring this file: articles must end in \.md/);
    expect(archive.warnings.map(formatIssue).join('\n')).toMatch(/articles\/shout\.MD: ignoring this file/);
  });

  it('warns about unknown frontmatter fields instead of failing', async () => {
    const archive = await read({ 'articles/x.md': article({ subtitle: 'Oops' }) });
    expect(archive.warnings.map(formatIssue).join('\n')).toMatch(/articles\/x\.md:7: subtitle: ignoring unknown field "subtitle" \(known fields: title, .*\) \[unknown-field\]/);
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
      /articles\/x\.md: frontmatter is not valid YAML: /,
    );
  });

  it('rejects a file without frontmatter', async () => {
    expect((await problems({ 'articles/x.md': 'Just text.\n' }))).toEqual([
      'articles/x.md: has no frontmatter (the file must start with a line "---")',
    ]);
  });

  it('rejects the same slug in two folders, naming both files', async () => {
    expect((await problems({ 'articles/2025/first.md': article({}) }))).toEqual([
      expect.stringMatching(/^articles\/2025\/first\.md: duplicate slug "first": articles\/2024\/first\.md and this file would both be \/articles\/first\//),
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
      'sections.yaml: must be a list of { id, name } entries',
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
  it('seals the whole article for the given keys, keeping no readable paid text', async () => {
    const { openArticle } = await import('../../src/subscribers/envelope');
    const { parseKeyToken } = await import('../../src/subscribers/keys');
    const { CURRENT_KEY } = await import('../helpers/keys');
    const { dir, cleanup } = contentFolder();
    cleanups.push(cleanup);
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings, sealWith: [parseKeyToken(CURRENT_KEY)] });
    const first = archive.articles.find((entry) => entry.id === 'first')!;
    expect(JSON.stringify(archive)).not.toContain('Paid three');
    const sealed = await openArticle(JSON.parse(first.sealed!), parseKeyToken(CURRENT_KEY), 'first');
    expect(sealed).toMatch(/^<p>One\.<\/p>\n<p>Two\.<\/p>\n.*<p>Paid three\.<\/p>/s);
    expect(archive.articles.find((entry) => entry.id === 'second')!.sealed).toBeUndefined();
  });

  it('renders every article whole for the subscriber edition', async () => {
    const { dir, cleanup } = contentFolder();
    cleanups.push(cleanup);
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings, edition: 'subscribers' });
    const first = archive.articles.find((entry) => entry.id === 'first')!;
    expect(first.html).toContain('Paid three.');
    expect(first.data.cut).toBe(false);
    expect(first.sealed).toBeUndefined();
  });
});

describe('readArchive against hostile files', () => {
  it('names the file when a body is nested too deeply to render', async () => {
    const messages = await problems({ 'articles/deep.md': article({}, `${'<div>'.repeat(4000)}\n\nText.\n`) });
    expect(messages[0]).toMatch(/^articles\/deep\.md: body /);
  });

  it('names a folder whose name ends in .md instead of reading it as an article', async () => {
    expect(await problems({ 'articles/2024.md/story.md': article({}) })).toEqual([
      'articles/2024.md: is a folder, but its name ends in .md: rename it (articles are files; folders need no extension)',
    ]);
  });

  it('names the file and field for an article that swallows its own marker in raw HTML', async () => {
    expect(await problems({ 'articles/pre.md': article({}, 'One.\n\n<pre>\n\nTwo.\n\nThree.\n\nFour.\n') })).toEqual([
      'articles/pre.md: body a <pre> block opens here and is never closed with "</pre>", so it would run over what follows; close it, or the article cannot be cut safely',
    ]);
  });
});

describe('readArchive on a content folder with traps in it', () => {
  it('reports a symlink loop in the articles folder instead of walking it forever', async () => {
    const started = performance.now();
    const messages = await problems({ 'articles/2024/back-up': { symlink: '..' }, 'articles/2024/again': { symlink: '../..' } });
    expect(messages).toEqual([
      expect.stringMatching(/^articles\/2024\/again: is a symlink loop \(it leads to .*masthead-content-\w+, which contains it\)$/),
      expect.stringMatching(/^articles\/2024\/back-up: is a symlink loop \(it leads to .*articles, which contains it\)$/),
    ]);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('reports a symlink that points back to itself, naming the path', async () => {
    expect(await problems({ 'articles/self.md': { symlink: 'self.md' } })).toEqual([
      'articles/self.md: is a symlink loop (it points, through other links, back to itself)',
    ]);
  });

  it('reports a broken symlink as a content error naming the path and its target', async () => {
    expect(await problems({ 'articles/gone.md': { symlink: '../drafts/gone.md' }, 'authors/cy.md': { symlink: 'nobody.md' } })).toEqual([
      'authors/cy.md: is a broken symlink (it points to "nobody.md", which does not exist)',
      'articles/gone.md: is a broken symlink (it points to "../drafts/gone.md", which does not exist)',
    ]);
  });

  it('reports a symlink named like an author file that leads to a folder', async () => {
    expect(await problems({ 'authors/cy.md': { symlink: '../articles' } })).toEqual([
      'authors/cy.md: is a folder, but its name ends in .md: rename it (articles are files; folders need no extension)',
    ]);
  });

  it('reads articles and authors through symlinks that lead somewhere real', async () => {
    const archive = await read({
      'archive/2019/old-story.md': article({}),
      'articles/2019': { symlink: '../archive/2019' },
      'articles/linked.md': { symlink: '../archive/2019/old-story.md' },
    });
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['first', 'linked', 'old-story', 'second']);
  });

  it('reports missing parts of the folder that are the wrong kind of thing', async () => {
    expect(await problems({ 'sections.yaml': null, 'sections.yaml/x': 'a folder' })).toEqual([
      'sections.yaml: is not a file (expected a YAML list of { id, name, description })',
    ]);
    expect(await problems({ 'authors/ada.md': null, 'authors/ben.md': null, authors: { symlink: 'nowhere' } })).toEqual([
      'authors: is a broken symlink (it points to "nowhere", which does not exist)',
    ]);
  });

  it.runIf(process.platform !== 'win32')('reports a named pipe called *.md instead of waiting forever to read it', async () => {
    const { execFileSync } = await import('node:child_process');
    const { dir, cleanup } = contentFolder();
    cleanups.push(cleanup);
    execFileSync('mkfifo', [path.join(dir, 'articles/pipe.md')]);
    await expect(readArchive({ contentDir: dir, displayRoot: dir, settings })).rejects.toThrow(
      'articles/pipe.md: is not a regular file (a pipe, socket or device); it cannot be read as an article',
    );
  });
});

describe('readArchive refuses slugs and ids that the site or other systems would mix up', () => {
  it.each([
    ['an article slug', 'articles/search.md', article({}), /^articles\/search\.md: file name "search" is a reserved name \(it is the name of the search page \(\/search\/\), which the sitemap leaves out\); choose another slug$/],
    ['an article slug in another case', 'articles/2024/RSS.xml.md', article({}), /^articles\/2024\/RSS\.xml\.md: file name "RSS\.xml" is a reserved name \(it is the name of every feed/],
    ['an author id next to the Writers page', 'authors/index.html.md', '---\nname: Index\n---\n', /^authors\/index\.html\.md: file name "index\.html" is a reserved name \(.*Writers page\); choose another author id$/],
    ['a numbered sitemap', 'articles/sitemap-0.xml.md', article({}), /file name "sitemap-0\.xml" is a reserved name \(it is the name of a sitemap page\)/],
  ])('refuses %s that is a name the site uses', async (_name, file, text, message) => {
    expect(await problems({ [file]: text })).toEqual([expect.stringMatching(message)]);
  });

  it('refuses a section id that is a name the site uses', async () => {
    expect(await problems({ 'sections.yaml': '- id: news\n  name: News\n- id: arts\n  name: Arts\n- id: rss.xml\n  name: Feeds\n' })).toEqual([
      'sections.yaml: 2.id "rss.xml" is a reserved name (it is the name of every feed (/rss.xml, /sections/<id>/rss.xml, /authors/<id>/rss.xml)); choose another id',
    ]);
  });

  it('refuses two slugs that differ only in case, naming both files', async () => {
    expect(await problems({ 'articles/2025/First.md': article({}) })).toEqual([
      'articles/2025/First.md: slug "First" clashes with "first" in articles/2024/first.md: the same name in different case, which macOS and Windows checkouts treat as one file; rename one',
    ]);
  });

  it('refuses two slugs that are the same word with accents encoded two ways, naming both files', async () => {
    const nfc = 'Caf\u00e9';
    const nfd = 'Cafe\u0301';
    const messages = await problems({ [`articles/a/${nfc}.md`]: article({}), [`articles/b/${nfd}.md`]: article({}) });
    expect(messages).toEqual([
      `articles/b/${nfd}.md: slug "${nfd}" clashes with "${nfc}" in articles/a/${nfc}.md: the same name with its accents encoded two ways (Unicode NFC and NFD), which macOS and Windows checkouts treat as one file; rename one`,
    ]);
  });

  it('accepts a slug whose accents are written as combining marks', async () => {
    const archive = await read({ 'articles/Cafe\u0301.md': article({}), 'articles/\u0939\u093f\u0902\u0926\u0940.md': article({}) });
    expect(archive.articles.map((entry) => entry.id).sort()).toEqual(['Cafe\u0301', 'first', 'second', '\u0939\u093f\u0902\u0926\u0940']);
  });

  it('refuses two author ids that differ only in case', async () => {
    const messages = await problems({ 'authors/Ada.md': '---\nname: Another Ada\n---\n' });
    expect(messages).toContain(
      'authors/ada.md: author id "ada" clashes with "Ada" in authors/Ada.md: the same name in different case, which macOS and Windows checkouts treat as one file; rename one',
    );
  });

  it('refuses two section ids that differ only in case', async () => {
    expect(await problems({ 'sections.yaml': '- id: news\n  name: News\n- id: arts\n  name: Arts\n- id: News\n  name: More news\n' })).toEqual([
      'sections.yaml: 2.id "News" clashes with "news" (0.id): the same name in different case, which macOS and Windows treat as one folder of the built site; rename one',
    ]);
  });
});

describe('readArchive refuses control characters that would make feeds ill-formed', () => {
  const control = 'contains an invisible control character';
  it.each([
    ['a headline', { title: '"Budget\\a day"' }, `articles/x.md: title ${control} (U+0007, at character 7); delete it: feeds cannot carry it`],
    ['a standfirst', { standfirst: '"What \\x1b[31mhappened"' }, `articles/x.md: standfirst ${control} (U+001B, at character 6); delete it: feeds cannot carry it`],
    ['a tag', { tags: '[harbour, "dock\\x85s"]' }, `articles/x.md: tags[1] ${control} (U+0085, at character 5); delete it: feeds cannot carry it`],
    ['alt text', { image: '{ src: ./pier.jpg, alt: "The pier\\0" }' }, `articles/x.md: image.alt ${control} (U+0000, at character 9); delete it: feeds cannot carry it`],
    ['a headline, as a line separator', { title: '"Budget\\Lday"' }, 'articles/x.md: title must be on one line (it has a line break, U+2028, at character 7)'],
    ['a headline, as a new line', { title: '"Budget\\nday"' }, 'articles/x.md: title must be on one line (it has a line break, U+000A, at character 7)'],
  ])('in %s, naming the field', async (_name, fields, message) => {
    expect(await problems({ 'articles/x.md': article(fields) })).toEqual([message]);
  });

  it('accepts line breaks in a standfirst, which may run over lines', async () => {
    const archive = await read({ 'articles/x.md': article({ standfirst: '"One line.\\nAnother.\\LAnd a third."' }) });
    expect(archive.articles.find((entry) => entry.id === 'x')!.data.standfirst).toBe('One line.\nAnother.\u2028And a third.');
  });

  it('in author names and roles, and section names and descriptions', async () => {
    const messages = await problems({
      'authors/ben.md': '---\nname: "Ben\\x08 Ink"\nrole: "Editor\\u2029"\n---\n',
      'sections.yaml': '- id: news\n  name: "News\\x7f"\n- id: arts\n  name: Arts\n  description: "Stage\\x01"\n',
    });
    expect(messages).toEqual(
      expect.arrayContaining([
        `sections.yaml: 0.name ${control} (U+007F, at character 5); delete it: feeds cannot carry it`,
        `sections.yaml: 1.description ${control} (U+0001, at character 6); delete it: feeds cannot carry it`,
        `authors/ben.md: name ${control} (U+0008, at character 4); delete it: feeds cannot carry it`,
      ]),
    );
    // JavaScript's trim() removes a trailing U+2029, so one inside is the test.
    expect(await problems({ 'authors/ben.md': '---\nname: Ben Ink\nrole: "Night\\u2029editor"\n---\n' })).toContain(
      'authors/ben.md: role must be on one line (it has a line break, U+2029, at character 6)',
    );
  });
});

describe('readArchive points at the line of the problem, apart from its words', () => {
  /** The place of the only problem, and its code. */
  const placeOf = async (changes: Record<string, ContentChange>) => {
    const [issue, ...more] = await located(changes);
    expect(more).toEqual([]);
    return { line: issue!.line, field: issue!.field, code: issue!.code };
  };

  it('gives the line of a YAML error in the file, counting the opening ---', async () => {
    const changes = { 'articles/x.md': '---\ntitle: Fine\nauthor: ada\nsection: [news\n---\nBody\n' };
    expect(await problems(changes)).toEqual([
      'articles/x.md: frontmatter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(await placeOf(changes)).toEqual({ line: 4, field: 'frontmatter', code: 'yaml-invalid' });
  });

  it('suggests quotes when a value holds ": "', async () => {
    const changes = { 'articles/x.md': article({ title: 'Budget: what changes' }) };
    expect(await problems(changes)).toEqual([
      'articles/x.md: frontmatter is not valid YAML: Nested mappings are not allowed in compact mappings; a value containing ": " must be in quotes: title: "Budget: what changes"',
    ]);
    expect(await placeOf(changes)).toEqual({ line: 2, field: 'frontmatter', code: 'yaml-invalid' });
  });

  it('gives the line of a YAML error in sections.yaml', async () => {
    const changes = { 'sections.yaml': '- id: news\n  name: News\n- id: arts\n  name: Arts: stage and screen\n' };
    expect(await problems(changes)).toEqual([
      'sections.yaml: is not valid YAML: Nested mappings are not allowed in compact mappings; a value containing ": " must be in quotes: name: "Arts: stage and screen"',
    ]);
    expect(await placeOf(changes)).toEqual({ line: 4, field: undefined, code: 'yaml-invalid' });
  });

  it('gives the line of a field whose value is wrong, and of a field that names an unknown file', async () => {
    expect(await problems({ 'articles/x.md': article({ date: 'yesterday' }) })).toEqual([
      expect.stringMatching(/^articles\/x\.md: date "yesterday" is not an ISO date \(.*\)$/),
    ]);
    expect(await placeOf({ 'articles/x.md': article({ date: 'yesterday' }) })).toEqual({ line: 5, field: 'date', code: 'field-invalid' });
    expect(await placeOf({ 'articles/x.md': article({ author: 'bob' }) })).toEqual({ line: 3, field: 'author', code: 'author-unknown' });
    expect(await placeOf({ 'articles/x.md': article({ updated: '2023-01-01' }) })).toEqual({ line: 7, field: 'updated', code: 'updated-before-date' });
  });

  it('gives the lines of a body problem in the file, past the frontmatter', async () => {
    const body = 'A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->\n\nC.\n';
    expect(await placeOf({ 'articles/x.md': article({}, body) })).toEqual({ line: 10, field: 'body', code: 'free-limit-several' });
    expect(await placeOf({ 'articles/pre.md': article({}, 'One.\n\n<pre>\n\nTwo.\n\nThree.\n\nFour.\n') })).toEqual({ line: 10, field: 'body', code: 'free-limit-unclosed' });
  });

  it('prints each problem once with its place before its words and its code after', async () => {
    const [issue] = await located({ 'articles/x.md': article({ author: 'bob' }) });
    expect(formatIssue(issue!)).toBe('articles/x.md:3: author: "bob" is not a known author (authors/bob.md not found) [author-unknown]');
  });
});
