/**
 * The search index in parts, so that a correction to this year's story
 * re-indexes this year's stories, not the whole archive: Pagefind writes an
 * index whole and has no way to change one record (README.md in this folder).
 *
 * - the main part, `pagefind/`: the stories of the archive's newest year, in
 *   the paper's time zone; the search page loads it first;
 * - the archive parts, `pagefind/archive-<first year>-<last year>/`: every
 *   earlier year, merged into the main part in the reader's browser
 *   (Pagefind's `mergeIndex`). One part while the earlier years hold at most
 *   `ARCHIVE_PART_SIZE` stories; a bigger archive is cut at year boundaries,
 *   oldest first, so that indexing one part stays within a small machine's
 *   memory and a correction to an old story re-indexes one part. Adding stories
 *   to the newest year never moves a boundary.
 *
 * Few parts, not one a year: each part costs a reader's first search one more
 * download of Pagefind's 60 KB search engine and each query one more request.
 * Pure.
 */

/** Stories an archive part holds at most, unless one year alone has more. */
export const ARCHIVE_PART_SIZE = 30_000;

const yearFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar year of `date` in `timeZone`. */
export function yearIn(date: Date, timeZone: string): number {
  let format = yearFormats.get(timeZone);
  if (!format) yearFormats.set(timeZone, (format = new Intl.DateTimeFormat('en', { timeZone, year: 'numeric' })));
  return Number(format.format(date));
}

export interface ArchivePart<T> {
  /** Its folder under `pagefind/`: `archive-2019-2024`, or `archive-2019` for one year. */
  folder: string;
  items: T[];
}

export interface SearchParts<T> {
  /** The newest year's items: the main part. */
  main: T[];
  /** Every earlier year's items, oldest part first; none when every item is from one year. */
  archive: ArchivePart<T>[];
}

/** Splits items, kept in their order within each part, by their date's year in `timeZone` (see the module comment). */
export function splitSearchParts<T>(items: readonly T[], dateOf: (item: T) => Date, timeZone: string, partSize = ARCHIVE_PART_SIZE): SearchParts<T> {
  const years = items.map((item) => yearIn(dateOf(item), timeZone));
  const newest = Math.max(...years);
  const main: T[] = [];
  const byYear = new Map<number, T[]>();
  items.forEach((item, index) => {
    const year = years[index]!;
    if (year === newest) main.push(item);
    else {
      const stories = byYear.get(year);
      if (stories) stories.push(item);
      else byYear.set(year, [item]);
    }
  });
  const archive: Array<{ first: number; last: number; items: T[] }> = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const stories = byYear.get(year)!;
    const open = archive.at(-1);
    if (open && open.items.length + stories.length <= partSize) {
      open.last = year;
      open.items.push(...stories);
    } else archive.push({ first: year, last: year, items: [...stories] });
  }
  return {
    main,
    archive: archive.map(({ first, last, items: part }) => ({ folder: first === last ? `archive-${first}` : `archive-${first}-${last}`, items: part })),
  };
}
