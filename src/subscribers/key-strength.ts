/**
 * Is a subscriber key really 256 random bits? A typed key can be guessed; each
 * rule below refuses a random key less than once in 2·10⁹ (README.md in this
 * folder). Build-time only: nothing here ships to readers.
 */

/** Fewer distinct bytes than this among the 32 is not random (random: ~30; P(< 20) ≈ 1.4·10⁻¹⁰). */
export const MIN_DISTINCT_BYTES = 20;
/** Fewer distinct characters than this among the 43 is not random (random: ~31; P(< 18) ≈ 5.8·10⁻¹¹). */
export const MIN_DISTINCT_CHARS = 18;
/** Fewer distinct steps between neighbouring bytes than this is a sequence, like 0, 1, 2, … (P(< 18 of 31) ≈ 1.3·10⁻¹²). */
export const MIN_DISTINCT_STEPS = 18;
/** A run of this many characters appearing twice is a pattern (P ≈ 666·64⁻⁷ ≈ 1.5·10⁻¹⁰). */
export const REPEAT_CHARS = 7;
/** A run of this many bytes appearing twice is a pattern (P ≈ 378·256⁻⁵ ≈ 3.4·10⁻¹⁰). */
export const REPEAT_BYTES = 5;
/** This many or more of the 32 bytes being printable ASCII means encoded text, not random bytes (P ≈ 2.4·10⁻¹¹). */
export const PRINTABLE_BYTES_LIMIT = 30;
/** A phrase score at or above this reads as words (random: P ≤ 3·10⁻¹⁰; phrases score 35 and more). */
export const PHRASE_SCORE_LIMIT = 25;

/** English letter frequencies (per cent), for telling a typed phrase from random characters. */
const LETTER_FREQUENCY: Record<string, number> = {
  a: 8.2, b: 1.5, c: 2.8, d: 4.3, e: 12.7, f: 2.2, g: 2.0, h: 6.1, i: 7.0, j: 0.15, k: 0.77, l: 4.0, m: 2.4,
  n: 6.7, o: 7.5, p: 1.9, q: 0.095, r: 6.0, s: 6.3, t: 9.1, u: 2.8, v: 0.98, w: 2.4, x: 0.15, y: 2.0, z: 0.074,
};

/** Character classes of base64url: lowercase, uppercase, digit, `-` or `_`; and the start of the text. */
const LOWER = 0;
const UPPER = 1;
const DIGIT = 2;
const SEPARATOR = 3;
const START = 4;

/** How often each class turns up in random base64url. */
const RANDOM_CLASS = [26 / 64, 26 / 64, 10 / 64, 2 / 64];

/**
 * How often each class follows another in a phrase someone typed as a key
 * (`ourPaperKey`, `our-paper-key`, `our_paper_key_2026`): rows are the previous
 * class (the last row is the start), columns the next.
 */
const PHRASE_CLASS: readonly (readonly number[])[] = [
  [0.84, 0.1, 0.03, 0.03],
  [0.9, 0.06, 0.02, 0.02],
  [0.1, 0.2, 0.65, 0.05],
  [0.7, 0.2, 0.1, 0.0001],
  [0.5, 0.45, 0.04, 0.01],
];

function classOf(char: string): number {
  if (char >= 'a' && char <= 'z') return LOWER;
  if (char >= 'A' && char <= 'Z') return UPPER;
  if (char >= '0' && char <= '9') return DIGIT;
  return SEPARATOR;
}

/**
 * How much more likely `text` is as a typed phrase than as random base64url, in
 * bits: a log-likelihood ratio of a small model of phrases (English letter
 * frequencies, and which kinds of character follow which) against uniform
 * random characters. Random keys score around −50; phrases 35 and more.
 */
export function phraseScore(text: string): number {
  // Summed here, not at module level, so the browser bundles (which share keys.ts) drop this module entirely.
  const letterTotal = Object.values(LETTER_FREQUENCY).reduce((sum, value) => sum + value, 0);
  let score = 0;
  let previous = START;
  for (const char of text) {
    const kind = classOf(char);
    score += Math.log2(PHRASE_CLASS[previous]![kind]! / RANDOM_CLASS[kind]!);
    if (kind === LOWER || kind === UPPER) {
      score += Math.log2(((LETTER_FREQUENCY[char.toLowerCase()] ?? 0) / letterTotal) * 26);
    }
    previous = kind;
  }
  return score;
}

/** True when some run of `length` items occurs twice (overlapping allowed, so `aaaa…` and `abab…` count). */
function repeatsRun(items: ArrayLike<number> | string, length: number): boolean {
  const seen = new Set<string>();
  for (let i = 0; i + length <= items.length; i++) {
    const run = Array.prototype.slice.call(items, i, i + length).join(',');
    if (seen.has(run)) return true;
    seen.add(run);
  }
  return false;
}

/**
 * Why a subscriber key does not look like 256 random bits, or undefined when it
 * does. `secret` is its base64url text, `key` the 32 bytes it decodes to. The
 * reason never quotes any part of the key.
 */
export function keyWeakness(secret: string, key: Uint8Array): string | undefined {
  const text = secret.replace(/=+$/, '');
  if (key.every((byte) => byte === 0)) return 'is all zeros';
  if (new Set(key).size < MIN_DISTINCT_BYTES || new Set(text).size < MIN_DISTINCT_CHARS) {
    return 'uses too few distinct symbols';
  }
  const steps = new Set<number>();
  for (let i = 1; i < key.length; i++) steps.add((key[i]! - key[i - 1]! + 256) & 255);
  if (steps.size < MIN_DISTINCT_STEPS) return 'follows a regular sequence';
  if (repeatsRun(text, REPEAT_CHARS) || repeatsRun(key, REPEAT_BYTES)) return 'repeats a long run of characters';
  if (key.filter((byte) => byte >= 0x20 && byte <= 0x7e).length >= PRINTABLE_BYTES_LIMIT) {
    return 'is encoded text, not random bytes';
  }
  if (!/[a-z]/.test(text) || !/[A-Z]/.test(text) || phraseScore(text) >= PHRASE_SCORE_LIMIT) {
    return 'reads like words or uses one letter case, not random characters';
  }
  return undefined;
}
