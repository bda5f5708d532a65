/**
 * Step 2 of the similar-stories model, run once the whole archive is known:
 * weigh every term by IDF, then keep each doc's `termsPerDoc` strongest terms
 * as an L2-normalised vector. Pruning to the top terms is what keeps the
 * inverted index and the scoring pass about linear in the archive's size.
 */

import { TF_SCALE, type StoredDoc } from './doc-store';

/** Below this df the `maxDocFrequency` cut never applies. */
const MAX_DF_FLOOR = 8;

/**
 * Orders strings by UTF-16 code units: the canonical order of doc ids and
 * terms, so results never depend on insertion order or on the locale.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** IDF of every term, and the eligible terms renumbered in string order. */
export interface TermWeights {
  /** BM25 idf by term id; ≤ 0 marks an ineligible term. */
  readonly idf: Float64Array;
  /** Term id → rank among the eligible terms in string order; −1 if ineligible. */
  readonly rank: Int32Array;
  /** Number of eligible terms (ranks run 0..nTerms-1). */
  readonly nTerms: number;
}

/**
 * Weighs every term of an archive of `n` docs by IDF. Terms in fewer than 2
 * docs (they match nothing) or in more than `maxDocFrequency` of them
 * (stopwords the list missed) are ineligible.
 */
export function weighTerms(termStrings: readonly string[], df: Int32Array, n: number, maxDocFrequency: number): TermWeights {
  const vocab = termStrings.length;
  const maxDf = Math.max(Math.floor(maxDocFrequency * n), MAX_DF_FLOOR);
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
  return { idf, rank, nTerms: eligible.length };
}

/** Every doc's kept terms, CSR-style: doc d's entries are `docStart[d]..docStart[d+1]`. */
export interface DocVectors {
  readonly docStart: Int32Array;
  /** Term ranks, ascending within a doc. */
  readonly docTerm: Int32Array;
  /** L2-normalised tf·idf weights. */
  readonly docWeight: Float64Array;
}

/**
 * Keeps each doc's ≤ `k` strongest terms (tf·idf), L2-normalised, with terms
 * numbered by rank (see {@link weighTerms}). `docs` must be in canonical (id) order.
 */
export function buildDocVectors(docs: readonly StoredDoc[], { idf, rank }: TermWeights, k: number): DocVectors {
  const n = docs.length;
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
  return { docStart, docTerm, docWeight };
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
    // varint term-id delta, then the tf byte (the format is written by doc-store.ts)
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
