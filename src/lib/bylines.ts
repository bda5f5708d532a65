/**
 * Bylines with several authors: "By A and B", "By A, B and C", joined as the
 * paper's locale joins a list (`Intl.ListFormat`), so pages, search records
 * and feeds print the same words.
 */

/** A byline as pieces: each author (by position in the list) and the words between them. */
export type BylinePart = { author: number } | { text: string };

/**
 * The pieces of a list of `count` authors in `locale`: `[{ author: 0 }, { text: ' and ' }, { author: 1 }]`.
 * Pages make each author a link; plain-text uses join the names.
 */
export function bylineParts(count: number, locale: string): BylinePart[] {
  if (count <= 0) return [];
  // Placeholders that no locale's list words contain, mapped back to positions.
  const placeholders = Array.from({ length: count }, (_, index) => `\u0000${index}\u0000`);
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })
    .formatToParts(placeholders)
    .map((part) => (part.type === 'element' ? { author: Number(part.value.slice(1, -1)) } : { text: part.value }));
}

/** The authors' names as one phrase, for feeds: `Ada Quill and Ben Ink`. */
export function joinNames(names: readonly string[], locale: string): string {
  return bylineParts(names.length, locale)
    .map((part) => ('author' in part ? names[part.author]! : part.text))
    .join('');
}
