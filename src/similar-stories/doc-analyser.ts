/**
 * Step 1 of the similar-stories model: one article's fields → its terms with
 * field-weighted counts. Separate from the index so it can run where the body
 * is (a worker) and its result can be cached between builds.
 */

import { internTerms } from './intern-terms';
import { DEFAULT_SIMILAR_OPTIONS, type FieldWeights, type SimilarInput } from './similar-options';
import { createWordIndex, tagTerm, termOf } from './tokenize';

/**
 * What the model keeps of one article's words: each term with its
 * field-weighted count, in first-seen order, and its explicit tag terms. No
 * text: stems and counts only. Made by {@link createDocAnalyser}, so it can be
 * computed where the body is (a worker) and cached between builds.
 */
export interface AnalysedDoc {
  readonly terms: readonly string[];
  /** `weights[i]` is the weighted count of `terms[i]`. */
  readonly weights: readonly number[];
  /** Explicit tag terms ("#rail-strike"), deduplicated, in tag order. */
  readonly tagTerms: readonly string[];
}

/**
 * Makes an analyser that turns an article's fields into an {@link AnalysedDoc}:
 * title, standfirst and body words (stopwords dropped, stemmed) and tags,
 * each counted with its field weight, in reading order. Keeps a cache of the
 * words it has seen, so reuse one analyser for many articles.
 */
export function createDocAnalyser(
  fieldWeights: FieldWeights = DEFAULT_SIMILAR_OPTIONS.fieldWeights,
): (doc: Pick<SimilarInput, 'title' | 'standfirst' | 'tags' | 'body'>) => AnalysedDoc {
  let scratch = new Float64Array(1024);
  const { id: termId, strings: termStrings } = internTerms(() => scratch.length, () => {
    const grown = new Float64Array(scratch.length * 2);
    grown.set(scratch);
    scratch = grown;
  });
  const seen: number[] = [];
  function countTerm(id: number, weight: number): void {
    const c = scratch[id] ?? 0;
    if (c === 0) seen.push(id);
    scratch[id] = c + weight;
  }
  /**
   * Raw word → term id (−1: not indexable), scanned without allocating a
   * string per token. Saves the stopword test, the stemmer and a string
   * hash for every repeated word; costs one entry per distinct raw word.
   */
  const wordIndex = createWordIndex((word) => {
    const term = termOf(word);
    return term === null ? -1 : termId(term);
  });
  let countWeight = 0;
  const onTerm = (id: number): void => {
    if (id >= 0) countTerm(id, countWeight);
  };
  function countText(text: string, weight: number): void {
    if (weight === 0) return;
    countWeight = weight;
    wordIndex.scan(text, onTerm);
  }

  return (doc) => {
    seen.length = 0;
    const tagTerms: string[] = [];
    try {
      countText(doc.title, fieldWeights.title);
      countText(doc.standfirst, fieldWeights.standfirst);
      countText(doc.body, fieldWeights.body);
      for (const tag of doc.tags) {
        const t = tagTerm(tag);
        if (t === '' || tagTerms.includes(t)) continue; // a tag listed twice counts once
        tagTerms.push(t);
        if (fieldWeights.tags === 0) continue;
        countTerm(termId(t), fieldWeights.tags);
        countText(tag, fieldWeights.tags);
      }
      return { terms: seen.map((id) => termStrings[id]!), weights: seen.map((id) => scratch[id]!), tagTerms };
    } finally {
      for (const id of seen) scratch[id] = 0;
    }
  };
}
