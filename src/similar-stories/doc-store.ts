/**
 * What the similar-stories index keeps between `add()` and `compute()`: per
 * article a packed term-frequency vector and a little metadata (never the
 * text, so paid body text can inform ranking but cannot leak into any output),
 * plus the archive's document frequencies.
 */

import type { AnalysedDoc } from './doc-analyser';
import { internTerms } from './intern-terms';
import type { SimilarInput } from './similar-options';

/** The metadata the model needs besides the analysed words. */
export type SimilarMeta = Pick<SimilarInput, 'id' | 'section' | 'date'>;

/**
 * Per-doc state kept between add() and compute(): the whole tf vector, packed
 * to about 3 bytes a term, since IDF is unknown until every doc is in (README.md).
 */
export interface StoredDoc {
  readonly id: string;
  readonly section: number;
  /** Days since epoch (fractional), NaN for an invalid date. */
  readonly day: number;
  /** Packed tf vector: (varint term-id delta, tf·16 byte)*. Read back by `selectTopTerms` (term-vectors.ts). */
  readonly packed: Uint8Array;
  /** Term ids of the doc's explicit tags (deduplicated). */
  readonly tagTerms: Uint32Array;
}

/** Fixed-point scale of the stored tf byte. */
export const TF_SCALE = 16;

const MS_PER_DAY = 86_400_000;

/** Every article added so far, and what `compute()` needs to know about the whole archive. */
export interface DocStore {
  /** Packs one analysed article and counts its terms' document frequencies. Throws on a duplicate id. */
  add(meta: SimilarMeta, analysed: AnalysedDoc): void;
  /** The stored articles, in insertion order. */
  readonly docs: readonly StoredDoc[];
  /** Term string by term id. */
  readonly termStrings: readonly string[];
  /**
   * Number of articles containing each term, by term id. Replaced by a
   * bigger array as the vocabulary grows, so read it when computing.
   */
  readonly df: Int32Array;
}

/** Sublinear tf of a field-weighted count: 1 + ln(c) for c ≥ 1, else c. */
function sublinear(c: number): number {
  return c >= 1 ? 1 + Math.log(c) : c;
}

/** Terms of one article at most this many for the fast sort below (each key is term id × this + position). */
const POSITIONS = 65_536;

/**
 * An article's term ids and weights, sorted by term id, terms given twice in
 * the order given (a stable sort): the same as sorting `[id, weight]` pairs,
 * without a pair per term. Each term is one number, id × 65,536 + position,
 * exact in a double for any vocabulary under 2^37 terms, and a Float64Array
 * sorts numbers natively.
 */
function byTermId(analysed: AnalysedDoc, termId: (term: string) => number): { ids: Int32Array | number[]; weights: Float64Array | number[] } {
  const count = analysed.terms.length;
  if (count >= POSITIONS) {
    const entries = analysed.terms.map((term, i) => [termId(term), analysed.weights[i]!] as [number, number]);
    entries.sort((a, b) => a[0] - b[0]);
    return { ids: entries.map(([id]) => id), weights: entries.map(([, weight]) => weight) };
  }
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) keys[i] = termId(analysed.terms[i]!) * POSITIONS + i;
  keys.sort();
  const ids = new Int32Array(count);
  const weights = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const position = keys[i]! % POSITIONS;
    ids[i] = (keys[i]! - position) / POSITIONS;
    weights[i] = analysed.weights[position]!;
  }
  return { ids, weights };
}

/** Creates an empty store; sections and terms get dense ids in first-seen order. */
export function createDocStore(): DocStore {
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

  function add(meta: SimilarMeta, analysed: AnalysedDoc): void {
    if (seenIds.has(meta.id)) throw new Error(`similar-stories: duplicate id "${meta.id}"`);
    seenIds.add(meta.id);
    // Term ids ascending, each once (weights of a term given twice are summed, in the order given).
    const { ids, weights } = byTermId(analysed, termId);
    const tagIds = new Set(analysed.tagTerms.map(termId));

    if (packBuffer.length < ids.length * 6) packBuffer = new Uint8Array(ids.length * 6);
    let at = 0;
    let previous = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      let weight = weights[i]!;
      while (i + 1 < ids.length && ids[i + 1] === id) weight += weights[++i]!;
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
    add,
    docs,
    termStrings,
    get df() {
      return df;
    },
  };
}
