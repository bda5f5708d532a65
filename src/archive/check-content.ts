import { ContentError, type ContentIssue } from '../errors/content-issue';
import { readArchive } from './read-archive';
import type { ArchiveOptions } from './types';

export interface CheckResult {
  /** Every problem, in the order the build reports them (file order). */
  issues: ContentIssue[];
  /** What the build would warn about (unknown fields, files that are not `.md`, placeholders): not problems; listed whether or not there are problems. */
  warnings: ContentIssue[];
  /** How many articles, authors and sections were read without a problem. */
  counts: { articles: number; authors: number; sections: number };
}

export interface CheckOptions extends Omit<ArchiveOptions, 'edition' | 'sealWith' | 'includeUnpublished'> {
  /**
   * Report only problems in these files (paths as the build shows them,
   * relative to `displayRoot`); references still resolve against the whole
   * folder. Every file when absent.
   */
  only?: readonly string[];
}

/**
 * Validates a content folder as a build would, without building a page: every
 * file (drafts and embargoed articles too) for its frontmatter, references,
 * duplicate slugs and names, and every body rendered for the public edition
 * (the free limit and every cut check), then, for files with no problem there,
 * the whole body for the subscriber edition, so a missing picture after the
 * free limit is found too (a public build never reads those pictures; the
 * subscriber edition needs them).
 */
export async function checkContent({ only, ...given }: CheckOptions): Promise<CheckResult> {
  // Drafts and embargoed pieces are checked too: they are what a writer is working on.
  const options = { ...given, includeUnpublished: true };
  const publicRead = await readSafely({ ...options, edition: 'public' });
  const flagged = new Set(publicRead.issues.map((issue) => issue.file));
  // Its problems in files the public read already flagged would only be the same ones again.
  const wholeRead = await readSafely({ ...options, edition: 'subscribers' });
  const wanted = only && new Set(only.map((file) => file.replaceAll('\\', '/')));
  const inScope = (issue: ContentIssue) => !wanted || wanted.has(issue.file);
  const issues = [...publicRead.issues, ...wholeRead.issues.filter((issue) => !flagged.has(issue.file))].filter(inScope);
  const archive = publicRead.archive;
  return {
    issues,
    // Kept when some file has a problem too: a writer fixing one file still sees the TODO: left in another.
    warnings: publicRead.warnings.filter(inScope),
    counts: archive
      ? { articles: archive.articles.length, authors: archive.authors.length, sections: archive.sections.length }
      : { articles: 0, authors: 0, sections: 0 },
  };
}

async function readSafely(options: ArchiveOptions) {
  try {
    const archive = await readArchive(options);
    return { archive, issues: [] as readonly ContentIssue[], warnings: archive.warnings };
  } catch (error) {
    if (error instanceof ContentError) return { archive: undefined, issues: error.issues, warnings: error.warnings };
    throw error;
  }
}
