/**
 * The search index in two parts, so that a correction to this year's story
 * re-indexes this year's stories, not the whole archive: Pagefind writes an
 * index whole and has no way to change one record (README.md in this folder).
 *
 * - the main part, `pagefind/`: the stories of the archive's newest year, in
 *   the paper's time zone; the search page loads it first;
 * - the archive part, `pagefind/archive/`: every earlier year, merged into the
 *   main one in the reader's browser (Pagefind's `mergeIndex`); absent when
 *   every story is from one year.
 *
 * Two parts, not one a year: each part costs a reader's first search one more
 * download of Pagefind's 60 KB search engine and each query one more request.
 * Pure.
 */

/** Where the archive part goes, under the main part's folder. */
export const ARCHIVE_FOLDER = 'archive';

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year of `date` in `timeZone`. */
export function yearIn(date: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) yearFormats.set(timeZone, (format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' })));
  return Number(format.format(date));
}

export interface SearchParts<T> {
  /** The newest year's items: the main part. */
  main: T[];
  /** Every earlier year's items: the archive part; empty when there is none. */
  archive: T[];
}

/** Splits items, kept in their order, by their date's year in `timeZone`: the newest year, and all the years before it. */
export function splitSearchParts<T>(items: readonly T[], dateOf: (item: T) => Date, timeZone: string): SearchParts<T> {
  const years = items.map((item) => yearIn(dateOf(item), timeZone));
  const newest = Math.max(...years);
  const parts: SearchParts<T> = { main: [], archive: [] };
  items.forEach((item, index) => (years[index] === newest ? parts.main : parts.archive).push(item));
  return parts;
}
