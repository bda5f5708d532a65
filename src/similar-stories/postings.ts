/**
 * Step 3 of the similar-stories model: the inverted index term → docs over
 * the kept terms, so each doc meets only the docs that share a term with it
 * (no all-pairs pass). Long lists are capped to their strongest entries, so
 * a common term cannot make the cost quadratic.
 */

import type { DocVectors } from './term-vectors';

/** Term → postings, CSR-style: term t's entries are `postStart[t]..postStart[t+1]`. */
export interface Postings {
  readonly postStart: Int32Array;
  /** Doc index (canonical order). */
  readonly postDoc: Int32Array;
  /** The doc's normalised weight for the term. */
  readonly postWeight: Float64Array;
}

/**
 * Build term → postings (CSR) for `n` docs over `nTerms` terms, keeping at
 * most `maxPostings` per term: the strongest (weight desc, then doc asc).
 */
export function buildPostings(n: number, nTerms: number, { docStart, docTerm, docWeight }: DocVectors, maxPostings: number): Postings {
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
