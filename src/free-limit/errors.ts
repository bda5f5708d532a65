import { FREE_LIMIT_MARKER } from './marker';

/** Why a body cannot be cut safely. Each names the lines to look at. */
export type FreeLimitProblem =
  /** Two or more markers. */
  | 'several'
  /** A marker glued to other HTML in one block. */
  | 'inside-html'
  /** An exact marker where it cannot cut (a line of text, heading, footnote…). */
  | 'inline'
  /** A block of raw HTML or a code fence that runs on over what follows. */
  | 'unclosed'
  /** Something that reads as the marker but is not one the build cuts at. */
  | 'damaged'
  /** Another system's read-more or paywall marker, or a writer's own comment that reads as a cut. */
  | 'other-marker'
  /** The parser's cut and the plain reading of the text disagree: the build cannot explain where the cut falls. */
  | 'disagreement'
  /** The check after rendering found something it cannot explain: a bug. */
  | 'internal-check';

export const HOW_TO_MARK = `write ${FREE_LIMIT_MARKER} exactly, on a line of its own between paragraphs`;

const messages: Record<FreeLimitProblem, (lines: readonly number[], detail: string) => string> = {
  several: (lines) => `has ${lines.length} free-limit markers (lines ${lines.join(', ')}); keep exactly one`,
  'inside-html': (lines) =>
    `has a free-limit marker inside a block of HTML (line ${lines[0]}); put ${FREE_LIMIT_MARKER} on its own line with a blank line before and after`,
  inline: (lines, where) =>
    `has a free-limit marker ${where} (line ${lines[0]}), where it cannot cut; put ${FREE_LIMIT_MARKER} on its own line with a blank line before and after`,
  unclosed: (lines, detail) => `line ${lines[0]}: ${detail}`,
  damaged: (lines, detail) => `line ${lines[0]}: ${detail}`,
  'other-marker': (lines, detail) => `line ${lines[0]}: ${detail}`,
  disagreement: (lines, detail) => `${lines.length > 0 ? `line ${lines[0]}: ` : ''}${detail}`,
  'internal-check': (_lines, detail) =>
    `failed the internal cut check (${detail}); nothing was published. Please report this as a Masthead bug`,
};

/** Why a body cannot be split safely. `lines` are 1-based within the Markdown given. */
export class FreeLimitError extends Error {
  readonly kind: FreeLimitProblem;
  readonly lines: number[];
  readonly detail: string;
  constructor(kind: FreeLimitProblem, lines: readonly number[], detail = '') {
    super(messages[kind](lines, detail));
    this.name = 'FreeLimitError';
    this.kind = kind;
    this.lines = [...lines];
    this.detail = detail;
  }

  /** The same error with line numbers shifted, e.g. past a file's frontmatter. */
  shifted(offset: number): FreeLimitError {
    return new FreeLimitError(this.kind, this.lines.map((line) => line + offset), this.detail);
  }
}

/**
 * Something about the cut a writer should know, that does not stop the build.
 * Plain data (it travels from worker threads and sits in the body cache);
 * `line` and `definedAt` are 1-based lines within the Markdown given.
 */
export type CutWarning =
  /** A paragraph that a following `---` made a heading, counted as the paragraph the writer meant. */
  | { kind: 'setext-paragraph'; line: number }
  /** A block of raw HTML worth `paragraphs` left out whole, with only `free` more paragraphs free. */
  | { kind: 'block-left-out'; line: number; paragraphs: number; free: number }
  /** A free link whose definition (`definedAt`) comes after the cut: shown without its address. */
  | { kind: 'address-after-cut'; line: number; label: string; definedAt: number };

/** The warning in words, its lines shifted by `lineOffset` (past a file's frontmatter). */
export function describeCutWarning(warning: CutWarning, lineOffset = 0): string {
  switch (warning.kind) {
    case 'setext-paragraph':
      return 'a paragraph followed directly by "---" is a heading, not a paragraph and a rule; it is counted as a paragraph for the free limit. Put a blank line before "---" if you meant a rule, or start the line with "## " if you meant a heading';
    case 'block-left-out':
      return `this block of HTML holds ${warning.paragraphs} paragraphs or stanzas, and only ${warning.free} more ${warning.free === 1 ? 'is' : 'are'} free: raw HTML cannot be cut inside, so all of it is for subscribers. Put ${FREE_LIMIT_MARKER} before or after it to say where the free part ends`;
    case 'address-after-cut':
      return `the link [${warning.label}] is defined after the free limit (line ${warning.definedAt + lineOffset}), so its address is paid: readers of the free part see its words without the link. Move the definition above the cut, or write the link inline`;
  }
}
