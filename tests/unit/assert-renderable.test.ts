import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError } from '../../src/errors/content-issue';
import { readArchive } from '../../src/archive/read-archive';
import {
  findUnrenderable,
  MAX_BODY_BYTES,
  MAX_MARK_LOAD,
  UnrenderableBodyError,
  withinLimitsAtAGlance,
} from '../../src/lib/markdown-limits';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';
import { article, contentFolder } from '../helpers/content-folder';

const processor = createBodyProcessor({ freeParagraphs: 3 });
const render = (markdown: string) => renderBody(processor, markdown, 'free');
const repeat = (text: string, times: number) => text.repeat(times);
const lines = (count: number, line: (index: number) => string, separator = '\n') =>
  Array.from({ length: count }, (_, index) => line(index)).join(separator);

/** Renders and expects a refusal; returns the error and how long it took. */
function refusal(markdown: string): { error: UnrenderableBodyError; ms: number } {
  const started = performance.now();
  try {
    render(markdown);
  } catch (error) {
    const ms = performance.now() - started;
    expect(error).toBeInstanceOf(UnrenderableBodyError);
    return { error: error as UnrenderableBodyError, ms };
  }
  throw new Error('expected the body to be refused');
}

describe('bodies that would stall the Markdown parser', () => {
  // Each of these took from 4 s to minutes (or overflowed the stack) before the guard.
  it.each([
    ['10,000 `*a` in one paragraph', repeat('*a', 10_000), /has 10,000 emphasis, code, strikethrough or link marks .* in one paragraph.*\(line 1\)/],
    ['10,000 `~a` in one paragraph', repeat('~a', 10_000), /has 10,000 .* in one paragraph/],
    ['16,000 alternating `*_` marks', repeat('*_', 8_000), /has 16,000 .* in one paragraph/],
    ['50,000 `[`', repeat('[', 50_000), /has 50,000 .* in one paragraph/],
    ['20,000 `[a]` shortcut references', repeat('[a]', 20_000), /has 40,000 .* in one paragraph/],
    ['links nested 8,000 deep', `${repeat('[', 8_000)}a${repeat('](b)', 8_000)}`, /has 16,000 .* in one paragraph/],
    [
      'many crowded paragraphs',
      lines(60, () => repeat('*_', 500), '\n\n'),
      /has too many paragraphs crowded with .* \(the most crowded has 1,000\) \(line 1\)/,
    ],
    ['20,000 footnotes', `${lines(20_000, (i) => `x[^${i}]`, '\n\n')}\n\n${lines(20_000, (i) => `[^${i}]: Note ${i}.`, '\n\n')}`, /more than the 256 KB/],
    ['5,000 footnotes', `${lines(5_000, (i) => `x[^${i}]`, '\n\n')}\n\n${lines(5_000, (i) => `[^${i}]: N.`, '\n\n')}`, /has 10,000 footnote references and definitions/],
    ['1,500 references to one footnote', `${repeat('x[^1]', 1_500)}\n\n[^1]: Note.`, /has 1,501 footnote references and definitions .* \(first at line 1\)/],
    [
      '5,000 link definitions',
      `Intro.\n\n${lines(5_000, (i) => `[l${i}]: /x${i}`, '\n\n')}`,
      /has 5,000 link definitions \(\[label\]: url\), .* \(first at line 3\)/,
    ],
    ['a 300 × 300 table', lines(301, (row) => (row === 1 ? `|${repeat('---|', 300)}` : `|${repeat(' c |', 300)}`)), /more than the 256 KB/],
    [
      'a 150 × 150 table',
      lines(151, (row) => (row === 1 ? `|${repeat('---|', 150)}` : `|${repeat(' c |', 150)}`)),
      /has 22,801 table cell marks \(\|\), .* \(first at line 1\)/,
    ],
    ['`- ` nested 5,000 deep on one line', `${repeat('- ', 5_000)}a`, /has a line nested 10000 columns deep \(line 1\)/],
    ['ordered lists nested on one line', `Intro.\n\n${repeat('1. ', 200)}a`, /has a line nested 600 columns deep \(line 3\)/],
  ])('refuses %s within a second, naming the line', (_name, markdown, message) => {
    const { error, ms } = refusal(markdown);
    expect(error.message).toMatch(message);
    expect(ms).toBeLessThan(1_000);
  });

  it('refuses a body over 256 KB, saying how big it is', () => {
    const { error, ms } = refusal(repeat('Plain words in a very long article. ', Math.ceil(MAX_BODY_BYTES / 36) + 10));
    expect(error.message).toMatch(/^is 257 KB, more than the 256 KB a body may have; split it into several articles$/);
    expect(ms).toBeLessThan(1_000);
  });

  it('counts the size in bytes, so a body of multi-byte letters cannot slip past', () => {
    const greek = repeat('α', MAX_BODY_BYTES / 2 + 1);
    expect(greek.length).toBeLessThan(MAX_BODY_BYTES);
    expect(findUnrenderable(greek)?.message).toMatch(/more than the 256 KB/);
  });

  it('refuses more marks in the whole body than can be rendered, however they are spread', () => {
    const spread = lines(1_100, () => repeat('*a* ', 20), '\n\n');
    expect(findUnrenderable(spread)?.message).toMatch(/^has 44,000 emphasis, code, strikethrough or link marks .*, more than the 40,000/);
  });

  it('does not count marks escaped with a backslash, which are text', () => {
    expect(findUnrenderable(repeat('\\*a', 10_000))).toBeUndefined();
    // An escaped backslash does not escape the mark after it.
    expect(findUnrenderable(repeat('\\\\*a', 10_000))?.message).toMatch(/in one paragraph/);
  });

  it('counts a run of the same mark once, as the parser does', () => {
    expect(findUnrenderable(repeat('*', 100_000))).toBeUndefined();
    expect(findUnrenderable(`${repeat('~', 3_000)}\n\n${repeat('`', 3_000)}`)).toBeUndefined();
  });

  it('renders the densest paragraph the budget allows within seconds', () => {
    const marks = Math.floor(Math.sqrt(MAX_MARK_LOAD));
    const markdown = `${repeat('[', marks / 2)}a${repeat('](b)', marks / 2)}`;
    expect(findUnrenderable(markdown)).toBeUndefined();
    const started = performance.now();
    render(markdown);
    // 2–4 s on a quiet 2-core machine. The budget says seconds, not minutes: past the guard's limit the parser's cost
    // grows with the square of the marks (16,000 took 23 s, 50,000 minutes), which the refusals above keep out.
    expect(performance.now() - started).toBeLessThan(60_000);
  });
});

describe('real articles stay within the limits', () => {
  const paragraph = (i: number) =>
    `Paragraph ${i}: the harbour trust said on Monday that the *approach channel* would be deepened by **two metres**, ` +
    `at a cost of [£81m](/articles/cost-${i}/), with \`dredging\` starting in ~~June~~ September.[^n${i % 200}] ` +
    `"We have no choice," said its chair, [Ana Ruiz][ruiz-${i % 100}], snake_case_words and all.`;

  it('renders a long article with 200 footnotes, 100 link definitions and a 2,000-row table', () => {
    const markdown = [
      ...Array.from({ length: 60 }, (_, i) => (i % 10 === 9 ? `## Part ${i}` : i % 10 === 5 ? `> ${paragraph(i)}` : paragraph(i))),
      [
        '| Ward | Candidate | Party | Votes | Share | Change |',
        '|---|---|---|---:|---:|---:|',
        ...Array.from({ length: 2_000 }, (_, i) => `| Ward ${i} | Candidate ${i} | Harbour First | ${1000 + i} | 41.2% | +3.1 |`),
      ].join('\n'),
      ...Array.from({ length: 200 }, (_, i) => `[^n${i}]: Note ${i}, with a [source](https://example.org/${i}).\n`),
      ...Array.from({ length: 100 }, (_, i) => `[ruiz-${i}]: https://example.org/people/ruiz-${i}`),
    ].join('\n\n');
    expect(findUnrenderable(markdown)).toBeUndefined();
    const { html } = render(markdown);
    expect(html).toContain('<td>Ward 1999</td>');
    expect(html).toContain('Note 58, with a');
  });

  it('renders ordinary nesting, lists written on one line included', () => {
    expect(render('- a\n  - b\n    - c\n      - d\n\n- - - e').html).toContain('<li>e</li>');
  });
});

describe('the glance that settles most bodies before the full pass', () => {
  const refused = [
    ['41 tabs of nesting (164 columns)', `${'\t'.repeat(41)}a`],
    ['nesting written as long list numbers', `${'123456789. '.repeat(15)}a`],
    ['1,001 footnote references', lines(1_001, (index) => `Note[^${index}].`)],
    ['1,001 link definitions', lines(1_001, (index) => `[l${index}]: https://example.org/${index}`)],
    ['20,001 table pipes', repeat('|', 20_001)],
    ['7,001 marks in one paragraph', repeat('*a', 7_001)],
  ];

  it.each(refused)('never settles a body the full pass refuses: %s', (_, markdown) => {
    expect(findUnrenderable(markdown)).toBeInstanceOf(UnrenderableBodyError);
    expect(withinLimitsAtAGlance(markdown)).toBe(false);
  });

  it('settles an ordinary article, links, emphasis, a short table and a quoted list included', () => {
    const article = [
      lines(40, (index) => `Paragraph ${index} with *emphasis*, a [link](https://example.org/${index}) and \`code\`.`, '\n\n'),
      '| a | b |\n| - | - |\n| 1 | 2 |',
      '> - quoted\n>   1. nested',
    ].join('\n\n');
    expect(withinLimitsAtAGlance(article)).toBe(true);
    expect(findUnrenderable(article)).toBeUndefined();
  });
});

describe('UnrenderableBodyError', () => {
  it('shifts its line past the frontmatter, keeping its wording', () => {
    const error = new UnrenderableBodyError('has a line nested 200 columns deep', 'lists and quotes that deep cannot be rendered', 3);
    expect(error.shifted(7).message).toBe('has a line nested 200 columns deep (line 10); lists and quotes that deep cannot be rendered');
    const first = new UnrenderableBodyError('has many', 'fix it', 2, 'first at line');
    expect(first.shifted(5).message).toBe('has many (first at line 7); fix it');
  });
});

describe('readArchive with a body that would stall the parser', () => {
  let cleanups: Array<() => void> = [];
  afterEach(() => {
    cleanups.forEach((cleanup) => cleanup());
    cleanups = [];
  });

  async function problems(changes: Record<string, string>): Promise<string[]> {
    const { dir, cleanup } = contentFolder(changes);
    cleanups.push(cleanup);
    const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 4, similar: 4 } };
    try {
      await readArchive({ contentDir: dir, displayRoot: path.dirname(dir), settings });
    } catch (error) {
      if (error instanceof ContentError) return error.issues.map((issue) => `${path.basename(issue.file)}:${issue.line}: ${issue.field} ${issue.message} [${issue.code}]`);
      throw error;
    }
    throw new Error('expected the content to be rejected');
  }

  it('names the article file and the line in that file', async () => {
    const body = `Fine paragraph.\n\n${repeat('*a', 10_000)}\n`;
    const messages = await problems({ 'articles/stall.md': article({}, body) });
    // Frontmatter of five fields plus two fences: the body starts at line 8 of the file.
    expect(messages).toEqual([expect.stringMatching(/^stall\.md:10: body has 10,000 .* in one paragraph, .*; split long paragraphs.* \[body-too-costly\]$/)]);
  });

  it('names an author file whose bio would stall the parser, instead of failing the whole read', async () => {
    const messages = await problems({ 'authors/ada.md': `---\nname: Ada Quill\n---\n${repeat('- ', 2_000)}a\n` });
    expect(messages[0]).toMatch(/^ada\.md:4: body has a line nested 4000 columns deep; lists and quotes that deep cannot be rendered \[body-too-costly\]$/);
  });
});
