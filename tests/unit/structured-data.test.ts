import { describe, expect, it } from 'vitest';
import { newsArticle, serializeJsonLd } from '../../src/lib/structured-data';

const input = {
  url: 'https://example.org/articles/x/',
  headline: 'Headline </script><script>alert(1)</script>',
  description: 'A & B <!-- not a comment -->',
  datePublished: new Date('2024-01-01T12:00:00Z'),
  author: { name: 'Ada', url: 'https://example.org/authors/ada/' },
  publisher: { name: 'Paper', url: 'https://example.org/' },
  section: 'News',
  keywords: ['a', 'b'],
  isAccessibleForFree: false,
  paywalledSelector: '[data-free-limit]',
};

describe('newsArticle', () => {
  it('marks paywalled articles the way Google asks', () => {
    const data = newsArticle(input);
    expect(data['@type']).toBe('NewsArticle');
    expect(data.isAccessibleForFree).toBe(false);
    expect(data.hasPart).toEqual({ '@type': 'WebPageElement', isAccessibleForFree: false, cssSelector: '[data-free-limit]' });
    expect(data.author).toEqual([{ '@type': 'Person', name: 'Ada', url: 'https://example.org/authors/ada/' }]);
    expect(data.dateModified).toBe('2024-01-01T12:00:00.000Z');
  });

  it('has no paywall part on free articles', () => {
    const data = newsArticle({ ...input, isAccessibleForFree: true });
    expect(data.isAccessibleForFree).toBe(true);
    expect(data.hasPart).toBeUndefined();
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element or open a comment, and stays valid JSON', () => {
    const json = serializeJsonLd(newsArticle(input));
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual(newsArticle(input));
  });

  it('escapes line and paragraph separators', () => {
    expect(serializeJsonLd({ text: 'a\u2028b\u2029c' })).toBe('{"text":"a\\u2028b\\u2029c"}');
  });
});
