/**
 * The search index in parts, so that a correction to this year's story
 * re-indexes this year's stories, not the whole archive: Pagefind writes an
 * index whole and has no way to change one record (README.md in this folder).
 *
 * - the main part, `pagefind/`: the stories of the archive's newest year, in
 *   the paper's time zone; the search page loads it first;
 * - the archive parts, `pagefind/archive-<first year>-<last year>/`: every
 *   earlier year, merged into the main part in the reader's browser
 *   (Pagefind's `mergeIndex`). The earlier years are cut at year boundaries,
 *   oldest first, into parts of at most `archivePartSize()` stories, so that
 *   indexing one part stays within a small machine's memory and a correction
 *   to an old story re-indexes one part. Adding stories to the newest year
 *   never moves a boundary.
 *
 * Few parts, not one a year: each part costs a reader's first search one more
 * download of Pagefind's 60 KB search engine and each query one more request.
 * So a part holds a quarter of the earlier years, in steps of 5,000 stories,
 * between 5,000 and 20,000: about four archive parts from 20,000 stories up
 * to 80,000, one more for each 20,000 after (at 100,000, five of about
 * 20,000), one or two below. Pagefind holds about 100–150 KB per story of
 * the benchmark's archive while it indexes a part, most of it following the
 * words indexed: 25,000 stories were 3.3 GiB in its process, 20,000 some
 * 2.6–2.9 GiB. A correction to an old story then re-indexes at most a
 * quarter of the archive (5,000 stories at most up to 20,000), in the time
 * the pages take. The steps keep a boundary where it was while the archive
 * grows by a few stories. Pure.
 */

/** The step, smallest and largest size of an archive part (see the module comment). */
export const ARCHIVE_PART_STEP = 5_000;
export const ARCHIVE_PART_MAX = 20_000;

/** Stories an archive part holds at most, unless one year alone has more, for `earlier` stories before the newest year. */
export function archivePartSize(earlier: number): number {
  const quarter = Math.ceil(earlier / 4 / ARCHIVE_PART_STEP) * ARCHIVE_PART_STEP;
  return Math.min(ARCHIVE_PART_MAX, Math.max(ARCHIVE_PART_STEP, quarter));
}

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
export function splitSearchParts<T>(items: readonly T[], dateOf: (item: T) => Date, timeZone: string, partSize?: number): SearchParts<T> {
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
  const size = partSize ?? archivePartSize(items.length - main.length);
  const archive: Array<{ first: number; last: number; items: T[] }> = [];
  for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
    const stories = byYear.get(year)!;
    const open = archive.at(-1);
    if (open && open.items.length + stories.length <= size) {
      open.last = year;
      open.items.push(...stories);
    } else archive.push({ first: year, last: year, items: [...stories] });
  }
  return {
    main,
    archive: archive.map(({ first, last, items: part }) => ({ folder: first === last ? `archive-${first}` : `archive-${first}-${last}`, items: part })),
  };
}
