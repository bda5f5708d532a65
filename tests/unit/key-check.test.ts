import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { publishedRing } from '../../src/subscribers/active-ring';
import { encodeBase64url } from '../../src/subscribers/base64url';
import { keyCheck, keyVerdict, publishedKeys, readPublishedKeys } from '../../src/subscribers/key-check';
import { generateKeyToken, parseKeyRing, parseKeyToken } from '../../src/subscribers/keys';
import { CURRENT_KEY, GRACE_KEY, RETIRED_KEY, TEST_RING, WRONG_SECRET_KEY } from '../helpers/keys';

const now = new Date('2026-11-26T10:00:00Z');

describe('key checks published on /unlock/', () => {
  it('publishes every key of the ring by id, with its check value, marking the ones past their last day as retired', async () => {
    const published = await publishedRing({ from: 'PAYWALL_KEYS', text: TEST_RING }, now);
    expect(published.map(({ id, retired }) => ({ id, retired }))).toEqual([
      { id: 'test-current', retired: false },
      { id: 'test-grace', retired: false },
      { id: 'test-retired', retired: true },
    ]);
    expect(await publishedRing(undefined, now)).toEqual([]);
  });

  it('tells a current key, a key in its grace period, a retired key and a key that is not ours apart', async () => {
    const published = await publishedKeys(parseKeyRing(TEST_RING), now);
    expect(await keyVerdict(parseKeyToken(CURRENT_KEY), published)).toBe('accepted');
    expect(await keyVerdict(parseKeyToken(GRACE_KEY), published)).toBe('accepted');
    expect(await keyVerdict(parseKeyToken(RETIRED_KEY), published)).toBe('retired');
    // The current key's id with another secret: forged or mistyped.
    expect(await keyVerdict(parseKeyToken(WRONG_SECRET_KEY), published)).toBe('unknown');
    // Another paper's key, and a key dropped from the ring altogether.
    expect(await keyVerdict(parseKeyToken(generateKeyToken('other-paper')), published)).toBe('unknown');
    const withoutRetired = published.filter((key) => key.id !== 'test-retired');
    expect(await keyVerdict(parseKeyToken(RETIRED_KEY), withoutRetired)).toBe('unknown');
  });

  it('is a keyed hash of a fixed label and the id, never the key: HMAC-SHA256, as computed independently', async () => {
    const key = parseKeyToken(CURRENT_KEY);
    const check = await keyCheck(key);
    const expected = createHmac('sha256', Buffer.from(key.key)).update(`masthead:key-check:v1:${key.id}`).digest('base64url');
    expect(check).toBe(expected);
    expect(check).not.toContain(encodeBase64url(key.key));
    expect(CURRENT_KEY).not.toContain(check);
    // The same secret under another id checks differently, so a value cannot be moved to another id.
    expect(await keyCheck({ id: 'another-id', key: key.key })).not.toBe(check);
  });

  it('serialises nothing but ids, check values and retirement', async () => {
    const published = await publishedKeys(parseKeyRing(TEST_RING), now);
    const json = JSON.stringify(published);
    for (const token of [CURRENT_KEY, GRACE_KEY, RETIRED_KEY]) expect(json).not.toContain(token.slice(token.indexOf('.') + 1));
    expect(published.every((entry) => Object.keys(entry).sort().join() === 'check,id,retired')).toBe(true);
  });

  it('reads the published list back from the page, refusing anything of another shape', async () => {
    const published = await publishedKeys(parseKeyRing(TEST_RING), now);
    expect(readPublishedKeys(JSON.parse(JSON.stringify(published)))).toEqual(published);
    expect(readPublishedKeys([])).toEqual([]);
    for (const bad of [null, {}, 'x', [{ id: 'a', check: 'b' }], [{ id: 1, check: 'b', retired: false }], [null]]) {
      expect(readPublishedKeys(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});
