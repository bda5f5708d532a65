/**
 * "Similar stories": for every article, up to `limit` other articles about the
 * same thing, ranked once per build over the whole archive without an
 * all-pairs pass and without keeping any text (the method, step by step, is in
 * README.md next to this file). Pure and deterministic; the public entry.
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
