import { z } from 'astro/zod';
import { ISO_DATE_HINT, parseIsoDate } from '../lib/dates';
import { ID_HINT, ID_PATTERN } from './id';
import { leadImageSchema, storedImageSchema } from '../pictures/schema';
import { accessSchema } from './settings';
import { checkText } from '../lib/text-check';

/**
 * An ISO date or date-time string, parsed. A bare date stays a calendar day:
 * the content reader resolves it to the start of that day in the paper's zone.
 */
export const isoDateSchema = z.string({ error: 'must be an ISO date' }).transform((value, context) => {
  const date = parseIsoDate(value);
  if (!date) {
    context.addIssue({ code: 'custom', message: `"${value}" is not an ISO date (${ISO_DATE_HINT})` });
    return z.NEVER;
  }
  return date;
});

const text = (what: string, multiline = false) =>
  z.string({ error: `must be ${what}` }).trim().min(1, `must not be empty`).superRefine(checkText({ multiline }));
const id = (what: string) =>
  z
    .string({ error: `must be ${what} id` })
    .trim()
    .regex(ID_PATTERN, `must be ${what} id: ${ID_HINT}`);

/** Frontmatter of `content/articles/**\/<slug>.md`. */
export const articleFrontmatterSchema = z.object({
  /** The headline. */
  title: text('the headline as text'),
  /**
   * Id of the author, or a list of ids for a piece with several (`[ada, ben]`: "By Ada and Ben"):
   * `content/authors/<id>.md` must exist for each. Read as a list; the first is the one whose
   * More from this author the page shows.
   */
  author: z
    .preprocess(
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(id('an author'), { error: 'must be an author id, or a list of author ids' }).min(1, 'must name at least one author'),
    )
    .superRefine((ids, context) => {
      ids.forEach((value, index) => {
        if (ids.indexOf(value) !== index) context.addIssue({ code: 'custom', path: [index], message: `names "${value}" twice; list each author once` });
      });
    }),
  /** Id of the section: one of `content/sections.yaml`. */
  section: id('a section'),
  /** First publication, ISO date or date-time. */
  date: isoDateSchema,
  /** The summary under the headline; also the meta description and feed text. */
  standfirst: text('a sentence or two of text', true),
  /** Free-form tags. Optional; they help the similar-stories list. */
  tags: z
    .preprocess(
      // `tags: harbour` means a list of one: accept it rather than fail a newsroom on YAML syntax.
      (value) => (typeof value === 'string' ? [value] : value),
      z.array(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText()), {
        error: 'must be a list of strings',
      }),
    )
    .default([])
    .transform((tags) => [...new Set(tags)]),
  /** Last substantive update, ISO date or date-time. Optional. */
  updated: isoDateSchema.optional(),
  /** `subscribers` (cut at the free limit) or `free` (whole text). Default from settings. */
  access: accessSchema.optional(),
  /** Lead picture, under the standfirst and on story cards: `{ src, alt, caption?, credit?, decorative? }` (see `src/pictures/schema.ts`). Optional. */
  image: leadImageSchema.optional(),
  /**
   * Corrections published after the article, each `{ date, text }`: shown in a box at the end of the
   * free part, in JSON-LD and on `/corrections/`. Optional.
   */
  corrections: z
    .array(
      z.object({
        /** When the correction was made, written like `date`. */
        date: isoDateSchema,
        /** What was wrong and what is right, in a sentence or two of plain text. */
        text: text('a sentence or two saying what was wrong and what is right', true),
      }),
      { error: 'must be a list of { date, text }' },
    )
    .optional(),
  /** What kind of piece this is, shown above the headline and on story cards: one of the settings' `labels` (`Opinion`, `Analysis`…). Optional. */
  label: text('one of the labels in the settings').optional(),
  /** `true` keeps the article out of a public build (shown, with a DRAFT banner, in `npm run dev` and a `PREVIEW=1` build). Default `false`. */
  draft: z.boolean({ error: 'must be true or false' }).optional(),
  /**
   * Slugs of articles pinned first in this article's Similar stories, in order; the model fills the
   * rest. Each must be a published article other than this one. Optional.
   */
  related: z
    .array(
      z.string({ error: 'must be an article slug' }).trim().regex(ID_PATTERN, `must be an article slug: ${ID_HINT}`),
      { error: 'must be a list of article slugs' },
    )
    .superRefine((slugs, context) => {
      slugs.forEach((value, index) => {
        if (slugs.indexOf(value) !== index) context.addIssue({ code: 'custom', path: [index], message: `names "${value}" twice; list each story once` });
      });
    })
    .optional(),
  /** `false` keeps this article out of other articles' Similar stories (an obituary, say); it keeps its own. Default `true`. */
  similar: z.boolean({ error: 'must be true or false' }).optional(),
  /** The old place of the lead picture's alt text, refused with the new form spelled out. */
  imageAlt: z
    .never({ error: 'is no longer used: write the alt text inside image, as image: { src: ./picture.jpg, alt: "what the picture shows" }' })
    .optional(),
});

export type ArticleFrontmatter = z.output<typeof articleFrontmatterSchema>;

/** What the articles collection stores for each article: metadata and computed lists, no paid text. */
export const storedArticleSchema = z.object({
  title: z.string(),
  /** The first (or only) author's id: their More from this author is the page's. */
  author: z.string(),
  /** Every author's id, in byline order, the first being `author`. Absent is `[author]`. */
  authors: z.array(z.string()).optional(),
  section: z.string(),
  /** First publication: the instant, a bare date being the start of its day in the paper's zone. */
  date: z.date(),
  /** False when `date` was a bare calendar date: pages print the day, not a time. */
  dateHasTime: z.boolean(),
  /** Last update, resolved like `date`, never before it. */
  updated: z.date().optional(),
  /** False when `updated` was a bare calendar date. */
  updatedHasTime: z.boolean().optional(),
  standfirst: z.string(),
  tags: z.array(z.string()),
  access: accessSchema,
  /** The lead picture, found and measured; absent when the article has none. */
  image: storedImageSchema.optional(),
  /** True when the page shows the cut-off: something was held back. */
  cut: z.boolean(),
  /** True when the whole article is sealed for subscriber keys in the page (the envelope is kept with the body, not here). */
  sealed: z.boolean(),
  /** Path of the source file, for error messages and "edit" links. */
  source: z.string(),
  /** Corrections, oldest first as written; each date resolved like `date`. Absent when there are none. */
  corrections: z.array(z.object({ date: z.date(), dateHasTime: z.boolean(), text: z.string() })).optional(),
  /** The article's label as the settings spell it (typeset), when it has one. */
  label: z.string().optional(),
  /** True for a draft, which only dev and preview builds hold. */
  draft: z.boolean().optional(),
  /** Set when the article's date is after the build's "now": it is under embargo until then (dev and preview builds only). */
  embargoedUntil: z.date().optional(),
  /** Slugs pinned first in "Similar stories" (frontmatter `related`), checked to be published. */
  related: z.array(z.string()).optional(),
  /** True for `similar: false`: the article is in no other article's "Similar stories". */
  hideFromSimilar: z.boolean().optional(),
  /** Slugs for "More from this author", newest first. */
  moreFromAuthor: z.array(z.string()),
  /** Slugs for "Similar stories", best first. */
  similar: z.array(z.string()),
});

export type StoredArticle = z.output<typeof storedArticleSchema>;
