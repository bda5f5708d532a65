import { describe, expect, it } from 'vitest';
import { tagDisplayName, tagPages, tagSlug } from '../../src/lib/tags';

describe('tagSlug', () => {
  it.each([
    ['harbour', 'harbour'],
    ['Harbour', 'harbour'],
    ['Local elections', 'local-elections'],
    ['Café culture', 'cafe-culture'],
    ['Straße', 'strasse'],
    ['  Søren  Kierkegaard ', 'soren-kierkegaard'],
    ['COVID-19', 'covid-19'],
    ['rock & roll', 'rock-roll'],
    ['</script>', 'script'],
  ])('slugs %j as %j', (tag, slug) => {
    expect(tagSlug(tag)).toBe(slug);
  });

  it('gives a tag with no Latin letters or digits no slug', () => {
    expect(tagSlug('港口')).toBe('');
    expect(tagSlug('!!!')).toBe('');
  });
});

describe('tagPages', () => {
  it('gives a page only to tags used by two or more articles, listing them in the given order', () => {
    const pages = tagPages([
      { id: 'newest', tags: ['harbour', 'crane'] },
      { id: 'middle', tags: ['ferry'] },
      { id: 'oldest', tags: ['harbour', 'ferry'] },
    ]);
    expect(pages).toEqual([
      { slug: 'ferry', name: 'Ferry', ids: ['middle', 'oldest'] },
      { slug: 'harbour', name: 'Harbour', ids: ['newest', 'oldest'] },
    ]);
  });

  it('merges spellings that slug the same into one page named by the most common spelling', () => {
    const pages = tagPages([
      { id: 'a', tags: ['Café'] },
      { id: 'b', tags: ['cafe'] },
      { id: 'c', tags: ['Café'] },
    ]);
    expect(pages).toEqual([{ slug: 'cafe', name: 'Café', ids: ['a', 'b', 'c'] }]);
  });

  it('breaks a tie between spellings in favour of the newest article', () => {
    expect(tagPages([{ id: 'new', tags: ['River'] }, { id: 'old', tags: ['river'] }])[0]?.name).toBe('River');
  });

  it('counts an article once when it spells the same tag two ways', () => {
    expect(tagPages([{ id: 'a', tags: ['Harbour', 'harbour'] }])).toEqual([]);
  });

  it('makes no page for tags without a slug', () => {
    expect(tagPages([{ id: 'a', tags: ['港口'] }, { id: 'b', tags: ['港口'] }])).toEqual([]);
  });

  it('honours another threshold', () => {
    expect(tagPages([{ id: 'a', tags: ['solo'] }], 1)).toEqual([{ slug: 'solo', name: 'Solo', ids: ['a'] }]);
  });

  it('takes a tag’s name and standfirst from tags.yaml, whatever spelling the articles use', () => {
    const texts = { 'kittle-bay': { name: 'Kittle Bay', standfirst: 'The bay, its seagrass and its moorings.' }, harbour: { standfirst: 'The working harbour.' } };
    const pages = tagPages([{ id: 'a', tags: ['kittle bay', 'harbour'] }, { id: 'b', tags: ['Kittle bay', 'harbour'] }], 2, texts);
    expect(pages).toEqual([
      { slug: 'harbour', name: 'Harbour', standfirst: 'The working harbour.', ids: ['a', 'b'] },
      { slug: 'kittle-bay', name: 'Kittle Bay', standfirst: 'The bay, its seagrass and its moorings.', ids: ['a', 'b'] },
    ]);
  });
});

describe('tagDisplayName', () => {
  it.each([
    ['harbour', 'Harbour'],
    ['local elections', 'Local elections'],
    ['élections', 'Élections'],
    ['iPhone', 'iPhone'],
    ['BBC', 'BBC'],
    ['Port Averley', 'Port Averley'],
    ['covid-19', 'Covid-19'],
    ['港口', '港口'],
  ])('shows %j as %j', (spelling, shown) => {
    expect(tagDisplayName(spelling)).toBe(shown);
  });
});
