import { compareNewestFirst } from '../lib/dates';
import type { ArticleLists, ListLimits } from './article-lists';
import type { ComputeOptions } from './similar-stories';

/** The least an item needs to be placed in a list: its slug and date. */
export interface Dated {
  id: string;
  date: Date;
}

/** Returns a new array, newest first, ties by slug. */
export function newestFirst<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort(compareNewestFirst);
}

/**
 * "More from this author" for every article at once: each article gets its
 * author's `limit` most recent *other* articles, newest first. One sort per
 * author, so the whole archive costs O(n log n + n·limit). A piece by several
 * authors (`authors`) counts among each one's articles, and its own list is
 * its first author's (`author`).
 */
export function moreFromAuthor<T extends Dated & { author: string; authors?: readonly string[] | undefined }>(
  articles: readonly T[],
  limit: number,
): Map<string, string[]> {
  const byAuthor = new Map<string, T[]>();
  for (const article of articles) {
    for (const author of article.authors ?? [article.author]) {
      const list = byAuthor.get(author);
      if (list) list.push(article);
      else byAuthor.set(author, [article]);
    }
  }
  const result = new Map<string, string[]>();
  for (const [author, list] of byAuthor) {
    list.sort(compareNewestFirst);
    const head = list.slice(0, limit + 1).map((item) => item.id);
    for (const article of list) {
      // A co-author's list is not this article's: it shows its first author's.
      if (article.author !== author) continue;
      result.set(
        article.id,
        head.filter((id) => id !== article.id).slice(0, limit),
      );
    }
  }
  return result;
}


/** What {@link articleLists} needs of the similarity model (`createSimilarityIndex()` with every article added). */
export interface SimilarityRanking {
  compute(options: ComputeOptions): Map<string, string[]>;
}

/**
 * The lists under every article at once, as a page shows them side by side:
 * More from this author ({@link moreFromAuthor}), then Similar stories with the
 * article's `related` pins first, no story twice, filled from the model, then
 * the section's and the paper's latest (why, and what it costs: README.md).
 */
export function articleLists<
  T extends Dated & {
    author: string;
    authors?: readonly string[] | undefined;
    section: string;
    related?: readonly string[] | undefined;
    similar?: boolean | undefined;
  },
>(
  articles: readonly T[],
  similarity: SimilarityRanking,
  limits: ListLimits,
): Map<string, ArticleLists> {
  const byAuthor = moreFromAuthor(articles, limits.moreFromAuthor);
  const hidden = new Set(articles.filter((article) => article.similar === false).map((article) => article.id));
  for (const article of articles) {
    const pins = article.related ?? [];
    if (pins.length === 0) continue;
    byAuthor.set(article.id, (byAuthor.get(article.id) ?? []).filter((id) => !pins.includes(id)));
  }
  // What the model must skip per article: the page's other list, its pins (already placed) and hidden stories,
  // so its list still fills from the next candidates.
  // Without pins or hidden stories (the usual archive) the author lists serve as they are, with no copying.
  const hiddenIds = [...hidden];
  const exclude: Map<string, readonly string[]> =
    hiddenIds.length === 0 && articles.every((article) => !article.related?.length) ? byAuthor : new Map();
  if (exclude !== byAuthor) {
    for (const article of articles) {
      const skip = [...(byAuthor.get(article.id) ?? []), ...(article.related ?? []), ...hiddenIds];
      if (skip.length > 0) exclude.set(article.id, skip);
    }
  }
  const ranked = similarity.compute({ exclude, fillBelowMinScore: true });
  const latest = newestFirst(articles).map((article) => ({ id: article.id, section: article.section }));
  const latestBySection = new Map<string, string[]>();
  for (const { id, section } of latest) {
    const list = latestBySection.get(section);
    if (list) list.push(id);
    else latestBySection.set(section, [id]);
  }
  const latestIds = latest.map((article) => article.id);

  const result = new Map<string, ArticleLists>();
  for (const article of articles) {
    const fromAuthor = byAuthor.get(article.id) ?? [];
    const taken = new Set([article.id, ...fromAuthor]);
    // Pinned stories are the editor's word: all shown, hidden or not.
    const similar: string[] = (article.related ?? []).filter((id) => id !== article.id && !taken.has(id));
    for (const id of similar) taken.add(id);
    const take = (ids: readonly string[]) => {
      for (const id of ids) {
        if (similar.length >= limits.similar) return;
        if (taken.has(id) || hidden.has(id)) continue;
        taken.add(id);
        similar.push(id);
      }
    };
    take(ranked.get(article.id) ?? []);
    take(latestBySection.get(article.section) ?? []);
    take(latestIds);
    result.set(article.id, { moreFromAuthor: fromAuthor, similar });
  }
  return result;
}

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** Total pages, at least 1 even for an empty list. */
  total: number;
  items: T[];
}

/** Splits a list into pages of `size`. An empty list still has one (empty) page. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

export interface FrontPage<T> {
  /** The pinned lead story, or the newest article, shown large. */
  lead: T | undefined;
  /** The pinned top stories in their order, then the newest others, shown beside the lead. */
  secondary: T[];
  /** For each section in navigation order, its newest articles not already above. */
  sections: Array<{ section: string; items: T[] }>;
}

/**
 * Lays out a paper's home page: a lead story and a few more top stories, then
 * the latest from each section, never showing one article twice. `pins`
 * (front.yaml, checked beforehand) choose the lead and the first top stories;
 * the slots they leave fill by date, and pinning more top stories than
 * `secondary` shows them all.
 */
export function frontPage<T extends Dated & { section: string }>(
  articles: readonly T[],
  sectionOrder: readonly string[],
  { secondary = 4, perSection = 4, pins = {} }: { secondary?: number; perSection?: number; pins?: { lead?: string | undefined; top?: readonly string[] | undefined } } = {},
): FrontPage<T> {
  const sorted = newestFirst(articles);
  const byId = new Map(sorted.map((article) => [article.id, article]));
  const pinnedLead = pins.lead === undefined ? undefined : byId.get(pins.lead);
  const pinnedTop = (pins.top ?? []).flatMap((id) => byId.get(id) ?? []).filter((article) => article !== pinnedLead);
  const pinned = new Set([pinnedLead, ...pinnedTop]);
  const byDate = sorted.filter((article) => !pinned.has(article));
  const lead = pinnedLead ?? byDate.shift();
  const top = [...(lead ? [lead] : []), ...pinnedTop, ...byDate.slice(0, Math.max(0, secondary - pinnedTop.length))];
  const shown = new Set(top.map((item) => item.id));
  const bySection = new Map<string, T[]>(sectionOrder.map((id) => [id, []]));
  for (const article of sorted) {
    if (shown.has(article.id)) continue;
    const list = bySection.get(article.section);
    if (list && list.length < perSection) list.push(article);
  }
  return {
    lead: top[0],
    secondary: top.slice(1),
    sections: sectionOrder
      .map((section) => ({ section, items: bySection.get(section) ?? [] }))
      .filter((group) => group.items.length > 0),
  };
}
