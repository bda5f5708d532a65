/**
 * Seeded randomness for the scenes: each picture draws from its own seed, so
 * the same script gives the same shapes, hence the same bytes, every run.
 */

import { prng } from '../../tests/helpers/prng.ts';

type Rand = () => number;

/** A seeded source of numbers with the helpers every scene uses. */
export function random(seed: number) {
  const next: Rand = prng(seed);
  return {
    next,
    /** A number in [min, max). */
    range: (min: number, max: number) => min + (max - min) * next(),
    /** An integer in [min, max]. */
    int: (min: number, max: number) => Math.floor(min + (max - min + 1) * next()),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    chance: (p: number) => next() < p,
  };
}

/** The helpers {@link random} returns; every drawing function that scatters things takes one. */
export type R = ReturnType<typeof random>;
