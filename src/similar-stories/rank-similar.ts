/**
 * Step 4 of the similar-stories model: score and rank. Each doc accumulates
 * dot products over its own top terms' postings only; candidates under
 * `minScore` (cosine) are dropped, the rest ranked by cosine × mild boosts
 * (shared explicit tags, same section, closeness in time), ties broken by
 * date desc then id asc.
 *
 * Deterministic: docs and terms are put in a canonical order (ids and term
 * strings, by UTF-16 code units) before any float arithmetic, so float sums
 * and ties never depend on insertion order.
 */

import type { StoredDoc } from './doc-store';
import { buildPostings } from './postings';
import type { SimilarOptions } from './similar-options';
import { buildDocVectors, compareStrings, weighTerms } from './term-vectors';

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
   * the model's own lists stay precise; the page's lists (src/similar-stories/lists.ts)
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

/** Shared explicit tags counted for the tag boost. */
const MAX_BOOSTED_TAGS = 3;

/**
 * Ranks every stored doc's neighbours. Returns id → neighbours, best first,
 * never the doc itself; every stored id is a key (possibly with []).
 *
 * @param termStrings Term string by term id, as stored.
 * @param df Document frequency by term id, as stored.
 */
export function computeSimilar(
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
  // Terms are renumbered by rank from here on: 0..nTerms-1.
  const terms = weighTerms(termStrings, df, n, opts.maxDocFrequency);

  // --- Top-K terms per doc (tf·idf), L2-normalised, stored CSR-style.
  const vectors = buildDocVectors(docs, terms, opts.termsPerDoc);
  const { docStart, docTerm, docWeight } = vectors;

  // --- Inverted index over the kept terms, each list capped to the
  // `maxPostings` strongest (weight desc, then doc asc).
  const { postStart, postDoc, postWeight } = buildPostings(n, terms.nTerms, vectors, opts.maxPostings);

  // --- Per-doc metadata in canonical order.
  const section = Int32Array.from(docs, (d) => d.section);
  const day = Float64Array.from(docs, (d) => d.day);
  const tagTerms = docs.map((d) => Uint32Array.from(d.tagTerms).sort());
  const dayKey = Float64Array.from(day, (x) => (Number.isNaN(x) ? -Infinity : x));

  const excluded = excludedIndexes(docs, exclude);
  // A stamp array: blockedBy[b] === a while doc a's list is ranked means b is left out of it.
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

/** The ids each doc's list must leave out, as doc indexes (into `docs`, canonical order); ids not stored are ignored. */
function excludedIndexes(
  docs: readonly StoredDoc[],
  exclude: ReadonlyMap<string, readonly string[]> | undefined,
): (Int32Array | undefined)[] {
  const n = docs.length;
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
  return excluded;
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
