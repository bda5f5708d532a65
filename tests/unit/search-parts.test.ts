import { describe, expect, it } from 'vitest';
import { splitSearchParts, yearIn } from '../../src/search/parts';

const story = (slug: string, iso: string) => ({ slug, date: new Date(iso) });

describe('the search index in two parts', () => {
  it('puts the newest year’s stories in the main part and every earlier year in the archive part, each in the order given', () => {
    const stories = [story('a', '2026-03-01'), story('b', '2024-07-01'), story('c', '2026-01-02'), story('d', '2025-12-31T12:00:00Z')];
    const parts = splitSearchParts(stories, (each) => each.date, 'Europe/London');
    expect(parts.main.map((each) => each.slug)).toEqual(['a', 'c']);
    expect(parts.archive.map((each) => each.slug)).toEqual(['b', 'd']);
  });

  it('reads the year in the paper’s time zone: New Year’s Eve in New York is already New Year in London', () => {
    const late = new Date('2026-01-01T03:00:00Z');
    expect(yearIn(late, 'Europe/London')).toBe(2026);
    expect(yearIn(late, 'America/New_York')).toBe(2025);
    const stories = [story('new', '2026-06-01'), { slug: 'eve', date: late }];
    expect(splitSearchParts(stories, (each) => each.date, 'America/New_York').archive.map((each) => each.slug)).toEqual(['eve']);
    expect(splitSearchParts(stories, (each) => each.date, 'Europe/London').archive).toEqual([]);
  });

  it('has no archive part when every story is from one year, and a main part even for no story at all', () => {
    expect(splitSearchParts([story('a', '2026-01-01'), story('b', '2026-12-31')], (each) => each.date, 'UTC').archive).toEqual([]);
    expect(splitSearchParts([], (each: { date: Date }) => each.date, 'UTC')).toEqual({ main: [], archive: [] });
  });
});
