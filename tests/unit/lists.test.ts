import { describe, expect, it } from 'vitest';
import { frontPage, moreFromAuthor, paginate } from '../../src/lib/lists';

const day = (n: number) => new Date(Date.UTC(2024, 0, n));
const articles = [
  { id: 'a1', author: 'ada', section: 'news', date: day(1) },
  { id: 'a2', author: 'ada', section: 'news', date: day(2) },
  { id: 'a3', author: 'ada', section: 'arts', date: day(3) },
  { id: 'a4', author: 'ada', section: 'arts', date: day(4) },
  { id: 'a5', author: 'ada', section: 'sport', date: day(5) },
  { id: 'a6', author: 'ada', section: 'news', date: day(6) },
  { id: 'b1', author: 'ben', section: 'news', date: day(7) },
];

describe('moreFromAuthor', () => {
  it('lists the author’s most recent other articles, newest first', () => {
    const lists = moreFromAuthor(articles, 4);
    expect(lists.get('a1')).toEqual(['a6', 'a5', 'a4', 'a3']);
    expect(lists.get('a6')).toEqual(['a5', 'a4', 'a3', 'a2']);
    expect(lists.get('a4')).toEqual(['a6', 'a5', 'a3', 'a2']);
  });

  it('gives an author’s only article an empty list', () => {
    expect(moreFromAuthor(articles, 4).get('b1')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(moreFromAuthor(articles, 2).get('a1')).toEqual(['a6', 'a5']);
    expect(moreFromAuthor(articles, 0).get('a1')).toEqual([]);
  });
});

describe('paginate', () => {
  it('splits into pages of the given size', () => {
    const pages = paginate(['a', 'b', 'c', 'd', 'e'], 2);
    expect(pages.map((page) => page.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.map((page) => `${page.number}/${page.total}`)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('still has one page for an empty list, so an empty section has a page', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, total: 1, items: [] }]);
  });
});

describe('frontPage', () => {
  it('leads with the newest story and never shows an article twice', () => {
    const page = frontPage(articles, ['news', 'arts', 'sport', 'empty'], { secondary: 2, perSection: 2 });
    expect(page.lead?.id).toBe('b1');
    expect(page.secondary.map((item) => item.id)).toEqual(['a6', 'a5']);
    expect(page.sections.map((group) => [group.section, group.items.map((item) => item.id)])).toEqual([
      ['news', ['a2', 'a1']],
      ['arts', ['a4', 'a3']],
    ]);
  });

  it('handles an empty archive', () => {
    expect(frontPage([], ['news'])).toEqual({ lead: undefined, secondary: [], sections: [] });
  });
});
