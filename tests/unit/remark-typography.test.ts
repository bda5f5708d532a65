import { describe, expect, it } from 'vitest';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const british = createBodyProcessor({ freeParagraphs: 3, locale: 'en-GB' });
const american = createBodyProcessor({ freeParagraphs: 3, locale: 'en-US' });
const render = (markdown: string, processor = british) => renderBody(processor, markdown, 'free').html;

describe('typography in article bodies', () => {
  it('curls quotes and apostrophes and sets dashes and ellipses in prose, by the paper’s locale', () => {
    const body = `"The paper's 'living' wall -- at last," she said...`;
    expect(render(body)).toBe('<p>‘The paper’s “living” wall – at last,’ she said…</p>');
    expect(render(body, american)).toBe('<p>“The paper’s ‘living’ wall – at last,” she said…</p>');
  });

  it('pairs quotes across emphasis and links in one paragraph', () => {
    expect(render(`"It is *not* [over](https://example.org/a)," he said.`)).toBe(
      '<p>‘It is <em>not</em> <a href="https://example.org/a">over</a>,’ he said.</p>',
    );
  });

  it('leaves inline code as written, and reads it as a word between quotes', () => {
    expect(render('Type "`rm -rf --force \'x\'`" -- don\'t.')).toBe(
      "<p>Type ‘<code>rm -rf --force 'x'</code>’ – don’t.</p>",
    );
  });

  it('leaves code blocks, fenced and indented, as written', () => {
    const fenced = '```\nsay "hi" -- it\'s...\n```';
    expect(render(fenced)).toBe('<pre><code>say "hi" -- it\'s...\n</code></pre>');
    expect(render('Prose.\n\n    echo "x" -- y...')).toBe('<p>Prose.</p>\n<pre><code>echo "x" -- y...\n</code></pre>');
  });

  it('leaves link and picture addresses as written, and typesets alt text and titles', () => {
    const html = render(`See [the "plan"](https://example.org/a--b?q='x' "It's a title") and ![A pier's end -- at dusk](https://example.org/p.jpg "Dusk...").`);
    // The serialiser writes ' as &#x27; in attributes: still the straight quote typed. (A picture on the web
    // keeps its <img>; a local one becomes a placeholder for the build's <picture>, rehype-figures.ts.)
    expect(html).toContain('href="https://example.org/a--b?q=&#x27;x&#x27;"');
    expect(html).toContain('title="It’s a title"');
    expect(html).toContain('alt="A pier’s end – at dusk" title="Dusk…"');
    expect(html).toContain('>the ‘plan’</a>');
  });

  it('typesets the caption of a picture alone in its paragraph (its title)', () => {
    expect(render(`![The quay](https://example.org/q.jpg "The quay's crane -- at dawn")`)).toContain('<figcaption data-pagefind-ignore="">The quay’s crane – at dawn</figcaption>');
  });

  it('shows a web address written as a link exactly as typed', () => {
    expect(render('Read <https://example.org/a--b...> or www.example.org/x--y today.')).toBe(
      '<p>Read <a href="https://example.org/a--b...">https://example.org/a--b...</a> or <a href="http://www.example.org/x--y">www.example.org/x--y</a> today.</p>',
    );
  });

  it('leaves raw HTML’s tags and attributes and the free-limit marker alone, typesetting only its text', () => {
    const body = 'One "two".\n\n<!-- free-limit -->\n\n<p title="a \'b\'">"c" -- d</p>';
    expect(render(body)).toBe('<p>One ‘two’.</p>\n<p title="a &#x27;b&#x27;">‘c’ – d</p>');
  });

  it('typesets headings, list items, quotations, table cells and footnotes', () => {
    const body = [
      '## "Why" it matters',
      '- It\'s "first"',
      '> "Quoted" -- said',
      '| a |\n|---|\n| "cell" |',
      'Note.[^1]\n\n[^1]: The "note".',
    ].join('\n\n');
    const html = render(body);
    for (const expected of ['<h2>‘Why’ it matters</h2>', '<li>It’s ‘first’</li>', '‘Quoted’ – said', '<td>‘cell’</td>', 'The ‘note’.']) {
      expect(html).toContain(expected);
    }
  });

  it('typesets only the free part of a paywalled body, and the cut still checks out', () => {
    const { html, cut } = renderBody(british, `"Free," she said -- "for now..."\n\n<!-- free-limit -->\n\n"Paid" words.`, 'subscribers');
    expect(cut).toBe(true);
    expect(html).toBe('<p>‘Free,’ she said – ‘for now…’</p>');
  });
});
