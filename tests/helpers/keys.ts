import { inject } from 'vitest';

/**
 * Test-only subscriber key tokens, made fresh for every test run by the global
 * setup with `generateKeyToken` (real random keys, as `npm run keys:new` makes:
 * the build refuses keys that are not). Test files run in their own module
 * scopes, so the keys come from the setup, not from this module, to be the same
 * in the file that builds the keyed site and the files that read it.
 */
const keys = inject('testKeys');

/** Active this month. */
export const CURRENT_KEY = keys.current;
/** Still active in its grace period (far-future end date). */
export const GRACE_KEY = keys.grace;
/** Retired: its last day has passed, so builds leave it out. */
export const RETIRED_KEY = keys.retired;
/** The current key's id with the wrong secret: a forged or mistyped key. */
export const WRONG_SECRET_KEY = keys.wrongSecret;

/** The ring the keyed fixture site is built with. */
export const TEST_RING = [CURRENT_KEY, `${GRACE_KEY}@2999-12-31`, `${RETIRED_KEY}@2001-01-31`].join('\n');
