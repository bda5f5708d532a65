import { describe, expect, it } from 'vitest';
import { archivePartSize, splitSearchParts, yearIn } from '../../src/search/parts';

const story = (slug: string, iso: string) => ({ slug, date: new Date(iso) });
const slugs = (items: Array<{ slug: string }>) => items.map((each) => each.slug);

describe('the search index in parts', () => {
  it('puts the newest year’s stories in the main part and every earlier year in one archive part, each in the order given', () => {
    const stories = [story('a', '2026-03-01'), story('b', '2024-07-01'), story('c', '2026-01-02'), story('d', '2025-12-31T12:00:00Z')];
    const parts = splitSearchParts(stories, (each) => each.date, 'Europe/London');
    expect(slugs(parts.main)).toEqual(['a', 'c']);
    expect(parts.archive.map((part) => ({ folder: part.folder, slugs: slugs(part.items) }))).toEqual([{ folder: 'archive-2024-2025', slugs: ['b', 'd'] }]);
  });

  it('reads the year in the paper’s time zone: New Year’s Eve in New York is already New Year in London', () => {
    const late = new Date('2026-01-01T03:00:00Z');
    expect(yearIn(late, 'Europe/London')).toBe(2026);
    expect(yearIn(late, 'America/New_York')).toBe(2025);
    const stories = [story('new', '2026-06-01'), { slug: 'eve', date: late }];
    expect(splitSearchParts(stories, (each) => each.date, 'America/New_York').archive).toEqual([{ folder: 'archive-2025', items: [{ slug: 'eve', date: late }] }]);
    expect(splitSearchParts(stories, (each) => each.date, 'Europe/London').archive).toEqual([]);
  });

  it('cuts a big archive at year boundaries, oldest first, and never moves a boundary when this year grows', () => {
    // Three stories a year from 2015 to 2025, parts of at most seven: 2015–2016 (6), 2017–2018 (6)... each year whole.
    const archive = Array.from({ length: 11 }, (_, year) => [1, 2, 3].map((n) => story(`${2015 + year}-${n}`, `${2015 + year}-0${n}-01`))).flat();
    const split = (newest: number) =>
      splitSearchParts([...archive, ...Array.from({ length: newest }, (_, n) => story(`2026-${n}`, '2026-06-01'))], (each) => each.date, 'UTC', 7);
    const parts = split(1);
    expect(parts.archive.map((part) => part.folder)).toEqual(['archive-2015-2016', 'archive-2017-2018', 'archive-2019-2020', 'archive-2021-2022', 'archive-2023-2024', 'archive-2025']);
    expect(parts.archive.every((part) => part.items.length <= 7)).toBe(true);
    expect(split(500).archive).toEqual(parts.archive);
    // One year alone bigger than a part is a part of its own.
    const busy = splitSearchParts([...Array.from({ length: 9 }, (_, n) => story(`2020-${n}`, '2020-05-01')), story('now', '2026-01-01')], (each) => each.date, 'UTC', 7);
    expect(busy.archive.map((part) => [part.folder, part.items.length])).toEqual([['archive-2020', 9]]);
  });

  it('has no archive part when every story is from one year, and a main part even for no story at all', () => {
    expect(splitSearchParts([story('a', '2026-01-01'), story('b', '2026-12-31')], (each) => each.date, 'UTC').archive).toEqual([]);
    expect(splitSearchParts([], (each: { date: Date }) => each.date, 'UTC')).toEqual({ main: [], archive: [] });
  });

  it('sizes archive parts to a quarter of the earlier years, in steps of 5,000, from 5,000 to 20,000 stories', () => {
    expect([1, 5_000, 8_192, 20_000, 20_001, 40_000, 98_000, 120_000, 400_000].map(archivePartSize)).toEqual([
      5_000, 5_000, 5_000, 5_000, 10_000, 10_000, 20_000, 20_000, 20_000,
    ]);
    // Ten stories a day for 1,000 days up to June 2026: this year is the main part; 2023 with 2024 is one part, 2025 another,
    // so a correction to a 2025 story re-indexes 3,650 stories, not the 8,200 of all earlier years.
    const end = Date.UTC(2026, 5, 20);
    const daily = Array.from({ length: 10_000 }, (_, n) => ({ slug: `s${n}`, date: new Date(end - Math.floor(n / 10) * 86_400_000) }));
    const parts = splitSearchParts(daily, (each) => each.date, 'UTC');
    expect(parts.archive.map((part) => [part.folder, part.items.length])).toEqual([
      ['archive-2023-2024', 3_660 + 980],
      ['archive-2025', 3_650],
    ]);
  });
});
