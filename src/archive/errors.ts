/** One thing wrong with the content, located as precisely as we can. */
export interface ContentIssue {
  /** Path of the file, relative to the working directory when possible. */
  file: string;
  /** The frontmatter field (`author`, `tags.2`) or part (`body`, `frontmatter`). */
  field?: string;
  /** Why it is wrong, in words a newsroom can act on. */
  message: string;
}

/** `content/articles/x.md: author "bob" is not a known author (...)` */
export function formatIssue({ file, field, message }: ContentIssue): string {
  return field ? `${file}: ${field} ${message}` : `${file}: ${message}`;
}

/**
 * Every problem found in the content folder, reported together so a newsroom can
 * fix them in one pass. Thrown before anything is written: a build never
 * half-succeeds.
 */
export class ContentError extends Error {
  readonly issues: readonly ContentIssue[];
  constructor(issues: readonly ContentIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(`Masthead found ${count} in the content:\n${issues.map((issue) => `  ${formatIssue(issue)}`).join('\n')}`);
    this.name = 'ContentError';
    this.issues = issues;
    // The message is the whole story; a stack trace into Masthead would only distract.
    this.stack = `${this.name}: ${this.message}`;
  }
}
