import { describe, expect, it } from 'vitest';
import { smartenHtml } from '../../src/markdown/html-typography';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const british = (html: string) => smartenHtml(html, 'en-GB');

describe('smartenHtml: typography in the text of raw HTML', () => {
  it('makes apostrophes, quotes, dashes and ellipses typographic in text between tags', () => {
    expect(british(`<p>It's the "harbour" -- at last...</p>`)).toBe('<p>It’s the ‘harbour’ – at last…</p>');
    expect(smartenHtml(`<p>It's the "harbour"</p>`, 'en-US')).toBe('<p>It’s the “harbour”</p>');
  });

  it('pairs quotes across inline tags, never across blocks', () => {
    expect(british(`<p>"The <em>new</em> quay"</p>`)).toBe('<p>‘The <em>new</em> quay’</p>');
    expect(british(`<details><summary>Who's who</summary><p>"Ada" and 'Ben'</p></details>`)).toBe(
      '<details><summary>Who’s who</summary><p>‘Ada’ and ‘Ben’</p></details>',
    );
  });

  it('leaves tags, attributes, comments and character references as written', () => {
    const html = `<p title="It's &quot;x&quot;" data-a='b'>Don't</p><!-- don't "touch" --><p>&quot;kept&quot; isn't</p>`;
    expect(british(html)).toBe(`<p title="It's &quot;x&quot;" data-a='b'>Don’t</p><!-- don't "touch" --><p>&quot;kept&quot; isn’t</p>`);
  });

  it.each(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea'])('never changes the text inside <%s>', (name) => {
    const inner = `it's "x" -- y...`;
    expect(british(`<div>It's <${name}>${inner}</${name}> and it's</div>`)).toBe(`<div>It’s <${name}>${inner}</${name}> and it’s</div>`);
  });

  it('keeps code nested in pre, and a code element inside code, as written to its end', () => {
    const html = `<pre><code>don't "stop"</code> still 'code'</pre><p>Isn't</p>`;
    expect(british(html)).toBe(`<pre><code>don't "stop"</code> still 'code'</pre><p>Isn’t</p>`);
  });

  it('changes nothing in HTML with no marks to change', () => {
    const html = '<figure><img src="a.jpg" alt="x"><figcaption>Plain words</figcaption></figure>';
    expect(british(html)).toBe(html);
  });
});

describe('raw HTML blocks in an article body', () => {
  const processor = createBodyProcessor({ freeParagraphs: 3 });
  it('typesets a hand-written <details> and <p>, but not its code or the free-limit marker', () => {
    const body = [
      `<details>\n<summary>What's "dredging"?</summary>\n<p>It's digging -- under water. Try <code>it's</code>.</p>\n</details>`,
      'A paragraph.',
      '<!-- free-limit -->',
      `<p>Paid "words".</p>`,
    ].join('\n\n');
    const { html, cut } = renderBody(processor, body, 'subscribers');
    expect(cut).toBe(true);
    expect(html).toContain('<summary>What’s ‘dredging’?</summary>');
    expect(html).toContain('<p>It’s digging – under water. Try <code>it\'s</code>.</p>');
    expect(html).not.toContain('Paid');
  });
});
