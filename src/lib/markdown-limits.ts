/**
 * Limits on what an article body may hold, checked in one linear pass before
 * the parser sees it: some inputs cost remark time out of all proportion to
 * their size, and a hostile file must fail fast, naming its line. The
 * measurements behind them: docs/architecture.md#limits-before-the-parser.
 */

/**
 * 12 times a long article, room for a 2,000-row table. Markup as dense as it
 * gets (a line break or an inline tag every few bytes) renders at 20–30 µs a
 * byte here: 5 to 8 s at this size.
 */
export const MAX_BODY_BYTES = 256 * 1024;

/** Deeper than any real article; parsing time grows steeply with list nesting past it. */
export const MAX_NESTING_COLUMNS = 160;

/**
 * Budget for emphasis, strikethrough and link marks, as the sum over paragraphs
 * of (marks in the paragraph)²: the parser pairs every opening mark against the
 * closing ones of its paragraph. One paragraph may hold up to 7,000 marks
 * (1 to 3 s here); crowded paragraphs share the budget.
 */
export const MAX_MARK_LOAD = 7_000 ** 2;

/**
 * Marks in the whole body: each becomes a node (`*a* ` repeated to 512 KB took
 * 15 s here). A long article with links on every line has about 50 a KB.
 */
export const MAX_MARKS = 40_000;

/** `[^` marks, references and definitions together: each note costs about 1 ms here. */
export const MAX_FOOTNOTE_MARKS = 1_000;

/** Link reference definitions (`[label]: url`). */
export const MAX_DEFINITIONS = 1_000;

/** `|` characters, that is table cells: a 2,000-row table of 9 columns, 4 to 5 s here. */
export const MAX_TABLE_PIPES = 20_000;

/** Why a body cannot be rendered in reasonable time. `line` is 1-based within the Markdown given. */
export class UnrenderableBodyError extends Error {
  /** What is wrong, as a predicate after "body" (`has 9,000 … marks in one paragraph`). */
  readonly problem: string;
  /** What to do about it. */
  readonly advice: string;
  readonly line: number | undefined;
  /** How the line is introduced: `line` (the place) or `first at line` (the first of many). */
  readonly where: string;
  constructor(problem: string, advice: string, line?: number, where = 'line') {
    super(`${problem}${line === undefined ? '' : ` (${where} ${line})`}; ${advice}`);
    this.name = 'UnrenderableBodyError';
    this.problem = problem;
    this.advice = advice;
    this.line = line;
    this.where = where;
  }

  /** The same error with its line shifted, e.g. past a file's frontmatter. */
  shifted(offset: number): UnrenderableBodyError {
    return new UnrenderableBodyError(this.problem, this.advice, this.line === undefined ? undefined : this.line + offset, this.where);
  }
}

/** Every character the pass below counts as a mark, a footnote or definition bracket, or a table cell. */
const COUNTED = /[*_~`[\]|]/g;
/** A line starting with more characters that could be nesting than a quarter of `MAX_NESTING_COLUMNS` (a tab is 4 columns). */
const DEEP_START = new RegExp(`^[ \\t>\\-+*\\d.)]{${Math.floor(MAX_NESTING_COLUMNS / 4) + 1}}`, 'm');
/** Fewer counted characters than this keep every count below every limit: 1,000 is the smallest, and 1,000² < `MAX_MARK_LOAD`. */
const GLANCE_COUNT = Math.min(MAX_FOOTNOTE_MARKS, MAX_DEFINITIONS, MAX_TABLE_PIPES, MAX_MARKS, Math.sqrt(MAX_MARK_LOAD));

/**
 * True when a body is certainly within every limit but its size, from two
 * regular-expression scans (native code, a third of the time of the pass
 * below): fewer characters the pass would count than the smallest limit, and
 * no line whose start could be nested deep. Each count of the pass is bounded
 * by the characters it could count (escapes only lower them), and a line's
 * nesting columns by four times its leading characters. Most articles are
 * settled here; the rest take the full pass.
 */
export function withinLimitsAtAGlance(markdown: string): boolean {
  if (DEEP_START.test(markdown)) return false;
  COUNTED.lastIndex = 0;
  let counted = 0;
  while (COUNTED.exec(markdown)) if (++counted >= GLANCE_COUNT) return false;
  return true;
}

/** Whitespace, quote marks and list markers before a line's content: how deep it is nested. */
const NESTING = /^(?:[ \t>]|[-+*][ \t]|\d{1,9}[.)][ \t])*/;
const BLANK = /^[ \t\r]*$/;
/** A link reference definition, after any nesting (`[label]: url`); footnote definitions are counted apart. */
const DEFINITION = /^\[(?!\^)(?:[^\]\\]|\\.)+\]:/;

const STAR = 42; // *
const UNDERSCORE = 95; // _
const TILDE = 126; // ~
const BACKTICK = 96; // `
const OPEN = 91; // [
const CLOSE = 93; // ]
const CARET = 94; // ^
const PIPE = 124; // |
const BACKSLASH = 92; // \

const count = (n: number) => n.toLocaleString('en-GB');
const kilobytes = (bytes: number) => `${count(Math.ceil(bytes / 1024))} KB`;
const MARKS = 'emphasis, code, strikethrough or link marks (* _ ` ~ [ ])';
const SPLIT_MARKS = 'split long paragraphs, or escape marks that are text with a backslash (\\*)';

/**
 * Finds the first reason a body cannot be rendered in reasonable time, without
 * parsing it: O(length). Returns `undefined` for a body within every limit.
 */
export function findUnrenderable(markdown: string): UnrenderableBodyError | undefined {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > MAX_BODY_BYTES) {
    return new UnrenderableBodyError(
      `is ${kilobytes(bytes)}, more than the ${kilobytes(MAX_BODY_BYTES)} a body may have`,
      'split it into several articles',
    );
  }
  if (withinLimitsAtAGlance(markdown)) return undefined;
  let markLoad = 0;
  let marks = 0;
  let densest = { line: 0, marks: 0 };
  // The paragraph being read: lines between blank lines. A paragraph never
  // spans a blank line, so counting per block overestimates, never misses.
  let blockLine = 0;
  let blockMarks = 0;
  let footnoteMarks = 0;
  let footnoteLine = 0;
  let definitions = 0;
  let definitionLine = 0;
  let pipes = 0;
  let pipeLine = 0;

  const endBlock = (): UnrenderableBodyError | undefined => {
    if (blockMarks > densest.marks) densest = { line: blockLine, marks: blockMarks };
    markLoad += blockMarks * blockMarks;
    marks += blockMarks;
    blockMarks = 0;
    blockLine = 0;
    if (markLoad <= MAX_MARK_LOAD) return undefined;
    return densest.marks ** 2 > MAX_MARK_LOAD
      ? new UnrenderableBodyError(
          `has ${count(densest.marks)} ${MARKS} in one paragraph, more than the ${count(Math.sqrt(MAX_MARK_LOAD))} that can be rendered in reasonable time`,
          SPLIT_MARKS,
          densest.line,
        )
      : new UnrenderableBodyError(
          `has too many paragraphs crowded with ${MARKS} to render in reasonable time (the most crowded has ${count(densest.marks)})`,
          SPLIT_MARKS,
          densest.line,
        );
  };

  const lines = markdown.split('\n');
  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    const prefix = NESTING.exec(line)![0];
    const columns = prefix.replace(/\t/g, '    ').length;
    if (columns > MAX_NESTING_COLUMNS) {
      return new UnrenderableBodyError(
        `has a line nested ${columns} columns deep`,
        'lists and quotes that deep cannot be rendered',
        lineNumber,
      );
    }
    if (BLANK.test(line)) {
      const problem = endBlock();
      if (problem) return problem;
      continue;
    }
    if (blockLine === 0) blockLine = lineNumber;
    if (DEFINITION.test(line.slice(prefix.length)) && definitions++ === 0) definitionLine = lineNumber;
    let previous = -1;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (code === BACKSLASH) {
        // An escaped mark is text; every mark is punctuation, which a backslash escapes.
        i++;
        previous = -1;
        continue;
      }
      if (code === STAR || code === UNDERSCORE || code === TILDE || code === BACKTICK) {
        // A run of the same mark (`**`, `~~`, ```) is one delimiter for the parser.
        if (code !== previous) blockMarks++;
      } else if (code === OPEN || code === CLOSE) {
        blockMarks++;
        if (code === OPEN && line.charCodeAt(i + 1) === CARET && footnoteMarks++ === 0) footnoteLine = lineNumber;
      } else if (code === PIPE && pipes++ === 0) {
        pipeLine = lineNumber;
      }
      previous = code;
    }
  }
  const problem = endBlock();
  if (problem) return problem;
  if (footnoteMarks > MAX_FOOTNOTE_MARKS) {
    return new UnrenderableBodyError(
      `has ${count(footnoteMarks)} footnote references and definitions ([^…]), more than the ${count(MAX_FOOTNOTE_MARKS)} that can be rendered in reasonable time`,
      'keep fewer notes, or split the article',
      footnoteLine,
      'first at line',
    );
  }
  if (definitions > MAX_DEFINITIONS) {
    return new UnrenderableBodyError(
      `has ${count(definitions)} link definitions ([label]: url), more than the ${count(MAX_DEFINITIONS)} that can be rendered in reasonable time`,
      'write links inline, or split the article',
      definitionLine,
      'first at line',
    );
  }
  if (pipes > MAX_TABLE_PIPES) {
    return new UnrenderableBodyError(
      `has ${count(pipes)} table cell marks (|), more than the ${count(MAX_TABLE_PIPES)} that can be rendered in reasonable time`,
      'split the table, or link to the data as a file',
      pipeLine,
      'first at line',
    );
  }
  // Last: the specific reasons above say better what to change.
  if (marks > MAX_MARKS) {
    return new UnrenderableBodyError(
      `has ${count(marks)} ${MARKS}, more than the ${count(MAX_MARKS)} that can be rendered in reasonable time`,
      'split it into several articles, or escape marks that are text with a backslash (\\*)',
    );
  }
  return undefined;
}

/** Throws an `UnrenderableBodyError` for a body that would stall the Markdown parser. */
export function assertRenderable(markdown: string): void {
  const problem = findUnrenderable(markdown);
  if (problem) throw problem;
}
