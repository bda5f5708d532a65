import type { Code, Html, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { FreeLimitError } from './errors';
import { hasChildren } from './tree';

/**
 * The raw HTML blocks CommonMark ends only at a closing condition, not at a
 * blank line: they run on to the end of the body (or of the list item or
 * quotation holding them) when it never comes, over the marker and the paid
 * text, and a browser then shows or hides what they swallowed as it likes.
 */
interface RawBlockKind {
  /** Recognises the opening, at the start of the block. */
  opens: RegExp;
  /** Finds a second opening of the same kind (global, searched from after the first). */
  again: RegExp;
  /** What closes it, for the message. */
  closer: (opening: string) => string;
  what: string;
  /** Comments, instructions, declarations and CDATA hold notes, not text: one that crosses a blank line has swallowed paragraphs. */
  paragraphs: boolean;
}

const KINDS: readonly RawBlockKind[] = [
  { opens: /^<(pre|script|style|textarea)(?=[\s/>]|$)/i, again: /<(pre|script|style|textarea)(?=[\s/>]|$)/gi, closer: (tag) => `</${tag.toLowerCase()}>`, what: 'a <{tag}> block', paragraphs: true },
  { opens: /^<!--/, again: /<!--/g, closer: () => '-->', what: 'an HTML comment (<!--)', paragraphs: false },
  { opens: /^<\?/, again: /<\?/g, closer: () => '?>', what: 'a processing instruction (<?)', paragraphs: false },
  { opens: /^<!\[CDATA\[/, again: /<!\[CDATA\[/g, closer: () => ']]>', what: 'a CDATA section (<![CDATA[)', paragraphs: false },
  { opens: /^<![A-Za-z]/, again: /<![A-Za-z]/g, closer: () => '>', what: 'a declaration (<!…)', paragraphs: false },
];

/** A line no writer types: if micromark puts it inside the block, nothing closed the block. */
const PROBE = 'masthead-probe-c0d9e1f2';

/**
 * Whether micromark closed this block itself: the block's text is parsed
 * again with a paragraph after a blank line. A block ended by its closing
 * condition ends before the paragraph; one that ran to the end of the body or
 * of its container swallows it. The parser decides, not an imitation of it.
 */
function closedByItself(value: string): boolean {
  const [first] = fromMarkdown(`${value}\n\n${PROBE}\n`).children;
  return first?.type === 'html' && !first.value.includes(PROBE);
}

const BLANK_LINE = /\n[ \t]*\n/;

function lineOf(value: string, index: number, firstLine: number): number {
  let line = firstLine;
  for (let i = 0; i < index; i++) if (value.charCodeAt(i) === 10) line++;
  return line;
}

function checkHtmlBlock(node: Html): void {
  const value = node.value;
  const kind = KINDS.find((candidate) => candidate.opens.test(value));
  if (!kind) return;
  const line = node.position?.start.line ?? 0;
  const opening = kind.opens.exec(value)!;
  const tag = opening[1] ?? '';
  const closer = kind.closer(tag);
  const what = kind.what.replace('{tag}', tag.toLowerCase());
  const refuse = (problem: 'never-closed' | 'reopened' | 'blank-line', againLine?: number) => {
    throw new FreeLimitError('free-limit-unclosed', line, { what, closer, problem, ...(againLine === undefined ? {} : { againLine }) });
  };
  if (!closedByItself(value)) refuse('never-closed');
  // The block ends on the line of its first closer (micromark's rule); what it holds before that closer:
  const closerAt = value.toLowerCase().indexOf(closer, opening[0].length);
  const inside = value.slice(opening[0].length, closerAt === -1 ? value.length : closerAt);
  kind.again.lastIndex = 0;
  const again = kind.again.exec(inside);
  if (again) refuse('reopened', lineOf(value, opening[0].length + again.index, line));
  if (!kind.paragraphs && BLANK_LINE.test(inside)) refuse('blank-line');
}

const FENCE = /^(`{3,}|~{3,})/;

function checkFence(node: Code, raw: string): void {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return;
  const lines = raw.slice(start.offset, end.offset).split('\n');
  const open = FENCE.exec(lines[0]!.trimStart());
  if (!open) return; // Indented code: it ends where the indentation does.
  const last = lines.length > 1 ? lines.at(-1)!.replace(/^[\s>]*/, '').trimEnd() : '';
  const closed = last.length >= open[1]!.length && [...last].every((char) => char === open[1]![0]);
  if (!closed) {
    throw new FreeLimitError('free-limit-unclosed', start.line, { what: `a code fence (${open[1]})`, closer: open[1]!, problem: 'never-closed' });
  }
}

/**
 * Refuses raw blocks the cut cannot be placed around: a raw HTML block of the
 * kinds that end only at a closing condition (`pre`, `script`, `style`,
 * `textarea`, comment, processing instruction, declaration, CDATA) that runs
 * to the end of the body or its container, that opens a second time before
 * it closes, or (comments, instructions, declarations, CDATA) that crosses a
 * blank line; and a code fence that never closes. A `<pre>` poem closed
 * properly, stanzas and all, is fine. The error names the line where the
 * block opens and what would close it.
 */
export function assertRawBlocksClosed(markdown: string, tree: Root): void {
  const visit = (node: Nodes) => {
    if (node.type === 'html') checkHtmlBlock(node);
    else if (node.type === 'code') checkFence(node, markdown);
    // Inline HTML is a complete tag or comment by construction: only blocks can run on.
    else if (hasChildren(node) && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'tableCell') {
      for (const child of node.children) visit(child as Nodes);
    }
  };
  visit(tree);
}
