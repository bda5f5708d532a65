import { describe, expect, it } from 'vitest';
import { searchRecord, type SearchRecordInput } from '../../src/search/records';
import { createUrls } from '../../src/lib/urls';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const processor = createBodyProcessor({ freeParagraphs: 3, basePath: '/paper/' });
const context = {
  urls: createUrls('/paper/'),
  dateFormat: { locale: 'en-GB', timeZone: 'Europe/London' },
  lang: 'en-GB',
};

function article(overrides: Partial<SearchRecordInput> = {}): SearchRecordInput {
  return {
    slug: 'valley-footbridge',
    title: 'Valley council approves new footbridge',
    standfirst: 'A timber bridge will cross the river by spring.',
    date: new Date('2023-06-07T23:00:00Z'),
    dateHasTime: false,
    author: { name: 'Ada Quill', role: 'Chief reporter' },
    section: { id: 'news', name: 'News' },
    access: 'subscribers',
    freeHtml: '<p>Free words only.</p>',
    ...overrides,
  };
}

describe('searchRecord', () => {
  it('holds the free part and never a word after the free limit', () => {
    const body = renderBody(
      processor,
      'Free paragraph larkspur.\n\n<!-- free-limit -->\n\nPaid paragraph quintessentialwombat.\n\n[^1]: paidfootnote',
      'subscribers',
    );
    const { content } = searchRecord(article({ freeHtml: body.html }), context);
    expect(content).toContain('Free paragraph larkspur.');
    expect(content).not.toMatch(/quintessentialwombat|paidfootnote|Paid paragraph/);
  });

  it('holds the page header: section, headline, standfirst, byline with role, and dates as printed', () => {
    const { content } = searchRecord(article({ updated: new Date('2023-06-09T12:00:00Z'), updatedHasTime: false }), context);
    expect(content).toContain('<html lang="en-GB">');
    // A story for subscribers is a filter and metadata (`access`), for results to mark it; not a word.
    expect(content).toContain('<article data-pagefind-body data-pagefind-filter="access:subscribers" data-pagefind-meta="access:subscribers">');
    expect(searchRecord(article({ access: 'free' }), context).content).toContain('<article data-pagefind-body><header>');
    expect(content).toContain('<p data-pagefind-ignore><a href="/paper/sections/news/" data-pagefind-filter="section" data-pagefind-meta="section_url[href]">News</a></p>');
    expect(content).toContain('<h1>Valley council approves new footbridge</h1>');
    expect(content).toContain('<p>A timber bridge will cross the river by spring.</p>');
    expect(content).toContain('<p data-pagefind-ignore>By <a data-pagefind-filter="author">Ada Quill</a><span>, Chief reporter</span></p>');
    expect(content).toContain(
      '<p data-pagefind-ignore><time datetime="2023-06-08" data-pagefind-meta="date, datetime[datetime]">8 June 2023</time><span> · Updated <time>9 June 2023</time></span></p>',
    );
  });

  it('prints a timed article’s time, and a same-day update’s time alone, as the page does', () => {
    const { content } = searchRecord(
      article({ date: new Date('2026-11-20T01:30:00Z'), dateHasTime: true, updated: new Date('2026-11-20T14:05:00Z'), updatedHasTime: true }),
      context,
    );
    expect(content).toContain(
      '<time datetime="2026-11-20T01:30:00.000Z" data-pagefind-meta="date, datetime[datetime]">20 November 2026, 01:30</time><span> · Updated <time>14:05</time></span>',
    );
  });

  it('names the page relative to the site root, because Pagefind’s client puts the base path in front', () => {
    expect(searchRecord(article(), context).url).toBe('/articles/valley-footbridge/');
    expect(searchRecord(article({ slug: 'Café_Reopens' }), context).url).toBe('/articles/Caf%C3%A9_Reopens/');
  });

  it('holds the page’s lead figure, its files under the base path, with its alt text, caption and credit', () => {
    const image = { hash: 'ab'.repeat(32), width: 1000, height: 600, fallback: 'jpeg' as const, alt: 'The pier', decorative: false, caption: 'At dawn.', credit: 'Ada Quill' };
    const { content } = searchRecord(article({ image }), context);
    expect(content).toContain(`</header><figure class="figure figure--lead" data-pagefind-meta="image:/paper/_images/${'ab'.repeat(8)}-400x267.jpg"><picture>`);
    expect(content).toContain(`src="/paper/_images/${'ab'.repeat(8)}-800.jpg"`);
    expect(content).toContain('alt="The pier"');
    expect(content).toContain('<figcaption data-pagefind-ignore><span class="figure__caption">At dawn.</span> <span class="figure__credit">Ada Quill</span></figcaption>');
  });

  it('escapes frontmatter, so a headline cannot open an element or an attribute', () => {
    const { content } = searchRecord(
      article({
        title: `Hostile </h1><script>alert('x')</script> & "quotes"`,
        image: { hash: 'cd'.repeat(32), width: 400, height: 300, fallback: 'jpeg', alt: '"><b>', decorative: false, caption: '</figure><script>' },
      }),
      context,
    );
    expect(content).toContain('<h1>Hostile &lt;/h1&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</h1>');
    expect(content).toContain('alt="&#34;&#62;&#60;b&#62;"');
    expect(content).toContain('<span class="figure__caption">&#60;/figure&#62;&#60;script&#62;</span>');
    expect(content).not.toContain('<script>');
  });

  it('leaves out the role and the update when there are none', () => {
    const { content } = searchRecord(article({ author: { name: 'Cleo Solo' } }), context);
    expect(content).toContain('<p data-pagefind-ignore>By <a data-pagefind-filter="author">Cleo Solo</a></p>');
    expect(content).not.toContain('Updated');
  });
});
