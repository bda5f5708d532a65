import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';
import { splitAtFreeLimit } from '../../src/markdown/split-at-free-limit';
import { verifyCut } from '../../src/markdown/verify-cut';

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);
const source = 'Free one.\n\nFree [link][ref].\n\n<!-- free-limit -->\n\nPaid secret.\n\n[ref]: https://example.org/x "Paid title"\n';
const split = () => {
  const result = splitAtFreeLimit(parse(source), { freeParagraphs: 3 });
  return { free: result.free, cutOffset: result.cutOffset! };
};

describe('verifyCut, the independent check after the split', () => {
  it('passes an honest cut, with its carried-over link definition', () => {
    const { free, cutOffset } = split();
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free one.</p><p>Free <a href="https://example.org/x">link</a>.</p>' })).not.toThrow();
  });

  it('fails when a node from after the cut is in the free tree', () => {
    const { free, cutOffset } = split();
    const paid = parse(source).children.find((node) => node.type === 'paragraph' && node.position!.start.line === 7)!;
    free.children.push(paid);
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free one.</p>' })).toThrow(
      /internal cut check \(a paragraph from line 7, after the cut, is in the free part\)/,
    );
  });

  it('fails when a carried-over definition keeps its title', () => {
    const { free, cutOffset } = split();
    const definition = free.children.find((node) => node.type === 'definition')!;
    if (definition.type === 'definition') definition.title = 'Paid title';
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free one.</p>' })).toThrow(/a definition from line 9/);
  });

  it('fails when the free HTML shows a word the text before the cut does not hold', () => {
    const { free, cutOffset } = split();
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p>Free one. Paid secret.</p>' })).toThrow(/shows the word "paid"/);
    expect(() => verifyCut({ source, cutOffset, free, freeHtml: '<p><img src="a.png" alt="secret"></p>' })).toThrow(/"secret"/);
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

  it('accepts the labels the pipeline writes for footnotes', () => {
    const body = 'Free with a note.[^1]\n\n[^1]: The note, before the cut.\n\n<!-- free-limit -->\n\nPaid.';
    const { html, cut } = renderBody(createBodyProcessor({ freeParagraphs: 3 }), body, 'subscribers');
    expect(cut).toBe(true);
    expect(html).toContain('Footnotes');
  });
});
