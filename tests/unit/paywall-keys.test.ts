import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../src/subscribers/base64url';
import {
  activeKeys,
  generateKeyToken,
  KeyRingError,
  KeyTokenError,
  parseKeyRing,
  parseKeyToken,
  type KeyRingEntry,
} from '../../src/subscribers/keys';

/** Fixed secrets, drawn once from crypto.getRandomValues: real keys must be random (see key-strength.ts). */
const hex = (text: string) => Uint8Array.from(text.match(/../g)!, (pair) => parseInt(pair, 16));
const BYTES = hex('d70f66afc2b2345afcd4a6868d7fc2832fa02783def4a9fb9282c4956acf3d35');
const SECRET = encodeBase64url(BYTES);
const OTHER_SECRET = encodeBase64url(hex('f25e67c3e0042aad544f95a6f10244b2a9ddaf7e64fdbedf96f662478bc7577b'));

/** Runs `fn`, expects it to throw, and returns the error so its message can be checked. */
function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('base64url', () => {
  it('round-trips every length and byte value without padding', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n) & 255);
      const text = encodeBase64url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(decodeBase64url(text)).toEqual(bytes);
    }
    expect(encodeBase64url(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
  });

  it('round-trips 200 KB (no argument-limit overflow)', () => {
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 31) & 255);
    expect(decodeBase64url(encodeBase64url(big))).toEqual(big);
  });

  it('matches Node’s encoder', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => (i * 53) & 255);
    expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
  });

  it('tolerates correct padding but rejects other alphabets, whitespace and impossible lengths', () => {
    expect(decodeBase64url('QQ==')).toEqual(Uint8Array.of(65));
    for (const bad of ['QQ=', 'Q', 'ab+c', 'ab/c', 'ab c', 'ab\nc', 'ab.c', 'é']) {
      expect(() => decodeBase64url(bad), bad).toThrow(SyntaxError);
    }
  });
});

describe('key tokens', () => {
  it('round-trips a generated token', () => {
    const token = generateKeyToken('2026-11');
    expect(token).toMatch(/^2026-11\.[A-Za-z0-9_-]{43}$/);
    const { id, key } = parseKeyToken(token);
    expect(id).toBe('2026-11');
    expect(key).toHaveLength(32);
    expect(`${id}.${encodeBase64url(key)}`).toBe(token);
    expect(parseKeyToken(`  ${token}\n`).id).toBe('2026-11');
  });

  it('generates a different secret every time', () => {
    expect(generateKeyToken('a')).not.toBe(generateKeyToken('a'));
  });

  it('refuses to generate a token for a malformed id', () => {
    expect(() => generateKeyToken('Nov-2026')).toThrow(KeyTokenError);
    expect(() => generateKeyToken('-x')).toThrow(/id must/);
    expect(() => generateKeyToken('a'.repeat(33))).toThrow(/id must/);
  });

  it.each([
    ['no dot', SECRET, /must be <id>\.<secret>/],
    ['empty id', `.${SECRET}`, /id must/],
    ['uppercase id', `Key.${SECRET}`, /id must/],
    ['id too long', `${'a'.repeat(33)}.${SECRET}`, /id must/],
    ['short secret', `2026-11.${SECRET.slice(0, 40)}`, /32 bytes/],
    ['long secret', `2026-11.${SECRET}AAAA`, /32 bytes/],
    ['standard base64', `2026-11.${SECRET.slice(0, 42)}+`, /32 bytes/],
    ['a second dot', `2026-11.${SECRET.slice(0, 20)}.${SECRET.slice(20)}`, /32 bytes/],
    ['empty secret', '2026-11.', /32 bytes/],
  ])('rejects a token with %s, without quoting the secret', (_, token, reason) => {
    const error = thrown(() => parseKeyToken(token));
    expect(error).toBeInstanceOf(KeyTokenError);
    expect(error.message).toMatch(reason);
    expect(error.message).not.toContain(SECRET.slice(0, 12));
    expect(error.message).not.toContain(SECRET.slice(-12));
  });
});

describe('parseKeyRing', () => {
  it('reads the JSON form', () => {
    const ring = parseKeyRing(
      JSON.stringify([
        { id: '2026-10', key: SECRET, notAfter: '2026-11-15' },
        { id: '2026-11', key: OTHER_SECRET },
      ]),
    );
    expect(ring).toEqual([
      { id: '2026-10', key: BYTES, notAfter: '2026-11-15' },
      { id: '2026-11', key: decodeBase64url(OTHER_SECRET) },
    ]);
  });

  it('reads tokens on lines and after commas, with blank lines and # comments', () => {
    const text = `
# Masthead subscriber keys
2026-10.${SECRET}@2026-11-15   # grace period for October

  2026-11.${OTHER_SECRET}  ,
`;
    const ring = parseKeyRing(text);
    expect(ring.map(({ id, notAfter }) => ({ id, notAfter }))).toEqual([
      { id: '2026-10', notAfter: '2026-11-15' },
      { id: '2026-11', notAfter: undefined },
    ]);
    expect(ring[0].key).toEqual(BYTES);
    expect(parseKeyRing(`2026-10.${SECRET}@2026-11-15,2026-11.${OTHER_SECRET}`)).toEqual(ring);
  });

  it('gives an empty ring for empty input or only comments', () => {
    expect(parseKeyRing('')).toEqual([]);
    expect(parseKeyRing('  \n# none yet\n')).toEqual([]);
    expect(parseKeyRing('[]')).toEqual([]);
  });

  it('names the entry, never the secret, in every error', () => {
    const cases: [string, RegExp][] = [
      [`a.${SECRET}\nb.${SECRET.slice(0, 30)}`, /^PAYWALL_KEYS entry 2 \(line 2\) \("b"\): key must be 32 bytes of base64url$/],
      [`a.${SECRET},${SECRET}`, /^PAYWALL_KEYS entry 2: must be <id>\.<secret>/],
      [`a.${SECRET}@2026-02-30`, /^PAYWALL_KEYS entry 1 \("a"\): the date after @ must be YYYY-MM-DD$/],
      [`a.${SECRET}@tomorrow`, /entry 1 \("a"\): the date after @/],
      [JSON.stringify([{ id: 'a', key: SECRET.slice(1) }]), /^PAYWALL_KEYS entry 1 \("a"\): key must be 32 bytes of base64url$/],
      [JSON.stringify([{ id: 'a', key: OTHER_SECRET }, { id: SECRET, key: SECRET }]), /^PAYWALL_KEYS entry 2: id must match/],
      [JSON.stringify([{ id: 'a', key: SECRET, notafter: '2026-01-01' }]), /entry 1 \("a"\): unknown field "notafter"/],
      [JSON.stringify([{ id: 'a', key: SECRET, notAfter: '1 Jan 2026' }]), /entry 1 \("a"\): notAfter must be a date YYYY-MM-DD/],
      [JSON.stringify([`a.${SECRET}`]), /entry 1: must be an object/],
      [JSON.stringify({ id: 'a', key: SECRET }), /must be a JSON array/],
      // V8 quotes the text around a syntax error: only the position may be reported.
      [`[{"id":"a","key":"${SECRET}"`, /^PAYWALL_KEYS is not valid JSON/],
      [`[{"id":"a","key":"${SECRET}" "notAfter": 1}]`, /^PAYWALL_KEYS is not valid JSON \(error at character \d+\)$/],
    ];
    for (const [text, message] of cases) {
      const error = thrown(() => parseKeyRing(text));
      expect(error, text).toBeInstanceOf(KeyRingError);
      expect(error.message, text).toMatch(message);
      for (const secret of [SECRET, OTHER_SECRET]) {
        expect(error.message, text).not.toContain(secret.slice(0, 10));
        expect(error.message, text).not.toContain(secret.slice(-10));
      }
    }
  });

  it.each([
    ['all zeros', 'A'.repeat(43)],
    ['one byte repeated', encodeBase64url(new Uint8Array(32).fill(1))],
    ['a counter', encodeBase64url(Uint8Array.from({ length: 32 }, (_, i) => i))],
    ['a readable phrase', 'OurPaperIsSuperSecretAndNobodyKnowsItReally'],
  ])('refuses a key that is %s, in either form, and says to run npm run keys:new', (_, weak) => {
    for (const text of [`a.${SECRET}\nb.${weak}@2026-12-01`, JSON.stringify([{ id: 'a', key: SECRET }, { id: 'b', key: weak }])]) {
      const error = thrown(() => parseKeyRing(text));
      expect(error, text).toBeInstanceOf(KeyRingError);
      expect(error.message, text).toMatch(/^PAYWALL_KEYS entry 2 (\(line 2\) )?\("b"\): key is not random \(it [^)]+\); .*npm run keys:new$/);
      expect(error.message, text).not.toContain(weak.slice(0, 10));
      expect(error.message, text).not.toContain(weak.slice(-10));
    }
  });

  it('names the source it was given', () => {
    expect(() => parseKeyRing('nonsense', 'PAYWALL_KEYS_FILE keys.txt')).toThrow(/^PAYWALL_KEYS_FILE keys\.txt entry 1:/);
  });

  it('rejects duplicate ids and a secret used twice', () => {
    expect(() => parseKeyRing(`a.${SECRET}\nb.${OTHER_SECRET}\na.${OTHER_SECRET}`)).toThrow(
      /entry 3 \("a"\): duplicate id, already used by entry 1/,
    );
    expect(() => parseKeyRing(JSON.stringify([{ id: 'a', key: SECRET }, { id: 'a', key: OTHER_SECRET }]))).toThrow(
      /entry 2 \("a"\): duplicate id/,
    );
    expect(() => parseKeyRing(`a.${SECRET}, b.${SECRET}`)).toThrow(/entry 2 \("b"\): same key as entry 1/);
  });
});

describe('activeKeys', () => {
  const entry = (id: string, notAfter?: string): KeyRingEntry => ({ id, key: BYTES, ...(notAfter && { notAfter }) });
  const ring = [entry('old', '2026-11-14'), entry('grace', '2026-11-15'), entry('current'), entry('future', '2027-01-01')];
  const ids = (now: string) => activeKeys(ring, new Date(now)).map((k) => k.id);

  it('keeps keys whose notAfter is today or later, and keys without one', () => {
    expect(ids('2026-11-15T12:00:00Z')).toEqual(['grace', 'current', 'future']);
  });

  it('compares calendar dates in UTC, inclusive of the whole last day', () => {
    expect(ids('2026-11-15T00:00:00Z')).toEqual(['grace', 'current', 'future']);
    expect(ids('2026-11-15T23:59:59.999Z')).toEqual(['grace', 'current', 'future']);
    expect(ids('2026-11-16T00:00:00Z')).toEqual(['current', 'future']);
    // 23:30 on the 15th in New York is already the 16th in UTC.
    expect(ids('2026-11-15T23:30:00-05:00')).toEqual(['current', 'future']);
    expect(ids('2026-11-14T23:59:59Z')).toEqual(['old', 'grace', 'current', 'future']);
  });

  it('rejects an invalid date rather than guessing', () => {
    expect(() => activeKeys(ring, new Date('nope'))).toThrow(RangeError);
  });

  it('does not change the ring', () => {
    const copy = [...ring];
    activeKeys(ring, new Date('2030-01-01'));
    expect(ring).toEqual(copy);
  });
});
