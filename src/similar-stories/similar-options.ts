/**
 * What the similar-stories model takes in: one article ({@link SimilarInput})
 * and the tuning knobs ({@link SimilarOptions}), with their defaults and the
 * check that rejects a knob out of range before any article is read.
 */

/** One article as the model sees it. */
export interface SimilarInput {
  /** Slug; unique across the archive. */
  readonly id: string;
  readonly title: string;
  readonly standfirst: string;
  readonly tags: readonly string[];
  /** Section id. */
  readonly section: string;
  readonly date: Date;
  /** Full plain text, INCLUDING paid text: it informs ranking, never output. */
  readonly body: string;
}

/** Multipliers applied to term counts by field before the sublinear tf. */
export interface FieldWeights {
  readonly title: number;
  readonly standfirst: number;
  readonly body: number;
  /** Each tag adds its whole-tag term ("#rail-strike") and its words. */
  readonly tags: number;
}

/** Tuning knobs; every one has a default (see {@link DEFAULT_SIMILAR_OPTIONS}). */
export interface SimilarOptions {
  /** Max similar items per article. */
  readonly limit: number;
  /**
   * Minimum cosine similarity (0..1, before boosts) for a candidate to be
   * listed at all: unrelated articles get fewer items, possibly none.
   */
  readonly minScore: number;
  /** Strongest terms (by tf·idf) kept per doc for the inverted index. */
  readonly termsPerDoc: number;
  /** Posting lists longer than this keep only their strongest entries. */
  readonly maxPostings: number;
  /**
   * Terms found in more than this fraction of the archive are ignored
   * (stopwords the list missed). Never applies to terms in ≤ 8 docs, so
   * tiny archives are not emptied.
   */
  readonly maxDocFrequency: number;
  readonly fieldWeights: FieldWeights;
  /** Score × (1 + tagBoost · shared explicit tags, at most 3). */
  readonly tagBoost: number;
  /** Score × (1 + sectionBoost) when both are in the same section. */
  readonly sectionBoost: number;
  /** Score × (1 + recencyBoost · 2^(−|Δdays| / recencyHalfLifeDays)). */
  readonly recencyBoost: number;
  readonly recencyHalfLifeDays: number;
}

/** Defaults, tuned on the labelled fixture corpus and the 20k-doc scale test. */
export const DEFAULT_SIMILAR_OPTIONS: SimilarOptions = Object.freeze({
  limit: 4,
  minScore: 0.15,
  termsPerDoc: 32,
  maxPostings: 400,
  maxDocFrequency: 0.5,
  fieldWeights: Object.freeze({ title: 3, standfirst: 2, body: 1, tags: 2 }),
  tagBoost: 0.1,
  sectionBoost: 0.05,
  recencyBoost: 0.1,
  recencyHalfLifeDays: 60,
});

/** Options as accepted by `createSimilarityIndex`: any subset. */
export type SimilarOptionsInput = Partial<Omit<SimilarOptions, 'fieldWeights'>> & {
  readonly fieldWeights?: Partial<FieldWeights>;
};

/**
 * Fills the options left out (or given as `undefined`) with their defaults
 * and checks every value, so a bad setting fails at once, with its name.
 *
 * @throws RangeError naming the first invalid option.
 */
export function resolveOptions(input: SimilarOptionsInput | undefined): SimilarOptions {
  const d = DEFAULT_SIMILAR_OPTIONS;
  const o: SimilarOptions = {
    ...d,
    ...stripUndefined(input ?? {}),
    fieldWeights: { ...d.fieldWeights, ...stripUndefined(input?.fieldWeights ?? {}) },
  };
  const checks: [string, number, boolean][] = [
    ['limit', o.limit, Number.isInteger(o.limit) && o.limit >= 0],
    ['termsPerDoc', o.termsPerDoc, Number.isInteger(o.termsPerDoc) && o.termsPerDoc >= 1],
    ['maxPostings', o.maxPostings, Number.isInteger(o.maxPostings) && o.maxPostings >= 1],
    ['minScore', o.minScore, Number.isFinite(o.minScore)],
    ['maxDocFrequency', o.maxDocFrequency, o.maxDocFrequency > 0 && o.maxDocFrequency <= 1],
    ['tagBoost', o.tagBoost, o.tagBoost >= 0],
    ['sectionBoost', o.sectionBoost, o.sectionBoost >= 0],
    ['recencyBoost', o.recencyBoost, o.recencyBoost >= 0],
    ['recencyHalfLifeDays', o.recencyHalfLifeDays, o.recencyHalfLifeDays > 0],
    ['fieldWeights.title', o.fieldWeights.title, o.fieldWeights.title >= 0],
    ['fieldWeights.standfirst', o.fieldWeights.standfirst, o.fieldWeights.standfirst >= 0],
    ['fieldWeights.body', o.fieldWeights.body, o.fieldWeights.body >= 0],
    ['fieldWeights.tags', o.fieldWeights.tags, o.fieldWeights.tags >= 0],
  ];
  for (const [name, value, ok] of checks) {
    if (!ok) throw new RangeError(`similar-stories: invalid option ${name} = ${String(value)}`);
  }
  return o;
}

/** Drops keys whose value is `undefined`, so spreading them cannot erase a default. */
function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(o) as (keyof T)[]) {
    if (o[key] !== undefined) out[key] = o[key];
  }
  return out;
}
