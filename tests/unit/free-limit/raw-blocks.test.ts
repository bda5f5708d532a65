import { describe, expect, it } from 'vitest';
import { PAID, refusal, render } from './helpers';

describe('a raw block that runs on over what follows stops the build at the line where it opens', () => {
  it.each([
    ['a <pre> closed with a space before ">"', '<pre>\nA poem\n</pre >', /<pre> block opens here and is never closed with "<\/pre>"/],
    ['a <pre> closed across a line break', '<pre>\nA poem\n</pre\n>', /<pre> block opens here and is never closed/],
    ['a <textarea> closed with a space', '<textarea>\nnotes\n</textarea >', /<textarea> block/],
    ['a <script> closed with a space, which a browser would end early', '<script>\nlet a = 1;\n</script >', /<script> block/],
    ['a <style> closed with a tab', '<style>\np { margin: 0 }\n</style\t>', /<style> block/],
    ['a <pre> never closed at all', '<pre>\nA poem', /never closed/],
    ['an HTML comment never closed', '<!-- a note', /HTML comment \(<!--\) opens here and is never closed with "-->"/],
    ['a comment closed with --!>, which browsers accept and Markdown does not', '<!-- a note --!>', /HTML comment/],
    ['a comment closed with -- >', '<!-- free-limit -- >', /HTML comment/],
    ['a code fence never closed', '```js\nlet x = 1;', /code fence \(```\) opens here and is never closed/],
    ['a tilde fence closed with fewer tildes', '~~~~\ncode\n~~~', /code fence \(~~~~\)/],
  ])('%s', (_what, block, message) => {
    const error = refusal(`Free one.\n\n${block}\n\n${PAID}`);
    expect(error.message).toMatch(/^line 3: /);
    expect(error.message).toMatch(message);
    expect(error.code).toBe('free-limit-unclosed');
  });

  it.each([
    ['a <pre> left open and "closed" by a later <pre>…</pre>', `<pre>\nA poem\n\n${PAID}\n\n<pre>later</pre>`, /opens again at line 14 before its "<\/pre>"/],
    ['a comment left open, closed by the next comment', 'Free two.\n<!-- check this figure\nFree three.\n<!-- free-limit -->', /opens again at line 6 before its "-->"/],
  ])('%s', (_what, body, message) => {
    expect(refusal(`Free one.\n\n${body}\n\n${PAID}`).message).toMatch(message);
  });

  it.each([
    ['a comment closed three paragraphs later by prose', '<!-- note to the desk\n\nFree two.\n\nFree three.\n\nRoute A --> B'],
    ['a processing instruction closed by a question in prose', '<?note\n\nFree two.\n\nReally?>'],
    ['a CDATA section closed by a formula', '<![CDATA[\n\nFree two.\n\nx[y[1]]>2'],
    ['a declaration closed by a comparison', '<!NOTE\n\nFree two, and a > b.'],
  ])('%s swallows the paragraphs between: refused', (_what, body) => {
    const error = refusal(`Free one.\n\n${body}\n\n${PAID}`);
    expect(error.message).toMatch(/^line 3: .* runs past a blank line before its ".+", swallowing the paragraphs between/);
  });

  it.each([
    ['a quotation', '> <pre>\n> A poem\n\nPaid zqx words.'],
    ['a list item', '- Free item.\n- <pre>\n  A poem\n- Paid zqx item.'],
  ])('refuses a <pre> that runs to the end of %s', (_what, body) => {
    expect(refusal(`${body}\n\n${PAID}`).message).toMatch(/<pre> block opens here and is never closed/);
  });

  it('accepts blocks that do close, however they are spread over lines: a <pre> poem keeps its stanzas', () => {
    const body = `Free.\n\n<!-- a note\nover lines -->\n\n<pre>\nFirst stanza\n\nSecond stanza\n</PRE>\n\n\`\`\`\nfenced\n\`\`\`\n\n> ~~~\n> quoted\n> ~~~\n\n<!-- free-limit -->\n\n${PAID}`;
    const { html, cut } = render(body);
    expect(cut).toBe(true);
    expect(html).toContain('Second stanza');
    expect(html).toContain('fenced');
    expect(html).not.toContain('zqx');
  });
});
