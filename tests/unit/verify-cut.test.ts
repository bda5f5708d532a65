import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { planCut } from '../../src/free-limit/plan';
import { freeSource, settleFreeTree } from '../../src/free-limit/structure';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';
import { verifyCut } from '../../src/markdown/verify-cut';

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);
const source = 'Free one.\n\nFree [link](https://example.org/x).\n\n<!-- free-limit -->\n\nPaid secret.\n\n[ref]: https://example.org/paid "Paid title"\n';
const split = () => {
  const plan = planCut(source, { access: 'subscribers', freeParagraphs: 3 });
  const cutOffset = plan.cutOffset!;
  return { free: settleFreeTree(parse(freeSource(source, plan.structure, cutOffset)), cutOffset), cutOffset };
};
const honest = '<p>Free one.</p><p>Free <a href="https://example.org/x">link</a>.</p>';

describe('verifyCut, the independent check after rendering', () => {
  it('passes an honest cut', () => {
    const { free, cutOffset } = split();
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: honest })).not.toThrow();
  });

  it('fails when a node from after the cut is in the free tree', () => {
    const { free, cutOffset } = split();
    const paid = parse(source).children.find((node) => node.type === 'paragraph' && node.position!.start.line === 7)!;
    free.children.push(paid);
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: honest })).toThrow(
      /internal cut check \(a paragraph from line 7, after the cut, is in the free part\)/,
    );
  });

  it('fails when the free HTML shows a word the text before the cut does not hold, in text or in an attribute', () => {
    const { free, cutOffset } = split();
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free one. Paid secret.</p>' })).toThrow(/shows the word "paid"/);
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p><img src="a.png" alt="secret"></p>' })).toThrow(/"secret"/);
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p><a href="x" title="Paid title">link</a></p>' })).toThrow(/"paid"/);
  });

  it('fails when a link or picture in the free HTML has an address from after the cut', () => {
    const { free, cutOffset } = split();
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free <a href="https://example.org/paid">link</a>.</p>' })).toThrow(/"paid"/);
  });

  it('reads HTML as a browser does, not as a pattern does: text in a comment-like trap is still read', () => {
    const { free, cutOffset } = split();
    // A `>` inside an attribute ends no tag: a pattern stripping `<[^>]*>` would have left "secret" hidden here.
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p title="Free > one">Free</p><p>secret</p>' })).toThrow(/"secret"/);
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free &#x73;ecret</p>' })).toThrow(/"secret"/);
  });

  it('reads the free part’s typographic quotes, apostrophes, dashes and ellipses as the straight marks typed in the source', () => {
    const body = `"It's the paper's -- and the town's --- plan..." she said.\n\n<!-- free-limit -->\n\nPaid "secret" words.`;
    const { html, cut } = renderBody(createBodyProcessor({ freeParagraphs: 3, locale: 'en-GB' }), body, 'subscribers');
    expect(cut).toBe(true);
    expect(html).toBe('<p>‘It’s the paper’s – and the town’s — plan…’ she said.</p>');
  });

  it('still fails a typographic free part that shows a word from after the cut', () => {
    const { free, cutOffset } = split();
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>‘Free one’ – “Free” paid…</p>' })).toThrow(/shows the word "paid"/);
  });

  it('accepts the labels and addresses the pipeline writes for footnotes, and the base path', () => {
    const body = 'Free with a note.[^1] See [the map](/maps/harbour/).\n\n[^1]: The note, before the cut.\n\n<!-- free-limit -->\n\nPaid.';
    const { html, cut } = renderBody(createBodyProcessor({ freeParagraphs: 3, basePath: '/ledger/' }), body, 'subscribers');
    expect(cut).toBe(true);
    expect(html).toContain('Footnotes');
    expect(html).toContain('href="/ledger/maps/harbour/"');
  });
});
