import { z } from 'astro/zod';
import { ISO_DATE_HINT, parseIsoDate } from '../lib/dates';
import { ID_HINT, ID_PATTERN } from './id';
import { leadImageSchema, storedImageSchema } from '../pictures/schema';
import { accessSchema } from './settings';
import { checkText } from '../lib/text-check';
import { field, pickStored } from '../lib/field-meta';
import { storedListsShape } from '../similar-stories/article-lists';

/**
 * An ISO date or date-time string, parsed. A bare date stays a calendar day:
 * the content reader resolves it to the start of that day in the paper's zone.
 */
export const isoDateSchema = field(
  z.string({ error: 'must be an ISO date' }).transform((value, context) => {
    const date = parseIsoDate(value);
    if (!date) {
      context.addIssue({ code: 'custom', message: `"${value}" is not an ISO date (${ISO_DATE_HINT})` });
      return z.NEVER;
    }
    return date;
  }),
  { kind: 'date' },
);

const text = (what: string, multiline = false) =>
  z.string({ error: `must be ${what}` }).trim().min(1, `must not be empty`).superRefine(checkText({ multiline }));
const id = (what: string) =>
  z
    .string({ error: `must be ${what} id` })
    .trim()
    .regex(ID_PATTERN, `must be ${what} id: ${ID_HINT}`);

/** Frontmatter of `content/articles/**\/<slug>.md`: each field declared once, with what the docs, the editor and the store need (`field-meta.ts`). */
export const articleFrontmatterSchema = z.object({
  title: field(text('the headline as text'), { description: 'The headline.', stored: 'text', editor: { label: 'Headline' } }),
  kicker: field(text('a few words of text').max(80, 'must be a few words (80 characters at most)').optional(), {
    description: 'A few words over the headline that place the story in a running one or a series (`The harbour dredge`, `Budget 2027`). One line, at most 80 characters.',
    stored: 'text',
    editor: { label: 'Kicker', hint: 'A few words over the headline for a running story or a series. Leave empty for most pieces.' },
  }),
  /**
   * Read as a list; the first is the one whose More from this author the page shows.
   */
  author: field(
    z
      .preprocess(
        (value) => (typeof value === 'string' ? [value] : value),
        z.array(id('an author'), { error: 'must be an author id, or a list of author ids' }).min(1, 'must name at least one author'),
      )
      .superRefine((ids, context) => {
        ids.forEach((value, index) => {
          if (ids.indexOf(value) !== index) context.addIssue({ code: 'custom', path: [index], message: `names "${value}" twice; list each author once` });
        });
      }),
    {
      description: 'Author id: `content/authors/<id>.md` must exist. Or a list of ids for a piece by several: see [Several authors](#crediting-several-authors).',
      editor: {
        label: 'Author',
        widget: 'select',
        multiple: true,
        choices: 'authors',
        hint: 'One or more, in byline order. A new author appears here once their page is published.',
      },
    },
  ),
  section: field(id('a section'), {
    description: 'Section id from `content/sections.yaml`.',
    stored: 'value',
    editor: { label: 'Section', widget: 'select', choices: 'sections' },
  }),
  date: field(isoDateSchema, {
    description: 'First publication. `YYYY-MM-DD`, or a date-time with optional offset (no offset means UTC). See [Dates and times](#dates-and-times).',
    editor: { label: 'Published', hint: 'First publication, in {timeZone} time. A time in the future holds the piece back until then (an embargo).' },
  }),
  standfirst: field(text('a sentence or two of text', true), {
    description: 'The summary under the headline; also the meta description and list text.',
    stored: 'text',
    placeholder: 'one or two sentences that sum the story up, under the headline and in lists',
    editor: { label: 'Standfirst', widget: 'text', hint: 'A sentence or two under the headline; also the summary in feeds and search results.' },
  }),
  tags: field(
    z
      .preprocess(
        // `tags: harbour` means a list of one: accept it rather than fail a newsroom on YAML syntax.
        (value) => (typeof value === 'string' ? [value] : value),
        z.array(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText()), {
          error: 'must be a list of strings',
        }),
      )
      .default([])
      .transform((tags) => [...new Set(tags)]),
    {
      description:
        'List of strings. They help Similar stories, but are not needed. A tag used by two or more articles gets a [tag page](settings.md#what-pages-the-site-has) linked from them.',
      stored: 'value',
      editor: { label: 'Tags', hint: 'One tag per box; “Add” gives another. Tags help readers find similar stories.' },
    },
  ),
  updated: field(isoDateSchema.optional(), {
    description: 'Last substantive update, written like `date`; not earlier than it (a bare `updated` on the day of publication is fine).',
    editor: { label: 'Updated', hint: 'Only after a substantive change.' },
  }),
  access: field(accessSchema.optional(), {
    description: '`subscribers` or `free`. Default from settings (`subscribers`).',
    editor: {
      label: 'Who can read it in full',
      widget: 'select',
      options: [
        { label: 'Subscribers: readers get the free part, then the subscribe panel', value: 'subscribers' },
        { label: 'Everyone: the whole text is free', value: 'free' },
      ],
      // No default: a value the writer did not choose would pin today's default into the file.
      hint: 'Leave empty for the paper’s default: {defaultReaders}.',
    },
  }),
  image: field(leadImageSchema.optional(), {
    description:
      'Lead picture: `src`, `alt`, and optional `caption`, `credit` and `decorative`. Under the header, on story cards and in link previews; see [Pictures](pictures.md#adding-a-lead-picture).',
    editor: { label: 'Lead picture', hint: 'Shown under the standfirst and on story cards.' },
  }),
  corrections: field(
    z
      .array(
        z.object({
          /** When the correction was made, written like `date`. */
          date: field(isoDateSchema, { editor: { label: 'When corrected' } }),
          /** What was wrong and what is right, in a sentence or two of plain text. */
          text: field(text('a sentence or two saying what was wrong and what is right', true), { editor: { label: 'What was wrong and what is right', widget: 'text' } }),
        }),
        { error: 'must be a list of { date, text }' },
      )
      .optional(),
    {
      description: 'A list of `{ date, text }`, oldest first; see [Corrections](#correcting-an-article).',
      editor: { label: 'Corrections', label_singular: 'correction', hint: 'Shown to every reader at the end of the free part and on the corrections page.' },
    },
  ),
  label: field(text('one of the labels in the settings').optional(), {
    description:
      "What kind of piece it is, one of the settings' `labels` (`Opinion`, `Analysis`, `Review`, `Obituary`, `Explainer`, `Interview`, `Editorial`, `Letters` by default), in any case; see [Labels](#labelling-a-piece).",
    editor: { label: 'Label', widget: 'select', choices: 'labels', hint: 'What kind of piece this is, shown above the headline. Leave empty for news.' },
  }),
  draft: field(z.boolean({ error: 'must be true or false' }).optional(), {
    description: '`true` keeps the article out of the public site; see [Drafts and embargoes](#drafts-and-embargoes).',
    editor: { label: 'Draft', hint: 'A draft is kept off the public site.' },
  }),
  related: field(
    z
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
    {
      description:
        "A list of article slugs (`[harbour-dredge, quay-vote]`) shown first in this article's Similar stories, in that order, all of them; the usual picks fill any places left. Each must be another article published in the same build: an unknown slug, a draft, an embargoed piece or the article itself is an error naming `related[1]`. A pinned story by the same author leaves the page's More from this author.",
      editor: {
        label: 'Pinned similar stories',
        widget: 'relation',
        collection: 'articles',
        value_field: '{{slug}}',
        search_fields: ['title'],
        display_fields: ['title'],
        multiple: true,
        hint: 'Shown first under Similar stories, in this order; the rest are found automatically.',
      },
    },
  ),
  similar: field(z.boolean({ error: 'must be true or false' }).optional(), {
    description:
      "`false` keeps this article out of every other article's Similar stories (for an obituary, say), unless another pins it in `related`; it still gets its own lists. Default `true`.",
    editor: { label: 'Show in other articles’ Similar stories', default: true },
  }),
  /** The old place of the lead picture's alt text, refused with the new form spelled out. */
  imageAlt: z
    .never({ error: 'is no longer used: write the alt text inside image, as image: { src: ./picture.jpg, alt: "what the picture shows" }' })
    .optional(),
});

export type ArticleFrontmatter = z.output<typeof articleFrontmatterSchema>;

/** What the articles collection stores for each article: the fields kept as written (`stored` in their meta), what the read works out, and the lists; no paid text. */
export const storedArticleSchema = pickStored(articleFrontmatterSchema).extend({
  /** The first (or only) author's id: their More from this author is the page's. */
  author: z.string(),
  /** Every author's id, in byline order, the first being `author`. Absent is `[author]`. */
  authors: z.array(z.string()).optional(),
  /** First publication: the instant, a bare date being the start of its day in the paper's zone. */
  date: z.date(),
  /** False when `date` was a bare calendar date: pages print the day, not a time. */
  dateHasTime: z.boolean(),
  /** Last update, resolved like `date`, never before it. */
  updated: z.date().optional(),
  /** False when `updated` was a bare calendar date. */
  updatedHasTime: z.boolean().optional(),
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
  /** The lists under the article (`ARTICLE_LISTS`), as slugs in display order. */
  ...storedListsShape,
});

export type StoredArticle = z.output<typeof storedArticleSchema>;
