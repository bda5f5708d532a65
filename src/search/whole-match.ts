/**
 * Which results match the words a reader typed, and which only a piece of
 * them. When no indexed word starts with a search word, Pagefind falls back
 * to shorter and shorter prefixes of it: "bequest" finds "be", "contingency"
 * finds "co-op". Such a result does not contain the word asked for, so it is
 * neither shown nor counted. Pure and DOM-free: the search page's client
 * (`browser.ts`) reads it, and unit tests pin the rule.
 */
import type { WordLocation } from './excerpt';

/** The words of a query, as compared: lower case, accents folded, apostrophes and other marks dropped. */
export function queryTerms(query: string): string[] {
  return fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`]/g, '')
    .toLowerCase();
}

/**
 * Word endings by which two forms of one word differ after their common stem
 * (`librar|ies`, `librar|y`; `flood|ed`, `flood|ing`), as a stemmer takes them
 * off. English's; in other languages a word is answered by words starting with it.
 */
const INFLECTIONS = new Set(['', 's', 'es', 'ies', 'y', 'e', 'ed', 'd', 'ing', 'ings', 'er', 'ers', 'est', 'ly', 'ion', 'ions', 'al']);

function commonPrefix(a: string, b: string): number {
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  return at;
}

/**
 * True when an indexed word answers a search word: the word starts with it
 * (`harb` → `harbour`: the reader is typing), or both are forms of one word,
 * differing only in their endings (`libraries` → `library`, `flooded` →
 * `flooding`), as Pagefind's stemming finds them. Not a piece of it
 * (`bequest` → `be`, `valleyside` → `valley’s`).
 */
export function answers(term: string, word: string): boolean {
  const forms = [fold(word).replace(/[^\p{L}\p{N}]+/gu, ''), ...fold(word).split(/[^\p{L}\p{N}]+/u)].filter(Boolean);
  return forms.some((form) => {
    if (form.startsWith(term)) return true;
    const shared = commonPrefix(term, form);
    return shared >= 3 && INFLECTIONS.has(term.slice(shared)) && INFLECTIONS.has(form.slice(shared));
  });
}

/** Splits a result's text into words as Pagefind numbers them (`excerpt.ts`). */
function wordsOf(text: string): string[] {
  return text === '' ? [] : text.split(/[\r\n\s]+/g);
}

/**
 * The locations of a result that answer the query, or `undefined` when some
 * search word is answered nowhere in it (a result of the prefix fallback only).
 */
export function wholeLocations(source: { content: string; weighted_locations: readonly WordLocation[] }, terms: readonly string[]): WordLocation[] | undefined {
  if (terms.length === 0) return [...source.weighted_locations];
  const words = wordsOf(source.content);
  const kept = source.weighted_locations.filter((location) => {
    const word = words[location.location];
    return word !== undefined && terms.some((term) => answers(term, word));
  });
  const answered = terms.every((term) => kept.some((location) => answers(term, words[location.location]!)));
  return answered ? kept : undefined;
}

/**
 * How many results answer the query, Pagefind's ranking being best first:
 * those of the first page that do, and, when the last of them does, as many
 * more as answer before the ranking reaches the first that does not, found by
 * halving (a handful of look-ups, not one per result). A prefix-only result
 * ranks below the results with the word itself, so the count never overstates.
 *
 * @param total Pagefind's number of results.
 * @param firstPage Whether each of the first results (shown on the page) answers.
 * @param answersAt Whether the result at an index past the first page answers.
 */
export async function countAnswering(total: number, firstPage: readonly boolean[], answersAt: (index: number) => Promise<boolean>): Promise<number> {
  const onPage = firstPage.filter(Boolean).length;
  if (total <= firstPage.length || firstPage.length === 0 || !firstPage[firstPage.length - 1]) return onPage;
  let low = firstPage.length;
  let high = total;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (await answersAt(middle)) low = middle + 1;
    else high = middle;
  }
  return onPage + (low - firstPage.length);
}
