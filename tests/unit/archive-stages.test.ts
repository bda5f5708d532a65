import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArticleFile, type KnownNames } from '../../src/archive/stages/article-file';
import { checkFolder } from '../../src/archive/stages/folder';
import { fillLists } from '../../src/archive/stages/lists';
import { createNameBook } from '../../src/archive/stages/names';
import { createReadContext, type ReadContext } from '../../src/archive/stages/read-context';
import { checkRelatedPins } from '../../src/archive/stages/references';
import { readSections } from '../../src/archive/stages/sections';
import { storedArticle } from '../../src/archive/stages/stored-article';
import type { ArchiveArticle } from '../../src/archive/types';
import { ContentError, formatIssue, IssueCollector } from '../../src/errors/content-issue';
import { createSimilarityIndex } from '../../src/similar-stories/similar-stories';
import { article, contentFolder, type ContentChange } from '../helpers/content-folder';

const settings = { timeZone: 'Europe/London', defaultAccess: 'subscribers' as const, freeParagraphs: 2, lists: { moreFromAuthor: 4, similar: 4 } };
const buildTime = new Date('2026-06-01T12:00:00Z');

let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A read context over the helper's valid content folder with `changes`, as the first stage makes it. */
function contextFor(changes: Record<string, ContentChange> = {}, options: { includeUnpublished?: boolean } = {}): ReadContext {
  const { dir, cleanup } = contentFolder(changes);
  cleanups.push(cleanup);
  return createReadContext({ contentDir: dir, displayRoot: path.dirname(dir), settings, buildTime, cacheDir: undefined, ...options });
}

/** The problems a stage reported, as `npm run check` prints them, with the folder's own name left out. */
const reported = (issues: IssueCollector) => [...issues.errors, ...issues.warnings].map((issue) => formatIssue(issue).replace(/^masthead-content-\w+\//, ''));

const known: KnownNames = { authors: new Set(['ada', 'ben']), authorFiles: new Set(), sections: new Set(['news', 'arts']), sectionsValid: true };

describe('the folder stage', () => {
  it('stops the read at once when a required part of the folder is missing', () => {
    const context = contextFor({ 'sections.yaml': null });
    expect(() => checkFolder(context)).toThrow(ContentError);
  });
});

describe('the sections stage', () => {
  it('reads sections.yaml in its order, names typeset', () => {
    const context = contextFor({ 'sections.yaml': "- id: news\n  name: News\n- id: arts\n  name: Children's books\n" });
    const read = readSections(context);
    expect(read.valid).toBe(true);
    expect([...read.ids]).toEqual(['news', 'arts']);
    expect(read.sections.map((section) => section.name)).toEqual(['News', 'Children’s books']);
    expect(reported(context.issues)).toEqual([]);
  });

  it('reports a section listed twice at its line', () => {
    const context = contextFor({ 'sections.yaml': '- id: news\n  name: News\n- id: news\n  name: Again\n' });
    readSections(context);
    expect(reported(context.issues)).toEqual(['sections.yaml:3: 1.id: "news" is listed twice [section-duplicate]']);
  });
});

describe('the names stage', () => {
  it('refuses a reserved name and a second spelling of a name already seen', () => {
    const issues = new IssueCollector();
    const name = createNameBook('slug', issues);
    expect(name('harbour', 'articles/harbour.md')).toBe(true);
    expect(name('search', 'articles/search.md')).toBe(false);
    expect(name('Harbour', 'articles/2025/Harbour.md')).toBe(false);
    expect(issues.errors.map((issue) => issue.code)).toEqual(['reserved-name', 'name-clash']);
  });
});

describe('the article-file stage: one file to a pending article, or located problems', () => {
  const read = (body: string, options: { includeUnpublished?: boolean } = {}) => {
    const context = contextFor({ 'articles/x.md': body }, options);
    const result = readArticleFile(context, path.join(context.paths.articlesDir, 'x.md'), 'x', known);
    return { result, problems: reported(context.issues) };
  };

  it('makes a pending article from a valid file: dates in the paper’s zone, the body job, the default access', () => {
    const { result, problems } = read(article({ date: '2024-06-08' }, 'One.\n'));
    expect(problems).toEqual([]);
    expect(result.pending).toMatchObject({ slug: 'x', access: 'subscribers', valid: true, job: { markdown: 'One.\n', access: 'subscribers' } });
    expect(result.pending!.published).toEqual({ date: new Date('2024-06-07T23:00:00Z'), hasTime: false });
  });

  it('names each problem with its field and line, and keeps the article back', () => {
    const { result, problems } = read(article({ author: '[ada, zed]', label: 'Gossip' }));
    expect(problems).toEqual([
      'articles/x.md:3: author[1]: "zed" is not a known author (masthead-content-' + problems[0]!.split('masthead-content-')[1],
      expect.stringMatching(/^articles\/x\.md:7: label: "Gossip" is not one of the labels in the settings .* \[label-unknown\]$/),
    ]);
    expect(result.pending?.valid).toBe(false);
  });

  it('stops at a frontmatter that fails its schema, with nothing pending', () => {
    const { result, problems } = read(article({ date: 'yesterday' }));
    expect(result).toEqual({});
    expect(problems).toEqual([expect.stringMatching(/^articles\/x\.md:5: date: "yesterday" is not an ISO date .*\[field-invalid\]$/)]);
  });

  it('leaves a draft out of a public build before its body is read, and keeps it for a preview', () => {
    expect(read(article({ draft: 'true' })).result).toEqual({ leftOut: 'x' });
    expect(read(article({ draft: 'true' }), { includeUnpublished: true }).result.pending?.state).toEqual({ state: 'draft' });
  });
});

describe('the references stage', () => {
  it('refuses a pin to the article itself, to a draft, and to an unknown slug, each at its place', () => {
    const issues = new IssueCollector();
    const pins = { slug: 'a', shown: 'articles/a.md', related: ['a', 'b', 'nowhere'], lines: [8, 9, 10], published: true };
    checkRelatedPins([{ pins }], new Map([['b', { draft: true }]]), new Set(['a', 'b']), issues);
    expect(issues.errors.map(formatIssue)).toEqual([
      'articles/a.md:8: related[0]: "a" is this article itself; pin other stories [related-self]',
      'articles/a.md:9: related[1]: "b" is a draft; pin published stories only [related-draft]',
      'articles/a.md:10: related[2]: "nowhere" is not a known article (no articles/**/nowhere.md) [related-unknown]',
    ]);
  });
});

describe('the stored-article and lists stages', () => {
  it('store the fields kept as written typeset, the read’s results, and lists filled once the archive is known', () => {
    const slugs = ['first', 'second', 'third'];
    const context = contextFor(
      Object.fromEntries(
        slugs.map((slug, index) => [
          `articles/${slug}.md`,
          article({ title: `"Harbour's ${slug} story"`, kicker: `"Port's week"`, standfirst: `'It "happened".'`, date: `2026-01-0${index + 1}`, tags: '[harbour]' }),
        ]),
      ),
    );
    const entries: ArchiveArticle[] = slugs.map((slug) => {
      const { pending } = readArticleFile(context, path.join(context.paths.articlesDir, `${slug}.md`), slug, known);
      return { id: slug, html: '', data: storedArticle(pending!, { cut: true, sealed: false }, context.typeset) };
    });
    expect(reported(context.issues)).toEqual([]);
    expect(entries[0]!.data).toMatchObject({
      title: 'Harbour’s first story',
      kicker: 'Port’s week',
      standfirst: 'It ‘happened’.',
      section: 'news',
      tags: ['harbour'],
      author: 'ada',
      access: 'subscribers',
      cut: true,
      sealed: false,
      moreFromAuthor: [],
      similar: [],
    });
    fillLists(entries, createSimilarityIndex({ limit: 4 }), { moreFromAuthor: 4, similar: 4 });
    expect(entries.find((entry) => entry.id === 'third')!.data.moreFromAuthor).toEqual(['second', 'first']);
    expect(entries.find((entry) => entry.id === 'first')!.data.similar).toEqual([]);
  });
});
