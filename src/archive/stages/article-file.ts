import path from 'node:path';
import type { Found } from '../../pictures/archive-pictures';
import type { BodyJob } from '../body-step';
import { findUnrenderable } from '../../lib/markdown-limits';
import { resolveIsoDate, updatedBeforePublished, type Dated } from '../../lib/dates';
import { publicationState, type PublicationState } from '../../lib/publication';
import { articleFrontmatterSchema, type ArticleFrontmatter } from '../../schemas/article';
import type { StoredImage } from '../../pictures/schema';
import { contentIssue, type ContentIssue } from '../../errors/content-issue';
import { readMarkdownFile, schemaIssues, unknownFields } from './markdown-file';
import type { ReadContext } from './read-context';

/** An article file that passed validation, waiting for its body. */
export interface PendingArticle {
  slug: string;
  shown: string;
  /** Absolute path of the file: pictures are found relative to it. */
  file: string;
  bodyLineOffset: number;
  job: BodyJob;
  /** The lead picture, found and measured (started while the file was read). */
  leadImage?: Promise<Found<StoredImage>> | undefined;
  /** The line of `image.src`, for a picture that cannot be used. */
  leadImageLine: () => number | undefined;
  meta: ArticleFrontmatter;
  /** `meta.date` and `meta.updated` as instants in the paper's zone. */
  published: Dated;
  updated?: Dated | undefined;
  /** `meta.label` as the settings spell it. */
  label?: string | undefined;
  /** `meta.corrections`, dates resolved like `published`. */
  corrections: (Dated & { text: string })[];
  access: 'free' | 'subscribers';
  /** Published, a draft or embargoed: only dev and preview builds keep the last two. */
  state: PublicationState;
  /** False when the frontmatter had errors: the body is still checked, so every problem is reported at once. */
  valid: boolean;
}

/** What validation found besides the article: its pins, and whether it is left out of this build. */
export interface ArticleFileRead {
  /** The article, when it goes on to have its body rendered. */
  pending?: PendingArticle;
  /** `related` pins with their lines in the file, checked once every slug is known. */
  pins?: { slug: string; shown: string; related: string[]; lines: (number | undefined)[]; published: boolean };
  /** Set when a draft or embargoed piece is left out: a pin to it is held back, not unknown. */
  leftOut?: string;
  /** When it falls due, for an embargoed piece. */
  embargoed?: { slug: string; at: Date };
}

/** What validation checks an article against: what the read knows so far. */
export interface KnownNames {
  authors: ReadonlySet<string>;
  /** Author files with problems of their own. */
  authorFiles: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  /** False when `sections.yaml` is broken: its problems are reported once, not by every article. */
  sectionsValid: boolean;
}

const articleFields = Object.keys(articleFrontmatterSchema.shape);

/**
 * Validates one article file: its frontmatter against the schema, its
 * authors, section, dates, label and corrections against the rest of the
 * folder, and its body against the parser's limits. Every problem goes to the
 * read's collector, with the line of the field; the article comes back only
 * if it is to be published in this build (drafts and embargoed pieces are
 * left out here, before anything else sees them, unless the build keeps them).
 * The slug has been checked by the caller.
 */
export function readArticleFile(context: ReadContext, file: string, slug: string, known: KnownNames): ArticleFileRead {
  const { show, issues, settings, buildTime, includeUnpublished, edition, paths, images, typeset } = context;
  const shown = show(file);
  const read = readMarkdownFile(file, shown, issues, context.yaml);
  if (!read) return {};
  const parsed = articleFrontmatterSchema.safeParse(read.data);
  if (!parsed.success) {
    issues.add(...schemaIssues(shown, parsed.error, read.data, read.lineOf));
    return {};
  }
  issues.add(...unknownFields(shown, read, articleFields));
  const meta = parsed.data;
  let valid = true;
  /** A problem that keeps the article out, though its body is still checked. */
  const refuse = (issue: ContentIssue) => {
    valid = false;
    issues.add(issue);
  };

  // A list names each id with its place (author[1]); a single id is just `author`.
  const listed = Array.isArray(read.data.author);
  meta.author.forEach((id, index) => {
    if (known.authors.has(id)) return;
    const place = { file: shown, field: listed ? `author[${index}]` : 'author', line: read.lineOf(listed ? ['author', index] : ['author']) };
    const authorFile = show(path.join(paths.authorsDir, `${id}.md`));
    refuse(contentIssue(known.authorFiles.has(id) ? 'author-has-errors' : 'author-unknown', place, { id, authorFile }));
  });
  if (known.sectionsValid && !known.sections.has(meta.section)) {
    refuse(contentIssue('section-unknown', { file: shown, field: 'section', line: read.lineOf(['section']) }, { id: meta.section, known: [...known.sections], sectionsFile: show(paths.sectionsFile) }));
  }
  const published = resolveIsoDate(meta.date, settings.timeZone);
  const updated = meta.updated && resolveIsoDate(meta.updated, settings.timeZone);
  if (updated && updatedBeforePublished(updated, published, settings.timeZone)) refuse(contentIssue('updated-before-date', { file: shown, field: 'updated', line: read.lineOf(['updated']) }));
  const label = meta.label === undefined ? undefined : settings.labels.find((known) => known.toLowerCase() === meta.label!.toLowerCase());
  if (meta.label !== undefined && label === undefined) {
    refuse(contentIssue('label-unknown', { file: shown, field: 'label', line: read.lineOf(['label']) }, { label: meta.label, allowed: settings.labels }));
  }
  const corrections = (meta.corrections ?? []).map((correction) => ({ ...resolveIsoDate(correction.date, settings.timeZone), text: correction.text }));
  corrections.forEach((correction, index) => {
    if (!updatedBeforePublished(correction, published, settings.timeZone)) return;
    refuse(contentIssue('correction-before-date', { file: shown, field: `corrections[${index}].date`, line: read.lineOf(['corrections', index, 'date']) }));
  });
  // Before the body goes to a worker or the cache: a body that would stall the parser is refused with its line in the file.
  const unrenderable = findUnrenderable(read.body);
  if (unrenderable) {
    const line = unrenderable.line === undefined ? undefined : unrenderable.line + read.bodyLineOffset;
    issues.report('body-too-costly', { file: shown, field: 'body', line }, { problem: unrenderable.problem, advice: unrenderable.advice });
    return {};
  }

  const state: PublicationState = buildTime
    ? publicationState({ draft: meta.draft, published: published.date }, buildTime)
    : meta.draft
      ? { state: 'draft' }
      : { state: 'published' };
  const kept = state.state === 'published' || includeUnpublished;
  const outcome: ArticleFileRead = {
    ...(state.state === 'embargoed' ? { embargoed: { slug, at: state.until } } : {}),
    ...(kept ? {} : { leftOut: slug }),
    ...(kept && meta.related && meta.related.length > 0
      ? { pins: { slug, shown, related: meta.related, lines: meta.related.map((_, index) => read.lineOf(['related', index])), published: state.state === 'published' } }
      : {}),
  };
  // Left out here, before its body, pictures, lists or the similarity model see it: a public build holds no trace of it.
  if (!kept) return outcome;
  const access = meta.access ?? settings.defaultAccess;
  return {
    ...outcome,
    pending: {
      slug,
      shown,
      file,
      bodyLineOffset: read.bodyLineOffset,
      leadImage: meta.image && images.lead(meta.image, file, typeset),
      // Asked for only when the lead picture has a problem: a line can cost a second parse (`parseYamlText`).
      leadImageLine: () => read.lineOf(['image', 'src']),
      meta,
      published,
      updated,
      corrections,
      label,
      access,
      valid,
      state,
      job: {
        markdown: read.body,
        access: edition === 'subscribers' ? 'free' : access,
        title: meta.title,
        standfirst: meta.standfirst,
        tags: meta.tags,
      },
    },
  };
}
