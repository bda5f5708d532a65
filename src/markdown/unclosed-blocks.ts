import type { Code, Html, Nodes, Parents, Root } from 'mdast';
import { FreeLimitError } from './free-limit-marker';

/**
 * HTML blocks that CommonMark runs on until their closer, or to the end of the
 * document (or of the list item or quotation holding them) when there is none:
 * one "block" then holds everything after it, marker and paid text included,
 * and a browser shows or hides it unpredictably.
 */
const HTML_BLOCKS: readonly { opens: RegExp; closes: RegExp; what: string; closer: string }[] = [
  { opens: /^<!--/, closes: /^<!--(?:-?>|[\s\S]*?-->)/, what: 'an HTML comment', closer: '-->' },
  { opens: /^<!\[CDATA\[/, closes: /\]\]>/, what: 'a CDATA section', closer: ']]>' },
  { opens: /^<\?/, closes: /\?>/, what: 'a processing instruction (<?…)', closer: '?>' },
  { opens: /^<![A-Za-z]/, closes: />/, what: 'a declaration (<!…)', closer: '>' },
];
const RAW_TEXT = /^<(pre|script|style|textarea)(?=[\s>]|$)/i;
const FENCE = /^(`{3,}|~{3,})/;

function unclosedHtml(node: Html): string | undefined {
  const value = node.value.trimStart();
  for (const block of HTML_BLOCKS) {
    const opened = block.opens.exec(value);
    if (!opened) continue;
    const closed = block.closes.exec(value);
    if (!closed) return `${block.what} is opened here and never closed with "${block.closer}"`;
    // Closed only by the `-->` of a comment opened later (the marker's, often): the writer forgot this closer.
    const inside = value.slice(opened[0].length, closed.index + closed[0].length - block.closer.length);
    if (inside.includes('<!--')) return `${block.what} is opened here and not closed with "${block.closer}" before the next comment`;
    return undefined;
  }
  const raw = RAW_TEXT.exec(value);
  if (raw && !new RegExp(`</${raw[1]}\\s*>`, 'i').test(value)) {
    const tag = raw[1]!.toLowerCase();
    return `a <${tag}> is opened here and never closed with </${tag}>`;
  }
  return undefined;
}

function unclosedFence(node: Code, raw: string): string | undefined {
  const { start, end } = node.position ?? {};
  if (start?.offset === undefined || end?.offset === undefined) return undefined;
  const lines = raw.slice(start.offset, end.offset).split('\n');
  const open = FENCE.exec(lines[0]!.trimStart());
  if (!open) return undefined; // Indented code: it ends where the indentation does.
  const last = lines.length > 1 ? lines.at(-1)!.replace(/^[\s>]*/, '').trimEnd() : '';
  const closed = last.length >= open[1]!.length && [...last].every((char) => char === open[1]![0]);
  return closed ? undefined : `a code fence (${open[1]}) is opened here and never closed, so it runs over everything after it`;
}

/**
 * Refuses blocks that never close: HTML comments, CDATA sections, processing
 * instructions, declarations, `<pre>`/`<script>`/`<style>`/`<textarea>` and
 * code fences. Each would run over the rest of the body (or of its list item or
 * quotation), so where the cut falls would be anyone's guess. The error gives
 * the line where the block opens. Inline HTML needs no check: Markdown only
 * makes an inline HTML node from a complete tag or comment.
 */
export function assertBlocksClosed(raw: string, tree: Root): void {
  const visit = (node: Nodes, inline: boolean) => {
    const problem =
      node.type === 'html' && !inline ? unclosedHtml(node) : node.type === 'code' ? unclosedFence(node, raw) : undefined;
    if (problem) throw new FreeLimitError('unclosed', [node.position?.start.line ?? 0], `${problem}; close it, or the article cannot be cut safely`);
    if ('children' in node) {
      const childrenInline = inline || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
      for (const child of (node as Parents).children) visit(child, childrenInline);
    }
  };
  visit(tree, false);
}
