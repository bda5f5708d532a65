/**
 * "Similar stories": for every article, up to `limit` other articles about
 * the same thing, computed once per build over the whole archive.
 *
 * Method (see README.md next to this file):
 * 1. `add()` analyses a doc immediately into a field-weighted, sublinear
 *    term-frequency vector (title/standfirst/tags weigh more than body) and
 *    keeps only that vector plus a little metadata — never the text, so
 *    paid body text can inform ranking but cannot leak into any output.
 * 2. `compute()` knows the document frequencies of the whole archive, so it
 *    weighs every stored tf by IDF, keeps each doc's `termsPerDoc` strongest
 *    terms, L2-normalises them and builds an inverted index term → postings.
 * 3. Each doc accumulates dot products only over its own top terms'
 *    postings (no all-pairs pass); posting lists are capped to the
 *    `maxPostings` strongest, so cost grows about linearly with the archive.
 * 4. Candidates under `minScore` (cosine) are dropped; the rest are ranked by
 *    cosine × mild boosts (shared explicit tags, same section, closeness in
 *    time), ties broken by date desc then id asc. On request (`compute()`'s
 *    options) the weaker candidates fill what is left of a list, after the
 *    strong ones, and ids the page already shows are left out.
 *
 * Pure: no clock, no environment, no I/O. Deterministic: the output does not
 * depend on insertion order (docs and terms are put in a canonical order —
 * ids and term strings, by UTF-16 code units — before any float arithmetic).
 */

import { createWordIndex, tagTerm, termOf } from './tokenize';

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

/** Options as accepted by {@link createSimilarityIndex}: any subset. */
export type SimilarOptionsInput = Partial<Omit<SimilarOptions, 'fieldWeights'>> & {
  readonly fieldWeights?: Partial<FieldWeights>;
};

/** The streaming index returned by {@link createSimilarityIndex}. */
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

/** The metadata the model needs besides the analysed words. */
export type SimilarMeta = Pick<SimilarInput, 'id' | 'section' | 'date'>;

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

/** How one `compute()` fills its lists; by default only candidates at or above `minScore`, none left out. */
export interface ComputeOptions {
  /**
   * Article id → ids that must not be in its list (the page already shows
   * them, e.g. in More from this author). They are skipped while ranking, so
   * the list still fills to `limit` from the next candidates.
   */
  readonly exclude?: ReadonlyMap<string, readonly string[]> | undefined;
  /**
   * After the candidates at or above `minScore`, fill the rest of the list
   * with weaker ones (any positive cosine), strongest first. Default false:
   * the model's own lists stay precise; the page's lists (src/lib/lists.ts)
   * ask for the fill.
   */
  readonly fillBelowMinScore?: boolean | undefined;
}

/** One ranked neighbour, as returned by `computeScored()`. */
export interface SimilarItem {
  readonly id: string;
  /** Final ranking score: cosine × boosts. */
  readonly score: number;
  /** Cosine similarity of the pruned term vectors (what `minScore` applies to). */
  readonly cosine: number;
}

/**
 * Per-doc state kept between add() and compute().
 *
 * Memory trade-off: IDF is unknown until the archive is complete, so the
 * top-K terms cannot be chosen at add() time without guessing. We keep each
 * doc's FULL sublinear tf vector, but packed: term ids sorted ascending and
 * delta-encoded as varints (1–3 bytes), each followed by one byte of tf
 * quantised to 1/16 (tf = 1 + ln c is ≥ 1 and < 16 in practice; < 3 %
 * error). That is ~3 bytes per distinct term instead of 8 for
 * Uint32+Float32: an 800-word article (~300–500 distinct terms) costs
 * ~1–1.5 KB, i.e. ~100–150 MB for 100k docs, plus the shared dictionaries
 * (term strings and the word cache, a few tens of MB). The text is dropped.
 * compute() then needs only N·termsPerDoc entries (~40 MB for 100k docs).
 */
interface StoredDoc {
  readonly id: string;
  readonly section: number;
  /** Days since epoch (fractional), NaN for an invalid date. */
  readonly day: number;
  /** Packed tf vector: (varint term-id delta, tf·16 byte)*. */
  readonly packed: Uint8Array;
  /** Term ids of the doc's explicit tags (deduplicated). */
  readonly tagTerms: Uint32Array;
}

/** Fixed-point scale of the stored tf byte. */
const TF_SCALE = 16;

/** Below this df the `maxDocFrequency` cut never applies. */
const MAX_DF_FLOOR = 8;
/** Shared explicit tags counted for the tag boost. */
const MAX_BOOSTED_TAGS = 3;
const MS_PER_DAY = 86_400_000;

function resolveOptions(input: SimilarOptionsInput | undefined): SimilarOptions {
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

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(o) as (keyof T)[]) {
    if (o[key] !== undefined) out[key] = o[key];
  }
  return out;
}

/** Sublinear tf of a field-weighted count: 1 + ln(c) for c ≥ 1, else c. */
function sublinear(c: number): number {
  return c >= 1 ? 1 + Math.log(c) : c;
}

/**
 * Create an empty similarity index. Add every article with `add()`, then
 * call `compute()` once.
 *
 * @param options Any subset of {@link SimilarOptions}; the rest default.
 */
export function createSimilarityIndex(options?: SimilarOptionsInput): SimilarityIndex {
  const opts = resolveOptions(options);
  const fw = opts.fieldWeights;

  let df = new Int32Array(1024);
  const { id: termId, strings: termStrings } = internTerms(() => df.length, () => {
    const grown = new Int32Array(df.length * 2);
    grown.set(df);
    df = grown;
  });
  let packBuffer = new Uint8Array(4096);
  const sectionIds = new Map<string, number>();
  const docs: StoredDoc[] = [];
  const seenIds = new Set<string>();

  const analyse = createDocAnalyser(fw);

  function addAnalysed(meta: SimilarMeta, analysed: AnalysedDoc): void {
    if (seenIds.has(meta.id)) throw new Error(`similar-stories: duplicate id "${meta.id}"`);
    seenIds.add(meta.id);
    // Term ids ascending, each once (weights of a term given twice are summed).
    const entries = analysed.terms.map((term, i) => [termId(term), analysed.weights[i]!] as [number, number]);
    entries.sort((a, b) => a[0] - b[0]);
    const tagIds = new Set(analysed.tagTerms.map(termId));

    if (packBuffer.length < entries.length * 6) packBuffer = new Uint8Array(entries.length * 6);
    let at = 0;
    let previous = 0;
    for (let i = 0; i < entries.length; i++) {
      const [id] = entries[i]!;
      let weight = entries[i]![1];
      while (i + 1 < entries.length && entries[i + 1]![0] === id) weight += entries[++i]![1];
      let delta = id - previous;
      previous = id;
      while (delta >= 0x80) {
        packBuffer[at++] = (delta & 0x7f) | 0x80;
        delta >>>= 7;
      }
      packBuffer[at++] = delta;
      packBuffer[at++] = Math.min(255, Math.max(1, Math.round(sublinear(weight) * TF_SCALE)));
      df[id] = (df[id] ?? 0) + 1;
    }

    let section = sectionIds.get(meta.section);
    if (section === undefined) {
      section = sectionIds.size;
      sectionIds.set(meta.section, section);
    }

    docs.push({
      id: meta.id,
      section,
      day: meta.date.getTime() / MS_PER_DAY,
      packed: packBuffer.slice(0, at),
      tagTerms: Uint32Array.from(tagIds),
    });
  }

  return {
    add: (doc) => addAnalysed(doc, analyse(doc)),
    addAnalysed,
    get size() {
      return docs.length;
    },
    compute: (computeOptions) => {
      const out = new Map<string, string[]>();
      for (const [id, items] of computeSimilar(docs, termStrings, df, opts, computeOptions ?? {})) out.set(id, items.map((x) => x.id));
      return out;
    },
    computeScored: (computeOptions) => computeSimilar(docs, termStrings, df, opts, computeOptions ?? {}),
  };
}

/**
 * Interns term strings as dense ids 0, 1, 2…, calling `grow` whenever a new id
 * reaches `capacity()`, so the caller can double the arrays it indexes by id.
 */
function internTerms(capacity: () => number, grow: () => void): { id: (term: string) => number; strings: string[] } {
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

/** Convenience: index `docs` and compute in one call. */
export function similarStories(
  docs: Iterable<SimilarInput>,
  options?: SimilarOptionsInput,
): Map<string, string[]> {
  const index = createSimilarityIndex(options);
  for (const doc of docs) index.add(doc);
  return index.compute();
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function computeSimilar(
  stored: readonly StoredDoc[],
  termStrings: readonly string[],
  df: Int32Array,
  opts: SimilarOptions,
  { exclude, fillBelowMinScore = false }: ComputeOptions,
): Map<string, SimilarItem[]> {
  const n = stored.length;
  const result = new Map<string, SimilarItem[]>();
  if (n === 0) return result;

  // --- Canonical order: docs by id, terms by string. Everything below runs
  // in this order, so float sums and ties never depend on insertion order.
  const docs = [...stored].sort((a, b) => compareStrings(a.id, b.id));

  const vocab = termStrings.length;
  const maxDf = Math.max(Math.floor(opts.maxDocFrequency * n), MAX_DF_FLOOR);
  // idf ≤ 0 marks an ineligible term: df < 2 (matches nothing) or too common.
  const idf = new Float64Array(vocab);
  const eligible: number[] = [];
  for (let t = 0; t < vocab; t++) {
    const f = df[t] ?? 0;
    if (f >= 2 && f <= maxDf) {
      idf[t] = Math.log(1 + (n - f + 0.5) / (f + 0.5)); // BM25 idf, always > 0
      eligible.push(t);
    }
  }
  eligible.sort((a, b) => compareStrings(termStrings[a] ?? '', termStrings[b] ?? ''));
  const rank = new Int32Array(vocab).fill(-1);
  for (let r = 0; r < eligible.length; r++) rank[eligible[r] ?? 0] = r;
  // Terms are renumbered by rank from here on: 0..eligible.length-1.
  const nTerms = eligible.length;

  // --- Top-K terms per doc (tf·idf), L2-normalised, stored CSR-style.
  const k = opts.termsPerDoc;
  const docStart = new Int32Array(n + 1);
  const docTerm = new Int32Array(n * k);
  const docWeight = new Float64Array(n * k);
  const heapScore = new Float64Array(k);
  const heapTerm = new Int32Array(k);
  const pick: number[] = [];
  let fill = 0;
  for (let d = 0; d < n; d++) {
    const doc = docs[d];
    if (doc === undefined) continue;
    const size = selectTopTerms(doc, idf, rank, k, heapScore, heapTerm);
    // Order the kept terms by rank (canonical summation order).
    pick.length = 0;
    for (let i = 0; i < size; i++) pick.push(i);
    pick.sort((a, b) => (heapTerm[a] ?? 0) - (heapTerm[b] ?? 0));
    let norm = 0;
    for (let i = 0; i < size; i++) norm += (heapScore[i] ?? 0) ** 2;
    norm = Math.sqrt(norm);
    docStart[d] = fill;
    for (const i of pick) {
      docTerm[fill] = heapTerm[i] ?? 0;
      docWeight[fill] = (heapScore[i] ?? 0) / norm;
      fill++;
    }
  }
  docStart[n] = fill;

  // --- Inverted index over the kept terms, each list capped to the
  // `maxPostings` strongest (weight desc, then doc asc).
  const { postStart, postDoc, postWeight } = buildPostings(n, nTerms, docStart, docTerm, docWeight, opts.maxPostings);

  // --- Per-doc metadata in canonical order.
  const section = Int32Array.from(docs, (d) => d.section);
  const day = Float64Array.from(docs, (d) => d.day);
  const tagTerms = docs.map((d) => Uint32Array.from(d.tagTerms).sort());
  const dayKey = Float64Array.from(day, (x) => (Number.isNaN(x) ? -Infinity : x));

  // --- Ids each doc's list must leave out, as doc indexes (a stamp array marks them per doc).
  const excluded: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(n);
  if (exclude && exclude.size > 0) {
    const indexOf = new Map<string, number>();
    for (let d = 0; d < n; d++) indexOf.set(docs[d]?.id ?? '', d);
    for (let d = 0; d < n; d++) {
      const ids = exclude.get(docs[d]?.id ?? '');
      if (!ids || ids.length === 0) continue;
      const indexes: number[] = [];
      for (const id of ids) {
        const b = indexOf.get(id);
        if (b !== undefined) indexes.push(b);
      }
      excluded[d] = Int32Array.from(indexes);
    }
  }
  const blockedBy = new Int32Array(n).fill(-1);

  // The most any boost can multiply a cosine by: a candidate whose cosine times this cannot beat the
  // list's last item is skipped before its boosts are worked out (the slack covers float rounding).
  const maxBoost = (1 + opts.tagBoost * MAX_BOOSTED_TAGS) * (1 + opts.sectionBoost) * (1 + opts.recencyBoost) * (1 + 1e-9);

  // --- Accumulate scores over postings, doc by doc.
  const acc = new Float64Array(n);
  const seenBy = new Int32Array(n).fill(-1);
  const touched = new Int32Array(n);
  const limit = opts.limit;
  const topDoc = new Int32Array(limit);
  const topScore = new Float64Array(limit);
  const topCos = new Float64Array(limit);
  // 0: at or above minScore; 1: below it (only with fillBelowMinScore). Tier 0 always ranks first.
  const topTier = new Uint8Array(limit);
  const ln2 = Math.LN2;
  const maxBoostedTags = MAX_BOOSTED_TAGS;

  for (let a = 0; a < n; a++) {
    let nTouched = 0;
    const end = docStart[a + 1] ?? 0;
    for (let p = docStart[a] ?? 0; p < end; p++) {
      const t = docTerm[p] ?? 0;
      const wa = docWeight[p] ?? 0;
      const pEnd = postStart[t + 1] ?? 0;
      for (let q = postStart[t] ?? 0; q < pEnd; q++) {
        const b = postDoc[q] ?? 0;
        if (seenBy[b] !== a) {
          seenBy[b] = a;
          acc[b] = 0;
          touched[nTouched++] = b;
        }
        acc[b] = (acc[b] ?? 0) + wa * (postWeight[q] ?? 0);
      }
    }

    let nTop = 0;
    const aTags = tagTerms[a] ?? new Uint32Array(0);
    const aSection = section[a];
    const aDay = day[a] ?? Number.NaN;
    const aExcluded = excluded[a];
    if (aExcluded) for (const b of aExcluded) blockedBy[b] = a;
    for (let i = 0; i < nTouched; i++) {
      const b = touched[i] ?? 0;
      if (b === a || limit === 0 || blockedBy[b] === a) continue;
      const cos = acc[b] ?? 0;
      const tier = cos >= opts.minScore ? 0 : 1;
      if (tier === 1 && (!fillBelowMinScore || cos <= 0)) continue;
      if (nTop === limit) {
        const lastTier = topTier[nTop - 1] ?? 0;
        if (tier > lastTier || (tier === lastTier && cos * maxBoost < (topScore[nTop - 1] ?? 0))) continue;
      }

      let score = cos;
      if (opts.tagBoost > 0 && aTags.length > 0) {
        const shared = countShared(aTags, tagTerms[b] ?? new Uint32Array(0));
        if (shared > 0) score *= 1 + opts.tagBoost * Math.min(shared, maxBoostedTags);
      }
      if (section[b] === aSection) score *= 1 + opts.sectionBoost;
      const bDay = day[b] ?? Number.NaN;
      if (opts.recencyBoost > 0 && !Number.isNaN(aDay) && !Number.isNaN(bDay)) {
        score *= 1 + opts.recencyBoost * Math.exp((-Math.abs(aDay - bDay) / opts.recencyHalfLifeDays) * ln2);
      }

      // Insert into the small sorted top list: tier, score desc, date desc, id asc
      // (doc index order is id order).
      const last = nTop - 1;
      if (nTop === limit && !ranksBefore(tier, score, b, topTier[last] ?? 0, topScore[last] ?? 0, topDoc[last] ?? 0, dayKey)) {
        continue;
      }
      let j = nTop < limit ? nTop++ : nTop - 1;
      while (j > 0 && ranksBefore(tier, score, b, topTier[j - 1] ?? 0, topScore[j - 1] ?? 0, topDoc[j - 1] ?? 0, dayKey)) {
        topScore[j] = topScore[j - 1] ?? 0;
        topCos[j] = topCos[j - 1] ?? 0;
        topDoc[j] = topDoc[j - 1] ?? 0;
        topTier[j] = topTier[j - 1] ?? 0;
        j--;
      }
      topScore[j] = score;
      topCos[j] = cos;
      topDoc[j] = b;
      topTier[j] = tier;
    }

    const items: SimilarItem[] = [];
    for (let i = 0; i < nTop; i++) {
      items.push({ id: docs[topDoc[i] ?? 0]?.id ?? '', score: topScore[i] ?? 0, cosine: topCos[i] ?? 0 });
    }
    result.set(docs[a]?.id ?? '', items);
  }
  return result;
}

/** True if candidate (tier, score, doc) ranks strictly before (otherTier, otherScore, other). */
function ranksBefore(
  tier: number,
  score: number,
  doc: number,
  otherTier: number,
  otherScore: number,
  other: number,
  dayKey: Float64Array,
): boolean {
  if (tier !== otherTier) return tier < otherTier;
  if (score !== otherScore) return score > otherScore;
  const d1 = dayKey[doc] ?? -Infinity;
  const d2 = dayKey[other] ?? -Infinity;
  if (d1 !== d2) return d1 > d2;
  return doc < other;
}

/** Size of the intersection of two ascending arrays. */
function countShared(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/**
 * Fill heapScore/heapTerm with the doc's ≤ k strongest eligible terms
 * (tf·idf desc, then term rank asc — string order, insertion-independent).
 * Term ids in heapTerm are ranks. Returns how many were kept.
 */
function selectTopTerms(
  doc: StoredDoc,
  idf: Float64Array,
  rank: Int32Array,
  k: number,
  heapScore: Float64Array,
  heapTerm: Int32Array,
): number {
  // Min-heap on "strength": root is the weakest kept term.
  let size = 0;
  const weaker = (s1: number, r1: number, s2: number, r2: number): boolean => (s1 !== s2 ? s1 < s2 : r1 > r2);
  const packed = doc.packed;
  let id = 0;
  for (let at = 0; at < packed.length; ) {
    // varint term-id delta, then the tf byte
    let byte = packed[at++] ?? 0;
    let delta = byte & 0x7f;
    for (let shift = 7; byte >= 0x80; shift += 7) {
      byte = packed[at++] ?? 0;
      delta += (byte & 0x7f) * 2 ** shift;
    }
    id += delta;
    const tf = (packed[at++] ?? 0) / TF_SCALE;
    const w = idf[id] ?? 0;
    if (w <= 0) continue;
    const s = tf * w;
    const r = rank[id] ?? 0;
    if (size < k) {
      // sift up
      let c = size++;
      while (c > 0) {
        const parent = (c - 1) >> 1;
        if (!weaker(s, r, heapScore[parent] ?? 0, heapTerm[parent] ?? 0)) break;
        heapScore[c] = heapScore[parent] ?? 0;
        heapTerm[c] = heapTerm[parent] ?? 0;
        c = parent;
      }
      heapScore[c] = s;
      heapTerm[c] = r;
    } else if (weaker(heapScore[0] ?? 0, heapTerm[0] ?? 0, s, r)) {
      // replace root, sift down
      let c = 0;
      for (;;) {
        const l = 2 * c + 1;
        if (l >= size) break;
        let m = l;
        const rr = l + 1;
        if (rr < size && weaker(heapScore[rr] ?? 0, heapTerm[rr] ?? 0, heapScore[l] ?? 0, heapTerm[l] ?? 0)) m = rr;
        if (!weaker(heapScore[m] ?? 0, heapTerm[m] ?? 0, s, r)) break;
        heapScore[c] = heapScore[m] ?? 0;
        heapTerm[c] = heapTerm[m] ?? 0;
        c = m;
      }
      heapScore[c] = s;
      heapTerm[c] = r;
    }
  }
  return size;
}

/** Build term → postings (CSR), keeping at most `maxPostings` per term. */
function buildPostings(
  n: number,
  nTerms: number,
  docStart: Int32Array,
  docTerm: Int32Array,
  docWeight: Float64Array,
  maxPostings: number,
): { postStart: Int32Array; postDoc: Int32Array; postWeight: Float64Array } {
  const total = docStart[n] ?? 0;
  const counts = new Int32Array(nTerms + 1);
  for (let p = 0; p < total; p++) {
    const slot = (docTerm[p] ?? 0) + 1;
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const fullStart = new Int32Array(nTerms + 1);
  for (let t = 0; t < nTerms; t++) fullStart[t + 1] = (fullStart[t] ?? 0) + (counts[t + 1] ?? 0);
  const cursor = fullStart.slice(0, nTerms);
  const fullDoc = new Int32Array(total);
  const fullWeight = new Float64Array(total);
  for (let d = 0; d < n; d++) {
    const end = docStart[d + 1] ?? 0;
    for (let p = docStart[d] ?? 0; p < end; p++) {
      const t = docTerm[p] ?? 0;
      const at = cursor[t] ?? 0;
      cursor[t] = at + 1;
      fullDoc[at] = d;
      fullWeight[at] = docWeight[p] ?? 0;
    }
  }

  // Cap long lists to their strongest entries.
  const postStart = new Int32Array(nTerms + 1);
  let kept = 0;
  for (let t = 0; t < nTerms; t++) kept += Math.min((fullStart[t + 1] ?? 0) - (fullStart[t] ?? 0), maxPostings);
  if (kept === total) return { postStart: fullStart, postDoc: fullDoc, postWeight: fullWeight };

  const postDoc = new Int32Array(kept);
  const postWeight = new Float64Array(kept);
  let out = 0;
  const order: number[] = [];
  for (let t = 0; t < nTerms; t++) {
    postStart[t] = out;
    const s = fullStart[t] ?? 0;
    const e = fullStart[t + 1] ?? 0;
    if (e - s <= maxPostings) {
      postDoc.set(fullDoc.subarray(s, e), out);
      postWeight.set(fullWeight.subarray(s, e), out);
      out += e - s;
      continue;
    }
    order.length = 0;
    for (let p = s; p < e; p++) order.push(p);
    order.sort((x, y) => (fullWeight[y] ?? 0) - (fullWeight[x] ?? 0) || (fullDoc[x] ?? 0) - (fullDoc[y] ?? 0));
    for (let i = 0; i < maxPostings; i++) {
      const p = order[i] ?? 0;
      postDoc[out] = fullDoc[p] ?? 0;
      postWeight[out] = fullWeight[p] ?? 0;
      out++;
    }
  }
  postStart[nTerms] = out;
  return { postStart, postDoc, postWeight };
}
