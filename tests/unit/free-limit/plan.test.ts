import type { Nodes, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { describeCutWarning } from '../../../src/free-limit/errors';
import { planCut } from '../../../src/free-limit/plan';
import { PAID, refusal, render } from './helpers';

const plan = (markdown: string, freeParagraphs = 3) => planCut(markdown, { access: 'subscribers', freeParagraphs });
const text = (tree: Root) => tree.children.map((node) => toString(node as Nodes)).join(' | ');

describe('the cut at the marker', () => {
  it('keeps everything before a top-level marker and nothing after it', () => {
    const result = plan('Free one.\n\nFree two.\n\n<!-- free-limit -->\n\nPaid one.\n\nPaid two.');
    expect(result.cutBy).toBe('marker');
    expect(text(result.free)).toBe('Free one. | Free two.');
    expect(result.cutOffset).toBe('Free one.\n\nFree two.\n\n'.length);
  });

  it('finds the marker without blank lines around it, in capitals or with other spacing', () => {
    expect(text(plan('Free one.\nFree two.\n<!-- free-limit -->\nPaid three.\n\nPaid four.').free)).toBe('Free one.\nFree two.');
    expect(plan('A.\n\n<!--FREE-LIMIT   -->\n\nPaid.').cutBy).toBe('marker');
  });

  it('gives an empty free part when the marker comes first, and no cut when it comes last', () => {
    expect(plan('<!-- free-limit -->\n\nPaid opening.\n\nPaid more.').free.children).toHaveLength(0);
    const last = plan('One.\n\nTwo.\n\n<!-- free-limit -->\n');
    expect(last.cutBy).toBe('none');
    expect(last.cutOffset).toBeUndefined();
  });

  it('cuts inside a list or a quotation, keeping what comes before the marker', () => {
    const list = plan('Intro.\n\n- item one\n- item two\n\n  <!-- free-limit -->\n- item three PAID\n\nPaid after.');
    expect(text(list.free)).toBe('Intro. | item oneitem two');
    const quote = plan('Intro.\n\n> Quoted free.\n>\n> <!-- free-limit -->\n>\n> Quoted paid.\n\nPaid after.');
    expect(text(quote.free)).toBe('Intro. | Quoted free.');
  });

  it('treats a footnote after the cut as paid, even when it is all that follows', () => {
    const result = render('Free[^1].\n\n<!-- free-limit -->\n\n[^1]: Paid note.');
    expect(result.cut).toBe(true);
    expect(result.html).not.toContain('Paid note');
    expect(result.html).not.toContain('fn-1');
  });

  it('keeps footnotes written before the cut and drops those after it, with their references', () => {
    const { html } = render('Claim[^1] and fact[^2].\n\n[^2]: Free note.\n\n<!-- free-limit -->\n\nPaid.\n\n[^1]: Paid note.');
    expect(html).toContain('Free note.');
    expect(html).not.toContain('Paid note');
    expect(html.match(/data-footnote-ref/g)).toHaveLength(1);
  });
});

describe('a link whose definition comes after the cut', () => {
  const body = 'See [the report][r] and [the map][m].\n\n[m]: https://example.org/map\n\n<!-- free-limit -->\n\nPaid.\n\n[r]: https://example.org/zqx-report "Paid title"';

  it('shows its words without the address, which was written after the cut', () => {
    const { html } = render(body);
    expect(html).toContain('See the report and <a href="https://example.org/map">the map</a>.');
    expect(html).not.toContain('zqx');
  });

  it('warns the writer, naming both lines', () => {
    const { warnings } = plan(body);
    expect(warnings).toEqual([{ code: 'cut-address-after-cut', line: 1, args: { label: 'r', definedLine: 9 } }]);
    expect(describeCutWarning(warnings[0]!, 10)).toMatch(/^the link \[r\] is defined after the free limit \(line 19\), so its address is paid/);
  });

  it('drops a picture whose address is defined after the cut', () => {
    const { html } = render('Free ![a chart][c].\n\n<!-- free-limit -->\n\nPaid.\n\n[c]: https://example.org/zqx.png');
    expect(html).toBe('<p>Free .</p>');
  });

  it('publishes everything when nothing but definitions follows the marker', () => {
    const { html, cut } = render('Free [x][r].\n\n<!-- free-limit -->\n\n[r]: https://example.org/r "Title"');
    expect(cut).toBe(false);
    expect(html).toContain('href="https://example.org/r"');
  });
});

describe('the cut without a marker: paragraphs counted as a reader counts them', () => {
  it('shows the first paragraphs; headings, code and pictures on their own do not count', () => {
    const result = plan('P1.\n\n## Heading one\n\nP2.\n\n![alt](a.png)\n\n```\ncode\n```\n\nP3.\n\n## Paid heading\n\n![Paid alt](b.png)\n\nP4 paid.');
    expect(result.cutBy).toBe('paragraph-count');
    expect(text(result.free)).toBe('P1. | Heading one | P2. | alt | code | P3.');
  });

  it('honours the number of free paragraphs, including zero', () => {
    expect(text(plan('A.\n\nB.\n\nC.', 1).free)).toBe('A.');
    expect(plan('A.\n\nB.', 0).free.children).toHaveLength(0);
    expect(plan('A.\n\nB.\n\nC.').cutBy).toBe('none');
  });

  it('counts paragraphs inside lists and quotes', () => {
    expect(text(plan('- Point one free.\n- Point two free.\n- Point three free.\n- Point four paid.\n- Point five paid.').free)).toBe(
      'Point one free.Point two free.Point three free.',
    );
    expect(text(plan('> Q one.\n\n> Q two.\n\n> Q three.\n\n> Q four paid.').free)).toBe('Q one. | Q two. | Q three.');
  });

  it('counts blocks of HTML by the paragraphs they show', () => {
    expect(text(plan('<p>One.</p>\n\n<p>Two.</p>\n\n<p>Three.</p>\n\n<p>Four paid.</p>').free)).toBe('<p>One.</p> | <p>Two.</p> | <p>Three.</p>');
    expect(text(plan('<div><p>One.</p><p>Two.</p></div>\n\nThree.\n\nFour paid.').free)).toBe('<div><p>One.</p><p>Two.</p></div> | Three.');
  });

  it.each([
    ['a linked picture', '[![A chart](chart.png)](https://example.org/chart)'],
    ['a comment holding ">"', '<!-- a > b, see the desk -->'],
    ['a <style> block', '<style>\np { margin: 0 }\n</style>'],
    ['a "•••" separator', '•••'],
    ['a lone zero-width space', '&#8203;'],
    ['an image in raw HTML', '<img src="a.png" alt="A harbour at dawn">'],
  ])('does not count %s, which shows no words', (_what, block) => {
    const { html } = render(`Free one.\n\n${block}\n\nFree two.\n\nFree three.\n\n${PAID}`);
    expect(html).toContain('Free three.');
    expect(html).not.toContain('zqx');
  });

  it("counts a <pre> poem's stanzas one by one, and leaves it out whole when it goes past the allowance, with a warning", () => {
    const poem = '<pre>\nFirst stanza\n\nSecond stanza\n\nThird stanza zqx\n</pre>';
    const result = plan(`Free one.\n\n${poem}\n\n${PAID}`);
    expect(text(result.free)).toBe('Free one.');
    expect(describeCutWarning(result.warnings[0]!)).toMatch(/holds 3 paragraphs or stanzas, and only 2 more are free/);
    expect(render(`Free one.\n\n${poem}\n\n${PAID}`).html).toBe('<p>Free one.</p>');
    // Three stanzas and nothing before them: all three are free.
    const first = plan(`${poem}\n\n${PAID}`);
    expect(text(first.free)).toContain('Third stanza');
    expect(first.warnings).toEqual([]);
  });

  it('counts a paragraph that "---" turned into a heading as the paragraph the writer meant, with a warning', () => {
    const result = plan(`Free one.\n\nFree two.\n\nFree three\n---\n\n${PAID}`);
    expect(text(result.free)).toBe('Free one. | Free two. | Free three');
    expect(result.warnings).toEqual([{ code: 'cut-setext-paragraph', line: 5, args: {} }]);
    expect(describeCutWarning(result.warnings[0]!)).toMatch(/followed directly by "---" is a heading/);
    expect(render(`Free one.\n\nFree two.\n\nFree three\n---\n\n${PAID}`).html).not.toContain('zqx');
  });
});

describe('the second opinion: the plain reading of the text', () => {
  it('refuses when the parser would put more paragraphs in the free part than the plain reading allows', () => {
    const error = refusal(`Free one.\n\n[^a]: A note written among the paragraphs.\n\nFree two.\n\nFree three.\n\n${PAID}`);
    expect(error.code).toBe('free-limit-disagreement');
    expect(error.message).toMatch(/^line 5: the build cannot be certain where the free part ends: read plainly, the free part would run on past its 3 paragraphs, which end at line 5/);
    expect(error.message).toContain('Put <!-- free-limit --> on a line of its own');
  });

  it('refuses text the parser reads as code when it was meant as paragraphs', () => {
    const error = refusal(`Free one.\n\n    Indented by four spaces, so it became code.\n\n    And this too.\n\nFree two.\n\nFree three.\n\n${PAID}`);
    expect(error.code).toBe('free-limit-disagreement');
  });

  it('is satisfied by a marker: the writer said where the free part ends', () => {
    expect(render(`Free one.\n\n    Indented code.\n\n    More code.\n\nFree two.\n\n<!-- free-limit -->\n\n${PAID}`).cut).toBe(true);
  });
});
