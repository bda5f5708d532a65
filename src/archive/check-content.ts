import { ContentError, contentIssue, type ContentIssue } from '../errors/content-issue';
import { PLACEHOLDER } from '../lib/field-meta';
import { readArchive } from './read-archive';
import type { ArchiveOptions } from './types';

export interface CheckResult {
  /** Every problem, in the order the build reports them (file order). */
  issues: ContentIssue[];
  /** What the build would warn about (unknown fields, files that are not `.md`, placeholders): not problems. */
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
  // What `npm run new` left for the writer: valid, so a draft can be committed, but not to be published.
  const placeholders = (archive?.articles ?? []).flatMap(({ data, html }) =>
    data.standfirst.startsWith(PLACEHOLDER) || html.includes(`>${PLACEHOLDER}`) ? [contentIssue('placeholder-left', { file: data.source }, { placeholder: PLACEHOLDER })] : [],
  );
  return {
    issues,
    warnings: [...(archive?.warnings ?? []), ...placeholders].filter(inScope),
    counts: archive
      ? { articles: archive.articles.length, authors: archive.authors.length, sections: archive.sections.length }
      : { articles: 0, authors: 0, sections: 0 },
  };
}

async function readSafely(options: ArchiveOptions) {
  try {
    return { archive: await readArchive(options), issues: [] as readonly ContentIssue[] };
  } catch (error) {
    if (error instanceof ContentError) return { archive: undefined, issues: error.issues };
    throw error;
  }
}
