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
        ids.set(term, id);
        strings.push(term);
        if (id >= capacity()) grow();
      }
      return id;
    },
  };
}
