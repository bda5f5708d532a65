import { describe, expect, it } from 'vitest';
import { fieldName } from '../../src/archive/stages/markdown-file';
import { bylineParts, joinNames } from '../../src/lib/bylines';
import { recentCorrections } from '../../src/lib/corrections';
import { moreFromAuthor } from '../../src/similar-stories/lists';
import { articleTypeForLabel, newsArticle } from '../../src/lib/structured-data';

const day = (iso: string) => new Date(iso);
const fix = (date: string, text: string) => ({ date: day(date), dateHasTime: true, text });

describe('recentCorrections', () => {
  it('lists every article’s corrections together, newest first, each with its article', () => {
    const list = recentCorrections([
      { id: 'crane', data: { title: 'Crane arrives', corrections: [fix('2026-06-02T09:00:00Z', 'Aberdeen, not Dundee.'), fix('2026-06-04T15:30:00Z', 'East quay.')] } },
      { id: 'library', data: { title: 'Library reopens' } },
      { id: 'costs', data: { title: 'Crane costs', corrections: [fix('2026-06-03T10:00:00Z', 'Thursday, not Wednesday.')] } },
    ]);
    expect(list.map((entry) => [entry.slug, entry.title, entry.text])).toEqual([
      ['crane', 'Crane arrives', 'East quay.'],
      ['costs', 'Crane costs', 'Thursday, not Wednesday.'],
      ['crane', 'Crane arrives', 'Aberdeen, not Dundee.'],
    ]);
  });

  it('orders corrections of the same moment by slug, then as the article lists them, and keeps only the most recent', () => {
    const at = '2026-06-02T09:00:00Z';
    const list = recentCorrections(
      [
        { id: 'b', data: { title: 'B', corrections: [fix(at, 'b1')] } },
        { id: 'a', data: { title: 'A', corrections: [fix(at, 'a1'), fix(at, 'a2')] } },
        { id: 'c', data: { title: 'C', corrections: [fix('2020-01-01T00:00:00Z', 'old')] } },
      ],
      3,
    );
    expect(list.map((entry) => entry.text)).toEqual(['a1', 'a2', 'b1']);
  });
});

describe('corrections in JSON-LD', () => {
  const base = {
    url: 'https://example.org/articles/x/',
    headline: 'X',
    description: 'Y',
    datePublished: day('2026-06-01T07:00:00Z'),
    author: { name: 'Ada', url: 'https://example.org/authors/ada/' },
    publisher: { name: 'Paper', url: 'https://example.org/' },
    section: 'News',
    keywords: [],
    isAccessibleForFree: false,
  };

  it('gives each correction as a schema.org CorrectionComment with its date and text', () => {
    const data = newsArticle({ ...base, corrections: [{ datePublished: day('2026-06-02T08:00:00Z'), text: 'Aberdeen, not Dundee.' }] });
    expect(data.correction).toEqual([{ '@type': 'CorrectionComment', datePublished: '2026-06-02T08:00:00.000Z', text: 'Aberdeen, not Dundee.' }]);
  });

  it('has no correction property for an article never corrected', () => {
    expect(newsArticle(base)).not.toHaveProperty('correction');
    expect(newsArticle({ ...base, corrections: [] })).not.toHaveProperty('correction');
  });
});

describe('fieldName', () => {
  it('names list items with brackets, as a newsroom reads them', () => {
    expect(fieldName(['corrections', 1, 'text'])).toBe('corrections[1].text');
    expect(fieldName(['author', 1])).toBe('author[1]');
    expect(fieldName(['image', 'alt'])).toBe('image.alt');
    expect(fieldName([0, 'name'])).toBe('0.name');
  });
});

describe('labels in JSON-LD', () => {
  it('maps the labels schema.org has a type for, whatever their case, and leaves the rest NewsArticle', () => {
    expect(articleTypeForLabel('Opinion')).toBe('OpinionNewsArticle');
    expect(articleTypeForLabel('analysis')).toBe('AnalysisNewsArticle');
    expect(articleTypeForLabel('Review')).toBe('ReviewNewsArticle');
    expect(articleTypeForLabel('Explainer')).toBe('BackgroundNewsArticle');
    expect(articleTypeForLabel('Obituary')).toBe('NewsArticle');
    expect(articleTypeForLabel(undefined)).toBe('NewsArticle');
  });
});

describe('bylines with several authors', () => {
  it('joins two names with "and", and three with commas and "and", as British English does', () => {
    expect(joinNames(['Ada Quill'], 'en-GB')).toBe('Ada Quill');
    expect(joinNames(['Ada Quill', 'Ben Ink'], 'en-GB')).toBe('Ada Quill and Ben Ink');
    expect(joinNames(['Ada Quill', 'Ben Ink', 'Cleo Marsh'], 'en-GB')).toBe('Ada Quill, Ben Ink and Cleo Marsh');
  });

  it('gives pages each author’s place, so every name can be a link', () => {
    expect(bylineParts(3, 'en-GB')).toEqual([{ author: 0 }, { text: ', ' }, { author: 1 }, { text: ' and ' }, { author: 2 }]);
    expect(bylineParts(0, 'en-GB')).toEqual([]);
  });

  it('lists every author in JSON-LD', () => {
    const data = newsArticle({
      url: 'https://example.org/articles/x/',
      headline: 'X',
      description: 'Y',
      datePublished: new Date('2026-06-01T07:00:00Z'),
      author: [
        { name: 'Ben Ink', url: 'https://example.org/authors/ben/' },
        { name: 'Ada Quill', url: 'https://example.org/authors/ada/' },
      ],
      publisher: { name: 'Paper', url: 'https://example.org/' },
      section: 'News',
      keywords: [],
      isAccessibleForFree: true,
    });
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'Ben Ink', url: 'https://example.org/authors/ben/' },
      { '@type': 'Person', name: 'Ada Quill', url: 'https://example.org/authors/ada/' },
    ]);
  });
});

describe('More from this author with several authors', () => {
  const at = (day: number) => new Date(Date.UTC(2026, 5, day));
  it('counts a shared piece for each author, and gives the shared piece its first author’s list', () => {
    const lists = moreFromAuthor(
      [
        { id: 'joint', author: 'ben', authors: ['ben', 'ada'], date: at(8) },
        { id: 'ada-1', author: 'ada', date: at(1) },
        { id: 'ben-1', author: 'ben', date: at(5) },
      ],
      4,
    );
    expect(lists.get('ada-1')).toEqual(['joint']);
    expect(lists.get('ben-1')).toEqual(['joint']);
    expect(lists.get('joint')).toEqual(['ben-1']);
  });
});
