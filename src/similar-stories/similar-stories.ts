/**
 * "Similar stories": for every article, up to `limit` other articles about
 * the same thing, computed once per build over the whole archive.
 *
 * Method (see README.md next to this file), one module per step:
 * 1. `add()` analyses a doc immediately into a field-weighted, sublinear
 *    term-frequency vector (title/standfirst/tags weigh more than body) and
 *    keeps only that vector plus a little metadata — never the text, so
 *    paid body text can inform ranking but cannot leak into any output.
 *    (doc-analyser.ts, doc-store.ts)
 * 2. `compute()` knows the document frequencies of the whole archive, so it
 *    weighs every stored tf by IDF, keeps each doc's `termsPerDoc` strongest
 *    terms, L2-normalises them and builds an inverted index term → postings.
 *    (term-vectors.ts, postings.ts)
 * 3. Each doc accumulates dot products only over its own top terms'
 *    postings (no all-pairs pass); posting lists are capped to the
 *    `maxPostings` strongest, so cost grows about linearly with the archive.
 * 4. Candidates under `minScore` (cosine) are dropped; the rest are ranked by
 *    cosine × mild boosts (shared explicit tags, same section, closeness in
 *    time), ties broken by date desc then id asc. On request (`compute()`'s
 *    options) the weaker candidates fill what is left of a list, after the
 *    strong ones, and ids the page already shows are left out.
 *    (rank-similar.ts)
 * Options and their defaults: similar-options.ts.
 *
 * Pure: no clock, no environment, no I/O. Deterministic: the output does not
 * depend on insertion order (docs and terms are put in a canonical order —
 * ids and term strings, by UTF-16 code units — before any float arithmetic).
 *
 * This module is the public entry: import the model from here.
 */

import { createDocAnalyser, type AnalysedDoc } from './doc-analyser';
import { createDocStore, type SimilarMeta } from './doc-store';
import { computeSimilar, type ComputeOptions, type SimilarItem } from './rank-similar';
import { resolveOptions, type SimilarInput, type SimilarOptionsInput } from './similar-options';

export { createDocAnalyser, type AnalysedDoc } from './doc-analyser';
export type { SimilarMeta } from './doc-store';
export type { ComputeOptions, SimilarItem } from './rank-similar';
export {
  DEFAULT_SIMILAR_OPTIONS,
  type FieldWeights,
  type SimilarInput,
  type SimilarOptions,
  type SimilarOptionsInput,
} from './similar-options';

/** The streaming index returned by {@link createSimilarityIndex}. */
export interface SimilarityIndex {
  /**
   * Analyse one article now and keep only its weighted term vector and
   * metadata. Throws on a duplicate id.
   */
  add(doc: SimilarInput): void;
  /** Adds an article analysed elsewhere (a worker, the cache); same result as `add`. */
  addAnalysed(meta: SimilarMeta, analysed: AnalysedDoc): void;
  /** Number of articles added so far. */
  readonly size: number;
  /**
   * Rank everything added so far. Returns id → similar ids, best first,
   * never the article itself; every added id is a key (possibly with []).
   * Does not modify the index; may be called again after more `add()`s.
   */
  compute(options?: ComputeOptions): Map<string, string[]>;
  /** Same ranking as {@link SimilarityIndex.compute}, with scores (for tuning and debugging). */
  computeScored(options?: ComputeOptions): Map<string, SimilarItem[]>;
}

/**
 * Create an empty similarity index. Add every article with `add()`, then
 * call `compute()` once.
 *
 * @param options Any subset of `SimilarOptions`; the rest default.
 */
export function createSimilarityIndex(options?: SimilarOptionsInput): SimilarityIndex {
  const opts = resolveOptions(options);
  const store = createDocStore();
  const analyse = createDocAnalyser(opts.fieldWeights);

  return {
    add: (doc) => store.add(doc, analyse(doc)),
    addAnalysed: store.add,
    get size() {
      return store.docs.length;
    },
    compute: (computeOptions) => {
      const out = new Map<string, string[]>();
      for (const [id, items] of computeSimilar(store.docs, store.termStrings, store.df, opts, computeOptions ?? {})) out.set(id, items.map((x) => x.id));
      return out;
    },
    computeScored: (computeOptions) => computeSimilar(store.docs, store.termStrings, store.df, opts, computeOptions ?? {}),
  };
}

/** Convenience: index `docs` and compute in one call. */
export function similarStories(
  docs: Iterable<SimilarInput>,
  options?: SimilarOptionsInput,
): Map<string, string[]> {
  const index = createSimilarityIndex(options);
  for (const doc of docs) index.add(doc);
  return index.compute();
}
