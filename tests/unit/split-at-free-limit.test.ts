import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  FreeLimitError,
  removeFreeLimitMarker,
  splitAtFreeLimit,
} from '../../src/markdown/split-at-free-limit';

const parse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);
const split = (markdown: string, freeParagraphs = 3) => splitAtFreeLimit(parse(markdown), { freeParagraphs });
const text = (tree: Root | null) => (tree ? toString(tree) : '');

describe('splitAtFreeLimit', () => {
  it('keeps everything before a top-level marker and nothing after it', () => {
    const result = split('Free one.\n\nFree two.\n\n<!-- free-limit -->\n\nPaid one.\n\nPaid two.');
    expect(result.cutBy).toBe('marker');
    expect(text(result.free)).toContain('Free two.');
    expect(text(result.free)).not.toContain('Paid');
    expect(text(result.paid)).toContain('Paid two.');
  });

  it('finds the marker without blank lines around it', () => {
    const result = split('Free one.\nFree two.\n<!-- free-limit -->\nPaid three.\n\nPaid four.');
    expect(result.cutBy).toBe('marker');
    expect(text(result.free)).toContain('Free two.');
    expect(text(result.free)).not.toContain('Paid');
  });

  it('accepts the marker with extra spaces or in capitals', () => {
    expect(split('A.\n\n<!--FREE-LIMIT   -->\n\nPaid.').cutBy).toBe('marker');
  });

  it('gives an empty free part when the marker comes first', () => {
    const result = split('<!-- free-limit -->\n\nPaid opening.\n\nPaid more.');
    expect(result.free.children).toHaveLength(0);
    expect(text(result.paid)).toContain('Paid opening.');
  });

  it('treats a marker at the very end as no cut at all', () => {
    const result = split('One.\n\nTwo.\n\n<!-- free-limit -->\n');
    expect(result.paid).toBeNull();
    expect(result.cutBy).toBe('none');
    expect(text(result.free)).toContain('Two.');
  });

  it('cuts inside a list, keeping the items before the marker', () => {
    const result = split('Intro.\n\n- item one\n- item two\n\n  <!-- free-limit -->\n- item three PAID\n\nPaid after.');
    const free = text(result.free);
    expect(free).toContain('item one');
    expect(free).toContain('item two');
    expect(free).not.toContain('PAID');
    expect(free).not.toContain('Paid after');
  });

  it('cuts inside a block quote', () => {
    const result = split('Intro.\n\n> Quoted free.\n>\n> <!-- free-limit -->\n>\n> Quoted paid.\n\nPaid after.');
    expect(text(result.free)).toContain('Quoted free.');
    expect(text(result.free)).not.toMatch(/paid/i);
  });

  it('refuses a marker inside a line of text, where the rest of the line would stay free', () => {
    expect(() => split('Free words <!-- free-limit --> paid words.\n\nMore paid.')).toThrow(/inside a line of text \(line 1\)/);
  });

  it.each([
    ['link text', 'Free [text <!-- free-limit --> paid](https://example.org/paid "Paid title").', /inside the text of a link/],
    ['a heading', '# Head <!-- free-limit --> paid\n\nPaid.', /inside a heading/],
    ['a table cell', '| a | b |\n| - | - |\n| x <!-- free-limit --> | paid |', /inside a table cell/],
    ['emphasis', 'Free *a <!-- free-limit --> paid* words.', /inside emphasis/],
  ])('refuses a marker inside %s', (_where, markdown, message) => {
    expect(() => split(markdown)).toThrow(message);
  });

  it('shows the first paragraphs when there is no marker', () => {
    const result = split('P1.\n\n## Heading one\n\nP2.\n\n![alt](a.png)\n\nP3.\n\n## Paid heading\n\n![Paid alt](b.png)\n\nP4 paid.');
    expect(result.cutBy).toBe('paragraph-count');
    const free = text(result.free);
    expect(free).toContain('Heading one');
    expect(free).toContain('P3.');
    expect(free).not.toContain('Paid heading');
    expect(JSON.stringify(result.free)).not.toContain('Paid alt');
    expect(free).not.toContain('P4');
  });

  it('honours the number of free paragraphs, including zero', () => {
    expect(text(split('A.\n\nB.\n\nC.', 1).free)).toBe('A.');
    expect(split('A.\n\nB.', 0).free.children).toHaveLength(0);
  });

  it('does not cut a short article with no marker', () => {
    const result = split('A.\n\nB.\n\nC.');
    expect(result.paid).toBeNull();
    expect(result.cutBy).toBe('none');
  });

  it('refuses two markers and names both lines', () => {
    const tree = parse('A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->\n\nC.');
    expect(() => splitAtFreeLimit(tree, { freeParagraphs: 3 })).toThrow(FreeLimitError);
    expect(() => splitAtFreeLimit(tree, { freeParagraphs: 3 })).toThrow(/lines 3, 7/);
  });

  it('refuses a marker glued inside a block of HTML', () => {
    const tree = parse('<div>\nFree\n<!-- free-limit -->\nPaid\n</div>\n\nMore.');
    expect(() => splitAtFreeLimit(tree, { freeParagraphs: 3 })).toThrow(/inside a block of HTML/);
  });

  it('refuses a marker stuck in a code block, where it would do nothing', () => {
    expect(() => split('Free.\n\n    <!-- free-limit -->\n\nPaid one.\n\nPaid two.\n\nPaid three.')).toThrow(/inside a code block \(line 3\)/);
    expect(() => split('A.\n\n```\n<!-- free-limit -->\n```\n\nB.')).toThrow(FreeLimitError);
  });

  it('lets a code block show the marker among other lines, as documentation', () => {
    const result = split('A.\n\n```markdown\nSecond paragraph.\n\n<!-- free-limit -->\n```\n\nB.\n\nC.\n\nD paid.');
    expect(result.cutBy).toBe('paragraph-count');
  });

  it.each(['<!-- free limit -->', '<!-- free-limit --->', '<!--free_limit-->', '<!-- free\u2010limit -->'])(
    'refuses the near-miss marker %s rather than ignore it',
    (marker) => {
      expect(() => split(`Free.\n\n${marker}\n\nPaid.`)).toThrow(/looks like a free-limit marker/);
    },
  );

  it('counts paragraphs inside lists and quotes when there is no marker', () => {
    const list = split('- Point one free.\n- Point two free.\n- Point three free.\n- Point four paid.\n- Point five paid.');
    expect(list.cutBy).toBe('paragraph-count');
    expect(text(list.free)).toContain('Point three free.');
    expect(text(list.free)).not.toContain('paid');
    expect(text(list.paid)).toContain('Point five paid.');
    const quotes = split('> Q one.\n\n> Q two.\n\n> Q three.\n\n> Q four paid.');
    expect(text(quotes.free)).not.toContain('paid');
  });

  it('counts blocks of HTML with words as paragraphs', () => {
    const result = split('<p>One.</p>\n\n<p>Two.</p>\n\n<p>Three.</p>\n\n<p>Four paid.</p>');
    expect(JSON.stringify(result.free)).not.toContain('paid');
    expect(JSON.stringify(result.paid)).toContain('Four paid.');
  });

  it('treats a footnote after the cut as paid, even when it is all that follows', () => {
    const result = split('Free[^1].\n\n<!-- free-limit -->\n\n[^1]: Paid note.');
    expect(JSON.stringify(result.free)).not.toContain('Paid note');
    expect(result.paid).not.toBeNull();
  });

  it('drops the titles of definitions left after the cut even when nothing else follows', () => {
    const result = split('Free [x][r].\n\n<!-- free-limit -->\n\n[r]: https://example.org/r "Paid title"');
    expect(result.paid).toBeNull();
    expect(JSON.stringify(result.free)).toContain('https://example.org/r');
    expect(JSON.stringify(result.free)).not.toContain('Paid title');
  });

  it('keeps link definitions that free links use, without their title', () => {
    const result = split('See [the report][r].\n\n<!-- free-limit -->\n\nPaid.\n\n[r]: https://example.org/report "Paid title"\n[unused]: https://example.org/secret');
    const json = JSON.stringify(result.free);
    expect(json).toContain('https://example.org/report');
    expect(json).not.toContain('Paid title');
    expect(json).not.toContain('secret');
  });

  it('drops footnote notes that sit after the cut, and their references', () => {
    const result = split('Claim[^1] and fact[^2].\n\n[^2]: Free note.\n\n<!-- free-limit -->\n\nPaid.\n\n[^1]: Paid note.');
    const json = JSON.stringify(result.free);
    expect(json).not.toContain('Paid note');
    expect(json).toContain('Free note');
    const refs: string[] = [];
    JSON.stringify(result.free, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { type?: string }).type === 'footnoteReference')
        refs.push((value as { identifier: string }).identifier);
      return value;
    });
    expect(refs).toEqual(['2']);
  });

  it('does not change the input tree', () => {
    const tree = parse('A.\n\n<!-- free-limit -->\n\nB.');
    const before = JSON.stringify(tree);
    splitAtFreeLimit(tree, { freeParagraphs: 3 });
    expect(JSON.stringify(tree)).toBe(before);
  });
});

describe('removeFreeLimitMarker', () => {
  it('returns the whole text of a free article without the marker', () => {
    const tree = removeFreeLimitMarker(parse('A.\n\n<!-- free-limit -->\n\nB.'));
    expect(text(tree)).toContain('B.');
    expect(JSON.stringify(tree)).not.toContain('free-limit');
  });

  it('rejoins a list split by the marker', () => {
    const tree = removeFreeLimitMarker(parse('- one\n- two\n  <!-- free-limit -->\n- three'));
    expect(tree.children).toHaveLength(1);
    expect(text(tree)).toContain('three');
  });

  it('still refuses two markers', () => {
    expect(() => removeFreeLimitMarker(parse('<!-- free-limit -->\n\nA\n\n<!-- free-limit -->'))).toThrow(FreeLimitError);
  });
});

describe('splitAtFreeLimit and its input', () => {
  it('leaves the input tree unchanged, even when it prunes footnote references from the free part', () => {
    const tree = parse('Free with a note.[^1]\n\n<!-- free-limit -->\n\nPaid.\n\n[^1]: A paid note.');
    const before = structuredClone(tree);
    const result = splitAtFreeLimit(tree, { freeParagraphs: 3 });
    expect(JSON.stringify(result.free)).not.toContain('footnoteReference');
    expect(tree).toEqual(before);
  });
});
