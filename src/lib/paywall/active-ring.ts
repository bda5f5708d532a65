import { readFileSync } from 'node:fs';
import type { BuildEnv } from '../build-env.ts';
import { activeKeys, KeyRingError, parseKeyRing, type SubscriberKey } from './keys.ts';

/**
 * The subscriber keys a public build seals with: the ring named by the build
 * environment, minus keys past their `notAfter` on `now`. An empty list means
 * nothing is sealed. A ring given but with no active key is an error: the
 * newsroom meant to seal, and shipping pages no key opens would strand readers.
 */
export function activeRing(keyRing: BuildEnv['keyRing'], now: Date): SubscriberKey[] {
  if (!keyRing) return [];
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
  const ring = parseKeyRing(text, source);
  const active = activeKeys(ring, now);
  if (ring.length > 0 && active.length === 0) {
    throw new KeyRingError(
      `${source}: no key is active on ${now.toISOString().slice(0, 10)} (every key is past its notAfter date); add one with npm run keys:new`,
    );
  }
  return active.map(({ id, key }) => ({ id, key }));
}
