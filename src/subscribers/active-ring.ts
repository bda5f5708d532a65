import { readFileSync } from 'node:fs';
import type { BuildEnv } from '../context/env.ts';
import { publishedKeys, type PublishedKey } from './key-check.ts';
import { activeKeys, KeyRingError, parseKeyRing, type KeyRingEntry, type SubscriberKey } from './keys.ts';

/** The whole ring named by the build environment (retired keys too), and how messages name it. */
function readRing(keyRing: NonNullable<BuildEnv['keyRing']>): { ring: KeyRingEntry[]; source: string } {
  const source = keyRing.from === 'PAYWALL_KEYS' ? 'PAYWALL_KEYS' : `PAYWALL_KEYS_FILE ${keyRing.path}`;
  let text: string;
  if (keyRing.from === 'PAYWALL_KEYS') text = keyRing.text;
  else {
    try {
      text = readFileSync(keyRing.path, 'utf8');
    } catch (error) {
      throw new KeyRingError(`${source}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  }
  return { ring: parseKeyRing(text, source), source };
}

/**
 * The subscriber keys a public build seals with: the ring named by the build
 * environment, minus keys past their `notAfter` on `now`. An empty list means
 * nothing is sealed. A ring given but with no active key is an error: the
 * newsroom meant to seal, and shipping pages no key opens would strand readers.
 */
export function activeRing(keyRing: BuildEnv['keyRing'], now: Date): SubscriberKey[] {
  if (!keyRing) return [];
  const { ring, source } = readRing(keyRing);
  const active = activeKeys(ring, now);
  if (ring.length > 0 && active.length === 0) {
    throw new KeyRingError(
      `${source}: no key is active on ${now.toISOString().slice(0, 10)} (every key is past its notAfter date); add one with npm run keys:new`,
    );
  }
  return active.map(({ id, key }) => ({ id, key }));
}

/**
 * What `/unlock/` publishes about the ring named by the build environment on
 * `now`: each key's id, check value and whether it is retired (see
 * key-check.ts), never a key. Retired keys still in the ring are included, so
 * a reader holding one hears that it was retired rather than that it is not
 * one of ours.
 */
export function publishedRing(keyRing: BuildEnv['keyRing'], now: Date): Promise<PublishedKey[]> {
  return keyRing ? publishedKeys(readRing(keyRing).ring, now) : Promise.resolve([]);
}
