import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseIsoDate, resolveIsoDate } from '../../src/lib/dates';
import { feedLastChanged, newsSitemap, recentArticles, robotsTxt, rssFeed, type FeedArticle } from '../../src/feeds/feed';

const xml = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' });
/** A frontmatter date as the content reader resolves it for a London paper. */
const at = (value: string) => resolveIsoDate(parseIsoDate(value)!, 'Europe/London').date;

const article = (title: string, date: string, updated?: string): FeedArticle => ({
  url: `https://example.org/articles/${title.toLowerCase().replaceAll(' ', '-')}/`,
  title,
  standfirst: `${title}, in a sentence.`,
  date: at(date),
  ...(updated ? { updated: at(updated) } : {}),
  authorName: 'Ada Quill',
  sectionName: 'News',
});

async function channel(articles: FeedArticle[], title = 'News | The Ledger') {
  const text = await getRssString(
    rssFeed({
      title,
      description: 'The latest news.',
      link: 'https://example.org/sections/news/',
      self: 'https://example.org/sections/news/rss.xml',
      image: 'https://example.org/favicon.svg',
      articles,
      locale: 'en-GB',
    }),
  );
  return { text, channel: xml.parse(text).rss.channel as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed XML is untyped by nature
}

describe('rssFeed', () => {
  it('announces its own address as atom:link rel="self", with the Atom namespace declared', async () => {
    const { text, channel: feed } = await channel([article('Bridge opens', '2026-11-20')]);
    expect(text).toContain('xmlns:atom="http://www.w3.org/2005/Atom"');
    expect(feed['atom:link']).toEqual({ '@_href': 'https://example.org/sections/news/rss.xml', '@_rel': 'self', '@_type': 'application/rss+xml' });
  });

  it('links the channel to the page it follows, and shows the paper’s image with the channel’s title and link', async () => {
    const { channel: feed } = await channel([article('Bridge opens', '2026-11-20')], 'News & views | The Ledger');
    expect(feed.link).toBe('https://example.org/sections/news/');
    expect(feed.image).toEqual({ url: 'https://example.org/favicon.svg', title: 'News & views | The Ledger', link: 'https://example.org/sections/news/' });
  });

  it('dates the channel by its newest publication or update, not by the clock', async () => {
    const items = [article('Late update', '2026-11-18T10:00Z', '2026-11-21T09:10Z'), article('Newest', '2026-11-20T01:30Z')];
    const first = await channel(items);
    expect(first.channel.lastBuildDate).toBe('Sat, 21 Nov 2026 09:10:00 GMT');
    // The same articles, built again later, give the same feed byte for byte.
    expect((await channel(items)).text).toBe(first.text);
  });

  it('dates a bare-date item from the start of its day in the paper’s zone', async () => {
    const { channel: feed } = await channel([article('Summer fair', '2024-07-15')]);
    expect(feed.item[0].pubDate).toBe('Sun, 14 Jul 2024 23:00:00 GMT');
    expect(feed.lastBuildDate).toBe('Sun, 14 Jul 2024 23:00:00 GMT');
  });

  it('has no lastBuildDate when it has no items, rather than an invented one', async () => {
    const { channel: feed } = await channel([]);
    expect(feed.lastBuildDate).toBeUndefined();
    expect(feed['atom:link']['@_rel']).toBe('self');
  });

  it('counts only the items it carries when dating itself', () => {
    expect(feedLastChanged([{ date: at('2026-11-20T01:30Z') }, { date: at('2026-11-19T01:30Z'), updated: at('2026-11-22T08:00Z') }])?.toISOString()).toBe(
      '2026-11-22T08:00:00.000Z',
    );
    expect(feedLastChanged([])).toBeUndefined();
  });
});

describe('recentArticles, for the news sitemap', () => {
  const now = new Date('2026-11-21T09:00:00Z');
  const stories = [
    { id: 'yesterday', date: at('2026-11-20') },
    { id: 'last-night', date: at('2026-11-20T23:15Z') },
    { id: 'two-days-ago-this-hour', date: at('2026-11-19T09:00Z') },
    { id: 'three-days-ago', date: at('2026-11-18') },
    { id: 'tomorrow', date: at('2026-11-22T06:00Z') },
  ];

  it('keeps what was published in the two days before the build, and nothing older or still to come', () => {
    expect(recentArticles(stories, now).map((story) => story.id)).toEqual(['yesterday', 'last-night', 'two-days-ago-this-hour']);
  });

  it('counts a bare date from the start of its day in the paper’s zone, not from noon UTC', () => {
    // 2024-07-15 starts at 23:00 UTC on the 14th in London (BST), so its two days end at 23:00 UTC on the 16th;
    // read as noon UTC it would still be in the news sitemap the next morning.
    expect(recentArticles([{ date: at('2024-07-15') }], new Date('2024-07-16T22:30:00Z'))).toHaveLength(1);
    expect(recentArticles([{ date: at('2024-07-15') }], new Date('2024-07-17T10:30:00Z'))).toHaveLength(0);
  });
});

describe('newsSitemap and robotsTxt', () => {
  it('writes each article’s publication time as an instant', () => {
    const text = newsSitemap({
      publicationName: 'The Ledger',
      language: 'en',
      articles: [{ url: 'https://example.org/articles/fair/', title: 'Fair & square', date: at('2024-07-15') }],
    });
    expect(text).toContain('<news:publication_date>2024-07-14T23:00:00.000Z</news:publication_date>');
    expect(text).toContain('<news:title>Fair &amp; square</news:title>');
  });

  it('lists the sitemaps it is given, and only those', () => {
    expect(robotsTxt(['https://example.org/sitemap-index.xml'])).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n');
  });
});
