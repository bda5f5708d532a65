/**
 * The excerpt under a search result: Pagefind's own choice of passage, but
 * after the headline, which the result already shows (README.md in this
 * folder). Pure and DOM-free: nothing from the index is parsed as HTML.
 */

/** A matched word's place in the indexed text, as Pagefind's `data().weighted_locations` gives it. */
export interface WordLocation {
  /** Index of the word in the text split at white space. */
  location: number;
  /** How much the match counts (headings count more than body text). */
  balanced_score: number;
}

/** What {@link resultExcerpt} needs of one Pagefind result. */
export interface ExcerptSource {
  /** The indexed text of the page, as Pagefind's `data().content` gives it (plain text). */
  content: string;
  /** The matched words. */
  weighted_locations: readonly WordLocation[];
  /** The headline (Pagefind's `meta.title`), which the indexed text starts with. */
  title?: string | undefined;
}

/** One run of the excerpt: plain text, or a word the query matched. */
export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/** Words in an excerpt: Pagefind's default excerpt length. */
export const EXCERPT_WORDS = 30;

const ELLIPSIS = '…';

/**
 * Splits text into words as Pagefind counts them for locations (languages
 * written with spaces; for those Pagefind segments with zero-width spaces,
 * the excerpt is longer than it should be, never wrong).
 */
function wordsOf(text: string): string[] {
  return text === '' ? [] : text.split(/[\r\n\s]+/g);
}

/**
 * How many words at the start of `words` are the headline: the headline's
 * own words, where Pagefind may have added a full stop after the last one.
 * Zero when the text does not start with the headline.
 */
function headlineWords(words: readonly string[], title: string | undefined): number {
  const own = wordsOf((title ?? '').trim());
  if (own.length === 0 || own.length > words.length) return 0;
  for (let i = 0; i < own.length; i++) {
    const word = words[i]!;
    const expected = own[i]!;
    if (word !== expected && !(i === own.length - 1 && word === `${expected}.`)) return 0;
  }
  return own.length;
}

/** Start of the densest window of `length` words among `scores` (Pagefind's rule: the middle of equal best windows). */
function densestWindow(scores: readonly number[], length: number): number {
  if (scores.length <= length) return 0;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += scores[i] ?? 0;
  let best = sum;
  let bestAt = [0];
  for (let i = 0; i + length < scores.length; i++) {
    sum += (scores[i + length] ?? 0) - (scores[i] ?? 0);
    if (sum > best) {
      best = sum;
      bestAt = [i + 1];
    } else if (sum === best && bestAt[bestAt.length - 1] === i) {
      bestAt.push(i + 1);
    }
  }
  return bestAt[Math.floor(bestAt.length / 2)] ?? 0;
}

/**
 * The excerpt of one search result, as runs of plain and marked text, with
 * an ellipsis where the passage starts after the beginning of the text or
 * stops before its end. Without matches after the headline (a query that
 * matched the headline only) it is the opening of the standfirst, as in the
 * site's own story lists.
 */
export function resultExcerpt(source: ExcerptSource, length = EXCERPT_WORDS): ExcerptPart[] {
  const words = wordsOf(source.content);
  const skip = headlineWords(words, source.title);
  const text = words.slice(skip);
  if (text.length === 0) return [];
  const scores: number[] = new Array<number>(text.length).fill(0);
  const marked = new Set<number>();
  for (const { location, balanced_score } of source.weighted_locations) {
    const at = location - skip;
    if (at < 0 || at >= text.length) continue;
    scores[at] = (scores[at] ?? 0) + balanced_score;
    marked.add(at);
  }
  const start = marked.size > 0 ? Math.min(densestWindow(scores, length), Math.max(0, text.length - length)) : 0;
  const end = Math.min(text.length, start + length);

  const parts: ExcerptPart[] = [];
  const push = (piece: string, mark: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.mark === mark) last.text += piece;
    else parts.push({ text: piece, mark });
  };
  if (start > 0) push(`${ELLIPSIS} `, false);
  for (let i = start; i < end; i++) {
    if (i > start) push(' ', false);
    // A word and its punctuation are marked whole, as Pagefind marks them.
    push(text[i]!, marked.has(i));
  }
  if (end < text.length) push(` ${ELLIPSIS}`, false);
  return parts;
}
