/**
 * The `/corrections/` page's list: every correction of every article, newest
 * first. Pure: the articles come in, already published (drafts and embargoed
 * pieces never reach the collection of a public build).
 */

/** One correction on the list, with the article it corrects. */
export interface CorrectionEntry {
  slug: string;
  title: string;
  date: Date;
  dateHasTime: boolean;
  text: string;
}

/** How many corrections `/corrections/` shows: a year of a busy paper's, not the whole archive. */
export const RECENT_CORRECTIONS = 100;

/**
 * Every article's corrections as one list, newest first; equal dates by slug,
 * then in the order the article lists them, so every build prints the same page.
 */
export function recentCorrections(
  articles: Iterable<{ id: string; data: { title: string; corrections?: readonly { date: Date; dateHasTime: boolean; text: string }[] | undefined } }>,
  limit = RECENT_CORRECTIONS,
): CorrectionEntry[] {
  const entries: (CorrectionEntry & { order: number })[] = [];
  for (const { id, data } of articles) {
    (data.corrections ?? []).forEach((correction, order) =>
      entries.push({ slug: id, title: data.title, date: correction.date, dateHasTime: correction.dateHasTime, text: correction.text, order }),
    );
  }
  return entries
    .sort((a, b) => b.date.getTime() - a.date.getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0) || a.order - b.order)
    .slice(0, limit)
    .map(({ order: _order, ...entry }) => entry);
}
