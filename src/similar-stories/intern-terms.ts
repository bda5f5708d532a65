/**
 * Term strings as dense integer ids, shared by the analyser and the index:
 * both count per term in typed arrays indexed by id, which is far cheaper
 * than a Map of strings per article.
 */

/**
 * Interns term strings as dense ids 0, 1, 2…, calling `grow` whenever a new id
 * reaches `capacity()`, so the caller can double the arrays it indexes by id.
 */
export function internTerms(capacity: () => number, grow: () => void): { id: (term: string) => number; strings: string[] } {
  const ids = new Map<string, number>();
  const strings: string[] = [];
  return {
    strings,
    id: (term) => {
      let id = ids.get(term);
      if (id === undefined) {
        id = strings.length;
        const own = ownCopy(term);
        ids.set(own, id);
        strings.push(own);
        if (id >= capacity()) grow();
      }
      return id;
    },
  };
}

/**
 * A term as a string of its own. A word cut from an article with `slice` is,
 * in V8, a view into the whole text (from 13 characters on), and a table
 * that keeps it keeps the text: each article that brought a new term would
 * stay in memory for the rest of the build, some 300 MB per body worker at
 * 100,000 articles. The concatenation is flattened into a new string one
 * character longer than the term, and the slice is a view into that alone.
 */
function ownCopy(term: string): string {
  return ` ${term}`.slice(1);
}
