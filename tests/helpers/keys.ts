import { encodeBase64url } from '../../src/lib/paywall/base64url';

/** A test-only subscriber key token: `id` and 32 bytes of `fill`. Never use outside tests. */
export function testToken(id: string, fill: number): string {
  return `${id}.${encodeBase64url(new Uint8Array(32).fill(fill))}`;
}

/** Active this month. */
export const CURRENT_KEY = testToken('test-current', 1);
/** Still active in its grace period (far-future end date). */
export const GRACE_KEY = testToken('test-grace', 2);
/** Retired: its last day has passed, so builds leave it out. */
export const RETIRED_KEY = testToken('test-retired', 3);
/** The current key's id with the wrong secret: a forged or mistyped key. */
export const WRONG_SECRET_KEY = testToken('test-current', 9);

/** The ring the keyed fixture site is built with. */
export const TEST_RING = [CURRENT_KEY, `${GRACE_KEY}@2999-12-31`, `${RETIRED_KEY}@2001-01-31`].join('\n');
