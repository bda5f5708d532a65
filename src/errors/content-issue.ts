import { CATALOGUE, type IssueArgs, type IssueCode } from './catalogue';

/** Where a problem is: the file, and the line and field when known. */
export interface Place {
  /** Path of the file, relative to the project when possible. */
  file: string;
  /** 1-based line of the file (frontmatter included). */
  line?: number | undefined;
  column?: number | undefined;
  /** The frontmatter field (`author`, `tags[2]`, `image.alt`) or part (`body`, `frontmatter`). */
  field?: string | undefined;
}

/** One thing wrong with the content, with its place kept apart from its words. */
export interface ContentIssue extends Place {
  /** A stable code from the catalogue (`unknown-author`): the docs have a section for each. */
  code: IssueCode;
  severity: 'error' | 'warning';
  /** What is wrong, as a predicate after the file and field. Never holds the issue's own place. */
  message: string;
  /** What to do about it, when the message does not say. */
  hint?: string | undefined;
}

/** A problem of `code` at `place`, worded from the catalogue. */
export function contentIssue<C extends IssueCode>(code: C, place: Place, ...args: IssueArgs<C> extends Record<string, never> ? [] : [IssueArgs<C>]): ContentIssue {
  const entry = CATALOGUE[code] as { message: (args: unknown) => string; hint?: string; severity: 'error' | 'warning' };
  const cleanPlace = Object.fromEntries(Object.entries(place).filter(([, value]) => value !== undefined)) as Place;
  return {
    ...cleanPlace,
    code,
    severity: entry.severity,
    message: entry.message(args[0] ?? {}),
    ...(entry.hint ? { hint: entry.hint } : {}),
  };
}

/** A problem handed over as data (from a worker, a picture reader): its code and arguments, placed at `place`. */
export function issueFromData({ code, args }: { code: IssueCode; args: unknown }, place: Place): ContentIssue {
  return (contentIssue as (code: IssueCode, place: Place, args: unknown) => ContentIssue)(code, place, args);
}

/** `content/articles/x.md:14: author: "bob" is not a known author (…) [author-unknown]` */
export function formatIssue({ file, line, column, field, message, code }: ContentIssue): string {
  const at = line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`;
  return `${file}${at}: ${field ? `${field}: ` : ''}${message} [${code}]`;
}

/** `formatIssue`, and the catalogue's hint on the next line, indented, when the code has one. */
export function formatIssueWithHint(issue: ContentIssue, indent = '  '): string {
  return issue.hint ? `${formatIssue(issue)}\n${indent}  ${issue.hint}` : formatIssue(issue);
}

/**
 * Collects the problems of one read of the content folder. Problems found
 * later (a body, a chunk after its file was read) are put back in the order
 * of the files, so a report reads top to bottom.
 */
export class IssueCollector {
  private readonly found: { issue: ContentIssue; index: number }[] = [];
  private readonly order = new Map<string, number>();

  /** Registers a file's place in the folder listing; files never registered come first. */
  fileAt(file: string, order: number): void {
    this.order.set(file, order);
  }

  add(...issues: ContentIssue[]): void {
    for (const issue of issues) this.found.push({ issue, index: this.found.length });
  }

  /** Adds a problem handed over as data (see `issueFromData`). */
  addData(problem: { code: IssueCode; args: unknown }, place: Place): void {
    this.add(issueFromData(problem, place));
  }

  /** Shorthand for `add(contentIssue(...))`. */
  report<C extends IssueCode>(code: C, place: Place, ...args: IssueArgs<C> extends Record<string, never> ? [] : [IssueArgs<C>]): void {
    this.add(contentIssue(code, place, ...args));
  }

  get errors(): ContentIssue[] {
    return this.sorted().filter((issue) => issue.severity === 'error');
  }

  get warnings(): ContentIssue[] {
    return this.sorted().filter((issue) => issue.severity === 'warning');
  }

  /** Throws every error together, if there is any. */
  throwIfAny(): void {
    const errors = this.errors;
    if (errors.length > 0) throw new ContentError(errors, this.warnings);
  }

  private sorted(): ContentIssue[] {
    const rank = (issue: ContentIssue) => this.order.get(issue.file) ?? -1;
    return [...this.found].sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index).map(({ issue }) => issue);
  }
}

/**
 * Every problem found in the content folder, reported together so a newsroom can
 * fix them in one pass. Thrown before anything is written: a build never
 * half-succeeds.
 */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  /** The warnings of the same read: not in the message (the problems come first), but kept for whoever lists them (`npm run check`). */
  readonly warnings: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[], warnings: readonly ContentIssue[] = []) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Masthead found ${count} in the content:\n${issues.map((issue) => `  ${formatIssueWithHint(issue, '  ')}`).join('\n')}`);
    this.name = 'ContentError';
    this.issues = issues;
    this.warnings = warnings;
    // The message is the whole story; a stack trace into Masthead would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}
