import { describe, expect, it } from 'vitest';
import { escapeAttribute, pageHeadTags, renderHeadTags } from '../../src/lib/head-tags';

const page = {
  siteName: 'Paper',
  locale: 'en-GB',
  title: 'Bridge opens',
  description: 'It opened.',
  canonical: 'https://example.org/articles/bridge/',
  noindex: false,
  feeds: [{ title: 'Paper', href: '/rss.xml' }],
};

describe('head tags', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeAttribute(`</script><b a="1" b='2'>&`)).toBe('&lt;/script&gt;&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;');
    const html = renderHeadTags([{ meta: 'property', key: 'og:title', content: '</script><script>alert(1)</script>' }]);
    expect(html).toBe('<meta property="og:title" content="&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;">');
  });

  it('describes an article for Open Graph and Twitter', () => {
    const html = renderHeadTags(
      pageHeadTags({
        ...page,
        article: { publishedTime: new Date('2024-01-01T12:00:00Z'), authorUrls: ['https://example.org/authors/ada/', 'https://example.org/authors/ben/'], section: 'News', tags: ['a', 'b'] },
        image: { url: 'https://example.org/pier.jpg', alt: 'The pier' },
      }),
    );
    expect(html).toContain('<link rel="canonical" href="https://example.org/articles/bridge/">');
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Paper" href="/rss.xml">');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain('<meta property="article:published_time" content="2024-01-01T12:00:00.000Z">');
    expect(html).toContain('<meta property="article:tag" content="b">');
    // Every author of a two-author piece, in byline order.
    const ada = html.indexOf('<meta property="article:author" content="https://example.org/authors/ada/">');
    const ben = html.indexOf('<meta property="article:author" content="https://example.org/authors/ben/">');
    expect(ada).toBeGreaterThan(-1);
    expect(ben).toBeGreaterThan(ada);
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toContain('<meta property="og:image:alt" content="The pier">');
    expect(html).not.toContain('article:modified_time');
  });

  it('gives link previews the picture’s size, type and description, and the icons their links', () => {
    const html = renderHeadTags(
      pageHeadTags({
        ...page,
        image: { url: 'https://example.org/_social/abc.png', alt: 'Bridge opens (News, Paper)', width: 1200, height: 630, type: 'image/png' },
        icons: { favicon: { href: '/favicon.svg', type: 'image/svg+xml' }, touchIcon: '/apple-touch-icon.png' },
      }),
    );
    expect(html.split('\n').slice(0, 2)).toEqual([
      '<link rel="icon" type="image/svg+xml" href="/favicon.svg">',
      '<link rel="apple-touch-icon" href="/apple-touch-icon.png">',
    ]);
    expect(html).toContain('<meta property="og:image" content="https://example.org/_social/abc.png">');
    expect(html).toContain('<meta property="og:image:type" content="image/png">');
    expect(html).toContain('<meta property="og:image:width" content="1200">');
    expect(html).toContain('<meta property="og:image:height" content="630">');
    expect(html).toContain('<meta name="twitter:image" content="https://example.org/_social/abc.png">');
    expect(html).toContain('<meta name="twitter:image:alt" content="Bridge opens (News, Paper)">');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  });

  it('falls back to a small Twitter card without a picture', () => {
    const html = renderHeadTags(pageHeadTags(page));
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).not.toContain('og:image');
  });

  it('keeps noindex pages out of search engines, without a canonical URL', () => {
    const html = renderHeadTags(pageHeadTags({ ...page, noindex: true }));
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('canonical');
    expect(html).not.toContain('og:url');
    expect(html).toContain('<meta property="og:type" content="website">');
  });
});
