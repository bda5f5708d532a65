import { CATALOGUE, type IssueArgs, type IssueCode } from '../errors/catalogue';

/** The catalogue's codes for a refused cut (`free-limit-damaged`…). */
export type FreeLimitCode = Extract<IssueCode, `free-limit-${string}`>;

/** The catalogue's codes for what the writer should know about a cut that does not stop the build. */
export type CutWarningCode = Extract<IssueCode, `cut-${string}`>;

/** Lines in a code's arguments are those named `lines` or ending in `Line`. */
const isLineKey = (key: string) => key === 'lines' || key.endsWith('Line');

/** A code's arguments with every line in them moved by `offset` (past a file's frontmatter). */
export function shiftLines<A>(args: A, offset: number): A {
  if (offset === 0 || !args || typeof args !== 'object') return args;
  return Object.fromEntries(
    Object.entries(args).map(([key, value]) => {
      if (!isLineKey(key)) return [key, value];
      if (typeof value === 'number') return [key, value + offset];
      if (Array.isArray(value)) return [key, value.map((line: number) => line + offset)];
      return [key, value];
    }),
  ) as A;
}

function worded(code: IssueCode, args: unknown): string {
  return (CATALOGUE[code] as { message: (args: unknown) => string }).message(args ?? {});
}

/**
 * Why a body cannot be cut safely: a code of the catalogue, the line it is
 * at (1-based within the Markdown given; absent for the internal check) and
 * the arguments of its message. Plain data apart from the class, so a worker
 * can send it and the archive can place it in the file.
 */
export class FreeLimitError<C extends FreeLimitCode = FreeLimitCode> extends Error {
  readonly code: C;
  readonly line: number | undefined;
  readonly args: IssueArgs<C>;
  constructor(code: C, line: number | undefined, ...rest: IssueArgs<C> extends Record<string, never> ? [] : [IssueArgs<C>]) {
    const args = (rest[0] ?? {}) as IssueArgs<C>;
    super(`${line === undefined ? '' : `line ${line}: `}${worded(code, args)}`);
    this.name = 'FreeLimitError';
    this.code = code;
    this.line = line;
    this.args = args;
  }

  /** Every line the error names: its own first, then those in its message. */
  get lines(): number[] {
    const named = Object.entries(this.args as object).flatMap(([key, value]) =>
      isLineKey(key) ? (Array.isArray(value) ? (value as number[]) : typeof value === 'number' ? [value] : []) : [],
    );
    return [...new Set([...(this.line === undefined ? [] : [this.line]), ...named])];
  }
}

/**
 * Something about the cut a writer should know, that does not stop the build.
 * Plain data (it travels from worker threads and sits in the body cache);
 * `line` and every `…Line` argument are 1-based lines within the Markdown given.
 */
export type CutWarning = { [C in CutWarningCode]: { code: C; line: number; args: IssueArgs<C> } }[CutWarningCode];

/** The warning in words, its lines shifted by `lineOffset` (past a file's frontmatter). */
export function describeCutWarning(warning: CutWarning, lineOffset = 0): string {
  return worded(warning.code, shiftLines(warning.args, lineOffset));
}
