import type { Nodes } from 'mdast';

/** The marker a newsroom writes on its own line between blocks. */
export const FREE_LIMIT_MARKER = '<!-- free-limit -->';

/** The marker as the split recognises it: an HTML node holding exactly this comment. */
export const MARKER_EXACT = /^<!--\s*free-limit\s*-->$/i;

/**
 * Where a marker may stand: between blocks, at the top level or inside a list
 * item or a quotation. Anywhere else (a paragraph, heading, link, table cell,
 * footnote) the cut would fall in the middle of a sentence or keep what comes
 * after it in the same line.
 */
export function isLegalMarkerParent(parent: Nodes): boolean {
  return parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem';
}

export type FreeLimitProblem =
  | 'several'
  | 'inside-html'
  | 'near-miss'
  | 'in-code'
  | 'inline'
  | 'unclosed-html'
  | 'unclosed'
  | 'damaged'
  | 'other-marker'
  | 'internal-check';

const HOW = `put ${FREE_LIMIT_MARKER} on its own line with a blank line before and after`;

const problemMessages: Record<FreeLimitProblem, (lines: number[], detail: string) => string> = {
  several: (lines) => `has ${lines.length} free-limit markers (lines ${lines.join(', ')}); keep exactly one`,
  'inside-html': (lines) => `has a free-limit marker inside a block of HTML (line ${lines[0]}); ${HOW}`,
  'near-miss': (lines) =>
    `has something that looks like a free-limit marker but is not one (line ${lines[0]}); write it exactly as ${FREE_LIMIT_MARKER}`,
  'in-code': (lines) =>
    `has a free-limit marker inside a code block (line ${lines[0]}), where it does nothing; remove its indentation or fences`,
  inline: (lines, where) => `has a free-limit marker ${where} (line ${lines[0]}), where it cannot cut; ${HOW}`,
  'unclosed-html': (lines, tag) =>
    `has a <${tag}> that is never closed (line ${lines[0]}), so it would swallow the rest of the article; close it with </${tag}>`,
  unclosed: (lines, detail) => `line ${lines[0]}: ${detail}`,
  damaged: (lines, detail) => `line ${lines[0]}: ${detail}`,
  'other-marker': (lines, detail) => `line ${lines[0]}: ${detail}`,
  'internal-check': (_lines, detail) =>
    `failed the internal cut check (${detail}); nothing was published. Please report this as a Masthead bug`,
};

/** Why a body cannot be split safely. `lines` are 1-based within the Markdown given. */
export class FreeLimitError extends Error {
  readonly kind: FreeLimitProblem;
  readonly lines: number[];
  readonly detail: string;
  constructor(kind: FreeLimitProblem, lines: number[], detail = '') {
    super(problemMessages[kind](lines, detail));
    this.name = 'FreeLimitError';
    this.kind = kind;
    this.lines = lines;
    this.detail = detail;
  }

  /** The same error with line numbers shifted, e.g. past a file's frontmatter. */
  shifted(offset: number): FreeLimitError {
    return new FreeLimitError(this.kind, this.lines.map((line) => line + offset), this.detail);
  }
}
