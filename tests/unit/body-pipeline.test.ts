import { describe, expect, it } from 'vitest';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const processor = createBodyProcessor({ freeParagraphs: 3 });
const render = (markdown: string, access: 'free' | 'subscribers' = 'subscribers') => renderBody(processor, markdown, access);

describe('renderBody', () => {
  it('renders only the free part, and says it cut', () => {
    const result = render('One.\n\n<!-- free-limit -->\n\nPaid words.');
    expect(result.html).toBe('<p>One.</p>');
    expect(result.cut).toBe(true);
  });

  it('keeps the whole text for ranking, paid part included', () => {
    expect(render('One.\n\n<!-- free-limit -->\n\nPaid words.').fullText).toContain('Paid words.');
  });

  it('renders a free article whole, without the marker', () => {
    const result = render('One.\n\n<!-- free-limit -->\n\nTwo.', 'free');
    expect(result.html).toBe('<p>One.</p>\n<p>Two.</p>');
    expect(result.cut).toBe(false);
  });

  it('supports GFM tables, strikethrough and footnotes', () => {
    const { html } = render('| a |\n|---|\n| 1 |\n\n~~old~~ new[^1]\n\n[^1]: Note.', 'free');
    expect(html).toContain('<table tabindex="0">');
    expect(html).toContain('<del>old</del>');
    expect(html).toMatch(/<a href="#user-content-fn-1" id="user-content-fnref-1"/);
    expect(html).toContain('<li id="user-content-fn-1">');
  });

  it('demotes body headings below the page headline', () => {
    expect(render('# Title in body\n\n### Sub', 'free').html).toBe('<h2>Title in body</h2>\n<h3>Sub</h3>');
  });
});

describe('sanitising raw HTML in bodies', () => {
  it.each([
    ['<script>alert(1)</script>', /<script|alert/],
    ['<img src="x.png" onerror="alert(1)">', /onerror/],
    ['<a href="javascript:alert(1)">x</a>', /javascript:/],
    ['<a href="JaVaScRiPt&#58;alert(1)">x</a>', /javascript/i],
    ['<iframe src="https://evil.example"></iframe>', /iframe/],
    ['<style>body{display:none}</style>', /style|display/],
    ['<div style="position:fixed">x</div>', /style=/],
    ['<form action="https://evil.example"><input name="pw"></form>', /form|name=/],
    ['<svg><script>alert(1)</script></svg>', /svg|script/],
    ['<p id="login">x</p>', /id="login"/],
  ])('makes %s safe', (markdown, forbidden) => {
    expect(render(markdown, 'free').html).not.toMatch(forbidden);
  });

  it('keeps harmless markup newsrooms use', () => {
    const { html } = render('<figure><img src="https://example.org/a.jpg" alt="A pier"><figcaption>The pier.</figcaption></figure>', 'free');
    expect(html).toContain('<figure><img src="https://example.org/a.jpg" alt="A pier" loading="lazy" decoding="async"><figcaption>The pier.</figcaption></figure>');
  });
});

describe('site-relative links under a base path', () => {
  const underPaper = createBodyProcessor({ freeParagraphs: 3, basePath: '/paper/' });

  it('puts /-links under the base path, leaves full URLs alone, and leaves a picture in public/ to the build', () => {
    const { html, images } = renderBody(
      underPaper,
      '[Other story](/articles/other/) ![Pier](/images/pier.jpg) [Elsewhere](https://example.net/x) [Already](/paper/x/) [Proto](//cdn.example/y)',
      'free',
    );
    expect(html).toContain('href="/paper/articles/other/"');
    // Its files are named and put under the base path when the build fills the placeholder (tests/unit/figures.test.ts).
    expect(html).toContain('<!--masthead-image:0-->');
    expect(images).toEqual([{ src: '/images/pier.jpg', alt: 'Pier', line: 1 }]);
    expect(html).toContain('href="https://example.net/x"');
    expect(html).toContain('href="/paper/x/"');
    expect(html).toContain('href="//cdn.example/y"');
  });

  it('changes nothing at the site root', () => {
    expect(render('[a](/articles/a/)', 'free').html).toBe('<p><a href="/articles/a/">a</a></p>');
  });
});

describe('bodies that would stall the parser', () => {
  it('refuses lists nested hundreds of levels deep, fast, naming the line', () => {
    const markdown = Array.from({ length: 400 }, (_, depth) => `${' '.repeat(depth * 2)}- item ${depth}`).join('\n');
    const started = performance.now();
    // Line 81 is the first past 160 columns: 160 spaces and its `- ` marker.
    expect(() => render(markdown)).toThrow(/has a line nested 162 columns deep \(line 81\)/);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('still renders ordinary nesting', () => {
    expect(render('- a\n  - b\n    - c\n      - d', 'free').html).toContain('<li>d</li>');
  });
});
