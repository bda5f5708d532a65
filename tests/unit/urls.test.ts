import { describe, expect, it } from 'vitest';
import { absoluteUrl, createUrls, normaliseBase } from '../../src/lib/urls';

describe('createUrls', () => {
  it('builds article, author and section URLs at the site root', () => {
    const urls = createUrls('/');
    expect(urls.article('harbour-dredge')).toBe('/articles/harbour-dredge/');
    expect(urls.author('ada')).toBe('/authors/ada/');
    expect(urls.section('news')).toBe('/sections/news/');
    expect(urls.section('news', 1)).toBe('/sections/news/');
    expect(urls.section('news', 3)).toBe('/sections/news/3/');
    expect(urls.authors()).toBe('/authors/');
    expect(urls.home()).toBe('/');
    expect(urls.path('/favicon.svg')).toBe('/favicon.svg');
  });

  it('puts every URL under a base path', () => {
    const urls = createUrls('/paper');
    expect(urls.home()).toBe('/paper/');
    expect(urls.article('x')).toBe('/paper/articles/x/');
    expect(urls.author('ada', 2)).toBe('/paper/authors/ada/2/');
    expect(urls.path('rss.xml')).toBe('/paper/rss.xml');
    expect(urls.feed()).toBe('/paper/rss.xml');
    expect(urls.feed({ section: 'news' })).toBe('/paper/sections/news/rss.xml');
    expect(urls.feed({ author: 'ada' })).toBe('/paper/authors/ada/rss.xml');
  });

  it('builds paginated tag pages and their feeds', () => {
    const urls = createUrls('/paper/');
    expect(urls.tag('local-elections')).toBe('/paper/tags/local-elections/');
    expect(urls.tag('local-elections', 1)).toBe('/paper/tags/local-elections/');
    expect(urls.tag('local-elections', 2)).toBe('/paper/tags/local-elections/2/');
    expect(urls.feed({ tag: 'local-elections' })).toBe('/paper/tags/local-elections/rss.xml');
  });

  it('puts site-path pictures under the base path and leaves full URLs alone', () => {
    const urls = createUrls('/paper/');
    expect(urls.asset('/images/pier.jpg')).toBe('/paper/images/pier.jpg');
    expect(urls.asset('https://cdn.example/pier.jpg')).toBe('https://cdn.example/pier.jpg');
    expect(urls.asset('//cdn.example/pier.jpg')).toBe('//cdn.example/pier.jpg');
  });
});

describe('normaliseBase', () => {
  it.each([
    ['', '/'],
    ['/', '/'],
    ['paper', '/paper/'],
    ['/paper/', '/paper/'],
    ['//a/b//', '/a/b/'],
  ])('turns %j into %j', (input, expected) => {
    expect(normaliseBase(input)).toBe(expected);
  });
});

describe('absoluteUrl', () => {
  it('resolves a site path against the site URL', () => {
    expect(absoluteUrl('/paper/articles/x/', 'https://news.example.org')).toBe('https://news.example.org/paper/articles/x/');
  });
});
