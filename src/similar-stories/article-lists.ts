import { z } from 'astro/zod';

/** What a list's text may name about the page it is on. */
export interface ListPage {
  /** The name of the article's first author. */
  authorName: string;
}

/** One list under every article, as the page shows it. */
export interface ArticleListEntry {
  /** Visible heading of the list. */
  heading: string;
  /** Machine-readable name: the list's `data-list` and its heading's id (`list-<name>`). */
  name: string;
  /** Shown instead of the list when it has no items. */
  empty: (page: ListPage) => string;
}

/**
 * The lists under every article, in page order. The articles collection
 * stores each as an array of slugs under its key, `articleLists` fills them,
 * and the article page shows each in turn: a new list is an entry here and
 * its picks in `articleLists`.
 */
export const ARTICLE_LISTS = {
  moreFromAuthor: {
    heading: 'More from this author',
    name: 'more-from-author',
    empty: ({ authorName }) => `This is ${authorName}’s only article so far.`,
  },
  similar: { heading: 'Similar stories', name: 'similar-stories', empty: () => 'No similar stories yet.' },
} satisfies Record<string, ArticleListEntry>;

export type ListKey = keyof typeof ARTICLE_LISTS;

/** The keys of the lists, in page order. */
export const LIST_KEYS = Object.keys(ARTICLE_LISTS) as ListKey[];

/** The lists under one article, as slugs in display order. */
export type ArticleLists = Record<ListKey, string[]>;

/** How many items each list holds (`settings.lists`). */
export type ListLimits = Record<ListKey, number>;

/** The lists as the articles collection stores them: one array of slugs each. */
export const storedListsShape = Object.fromEntries(LIST_KEYS.map((key) => [key, z.array(z.string())])) as Record<ListKey, z.ZodArray<z.ZodString>>;

/** Every list empty: an article's lists before the archive is known. */
export const noLists = (): ArticleLists => Object.fromEntries(LIST_KEYS.map((key) => [key, []])) as unknown as ArticleLists;
