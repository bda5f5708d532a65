import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../src/subscribers/base64url';
import {
  keyWeakness,
  MIN_DISTINCT_BYTES,
  MIN_DISTINCT_CHARS,
  MIN_DISTINCT_STEPS,
  PHRASE_SCORE_LIMIT,
  phraseScore,
  PRINTABLE_BYTES_LIMIT,
  REPEAT_BYTES,
  REPEAT_CHARS,
} from '../../src/subscribers/key-strength';
import { generateKeyToken } from '../../src/subscribers/keys';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const randomSecret = () => encodeBase64url(crypto.getRandomValues(new Uint8Array(32)));
const weakness = (secret: string) => keyWeakness(secret, decodeBase64url(secret));
const fromBytes = (bytes: ArrayLike<number>) => encodeBase64url(Uint8Array.from(bytes));

/** P(fewer than `below` distinct values among `draws` uniform draws from `symbols`), exactly. */
function fewDistinctProbability(draws: number, symbols: number, below: number): number {
  let dist = [1];
  for (let i = 0; i < draws; i++) {
    const next: number[] = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((p, k) => {
      next[k]! += (p * k) / symbols;
      next[k + 1]! += (p * (symbols - k)) / symbols;
    });
    dist = next;
  }
  return dist.slice(0, below).reduce((sum, p) => sum + p, 0);
}

/** P(at least `atLeast` successes in `n` trials of probability `p`). */
function binomialTail(n: number, p: number, atLeast: number): number {
  let total = 0;
  for (let k = atLeast; k <= n; k++) {
    let choose = 1;
    for (let i = 0; i < k; i++) choose = (choose * (n - i)) / (i + 1);
    total += choose * p ** k * (1 - p) ** (n - k);
  }
  return total;
}

/**
 * An upper bound on P(phraseScore(`length` random characters) >= limit): the score
 * is a sum along a Markov chain over the previous character's class, so its
 * distribution follows exactly by dynamic programming over (class, score), with
 * every step's score rounded up to a grid.
 */
function phraseScoreTail(length: number, limit: number): number {
  const grid = 0.05;
  const representatives = ['a', 'A', '0', '-'];
  const classOf = (char: string) => (/[a-z]/.test(char) ? 0 : /[A-Z]/.test(char) ? 1 : /\d/.test(char) ? 2 : 3);
  // gains[previous class + 1][char], in grid steps; row 0 is the start of the text.
  const gains = ['', ...representatives].map((previous) =>
    [...BASE64URL].map((char) => ({ to: classOf(char), steps: Math.ceil((phraseScore(previous + char) - phraseScore(previous)) / grid) })),
  );
  const maxStep = Math.max(...gains.flat().map((gain) => Math.abs(gain.steps)));
  const offset = maxStep * length;
  const size = 2 * offset + 1;
  let states = [new Float64Array(size), ...representatives.map(() => new Float64Array(size))];
  states[0]![offset] = 1;
  for (let i = 0; i < length; i++) {
    const next = [new Float64Array(size), ...representatives.map(() => new Float64Array(size))];
    states.forEach((scores, from) => {
      for (let score = 0; score < size; score++) {
        const p = scores[score]!;
        if (p === 0) continue;
        for (const { to, steps } of gains[from]!) next[to + 1]![score + steps]! += p / 64;
      }
    });
    states = next;
  }
  let tail = 0;
  for (const scores of states) scores.forEach((p, score) => (tail += (score - offset) * grid >= limit ? p : 0));
  return tail;
}

describe('keyWeakness', () => {
  it('accepts keys drawn from crypto.getRandomValues', () => {
    const refused = Array.from({ length: 5000 }, randomSecret).filter((secret) => weakness(secret));
    expect(refused).toEqual([]);
  });

  it('refuses a random key under any one rule with probability below 5e-10', () => {
    const bounds = {
      'distinct bytes': fewDistinctProbability(32, 256, MIN_DISTINCT_BYTES),
      'distinct characters': fewDistinctProbability(43, 64, MIN_DISTINCT_CHARS),
      // Steps between neighbours of uniform bytes are themselves uniform.
      'distinct steps': fewDistinctProbability(31, 256, MIN_DISTINCT_STEPS),
      // Union bound over pairs of positions: any two runs are equal with probability 64^-n (overlapping too).
      'repeated characters': (((43 - REPEAT_CHARS + 1) * (43 - REPEAT_CHARS)) / 2) * 64 ** -REPEAT_CHARS,
      'repeated bytes': (((32 - REPEAT_BYTES + 1) * (32 - REPEAT_BYTES)) / 2) * 256 ** -REPEAT_BYTES,
      'printable bytes': binomialTail(32, 95 / 256, PRINTABLE_BYTES_LIMIT),
      'one letter case': 2 * (38 / 64) ** 43,
      'phrase score': phraseScoreTail(43, PHRASE_SCORE_LIMIT),
    };
    for (const [rule, p] of Object.entries(bounds)) expect(p, rule).toBeLessThan(5e-10);
    expect(Object.values(bounds).reduce((sum, p) => sum + p)).toBeLessThan(2e-9);
  });

  it.each([
    ['all zeros', 'A'.repeat(43), /all zeros/],
    ['one byte repeated', fromBytes(new Array(32).fill(7)), /too few distinct symbols/],
    ['a dozen symbols', 'kQ3xkP9mQ3zWmP9xkzW3Qmx9PkWz3QmP9xkWzQ3m9Px', /too few distinct symbols/],
    ['a counter 0, 1, 2, …', fromBytes(Array.from({ length: 32 }, (_, i) => i)), /regular sequence/],
    ['a counting step of 7', fromBytes(Array.from({ length: 32 }, (_, i) => (i * 7 + 3) & 255)), /regular sequence/],
    ['eight random bytes four times', fromBytes([...Array(4)].flatMap(() => [0x9c, 0x11, 0xe4, 0x5b, 0x72, 0xd0, 0x3a, 0xf7])), /too few distinct symbols/],
    ['a random key with a run pasted twice', `${'Zq7Lp0x'}${'Wm4Ht-ER8b3'}${'Zq7Lp0x'}${'Kd2Jf_9TsUvBgN1Ai5'}`, /repeats/],
    ['a sentence encoded as base64url', encodeBase64url(new TextEncoder().encode('The Port Averley Gazette key!!!!')), /too few distinct symbols/],
    ['a password encoded as base64url', encodeBase64url(new TextEncoder().encode('TheP0rtAverleyGazette-Key/2026*X')), /encoded text/],
    ['a phrase in lowercase', 'ourpaperissupersecretandnobodyknowsitreally', /too few distinct symbols/],
    ['a phrase in CamelCase', 'OurPaperIsSuperSecretAndNobodyKnowsItReally', /reads like words/],
    ['a phrase with hyphens', 'correct-horse-battery-staple-for-the-paperx', /too few distinct symbols/],
    ['a phrase with underscores and digits', 'my_super_secret_subscriber_key_for_nov_2026', /reads like words/],
    ['a title and a date', 'ThePortAverleyGazetteSubscriberKey2026Novem', /reads like words/],
    ['hex digits', 'd70f66afc2b2345afcd4a6868d7fc2832fa02783def', /too few distinct symbols/],
    ['random lowercase and digits', 'x7k2m9p4q1w8e5r3t6y0u_ib-nhzgjfdclsvao7x2k9', /one letter case/],
  ])('refuses %s', (_, secret, reason) => {
    expect(secret).toHaveLength(43);
    expect(decodeBase64url(secret)).toHaveLength(32);
    expect(weakness(secret)).toMatch(reason);
  });

  it('never quotes the key in its reason', () => {
    for (const secret of ['A'.repeat(43), 'ourpaperissupersecretandnobodyknowsitreally']) {
      expect(weakness(secret)).not.toMatch(/ourpaper|AAAA/);
    }
  });

  it('scores typed phrases far above random text', () => {
    expect(phraseScore('OurPaperIsSuperSecretAndNobodyKnowsItReally')).toBeGreaterThan(PHRASE_SCORE_LIMIT + 5);
    const random = Array.from({ length: 1000 }, () => phraseScore(randomSecret()));
    expect(Math.max(...random)).toBeLessThan(PHRASE_SCORE_LIMIT - 5);
  });
});

describe('generateKeyToken', () => {
  it('only makes keys the strength check accepts', () => {
    for (let i = 0; i < 500; i++) expect(weakness(generateKeyToken('k').slice(2))).toBeUndefined();
  });
});
