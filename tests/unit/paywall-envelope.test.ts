import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from '../../src/subscribers/base64url';
import {
  DecryptionError,
  newSealedFileName,
  NoMatchingKeyError,
  openArticle,
  openEnvelope,
  sealArticle,
  sealArticleWithFiles,
  serializeEnvelope,
  WrongArticleError,
  type Envelope,
} from '../../src/subscribers/envelope';
import { activeKeys, generateKeyToken, parseKeyRing, parseKeyToken, type SubscriberKey } from '../../src/subscribers/keys';

const newKey = (id: string): SubscriberKey => parseKeyToken(generateKeyToken(id));

const A = newKey('2026-10');
const B = newKey('2026-11');
const PAID = '<p>The council’s own figures put the overrun at <strong>£81m</strong> — “and rising”.</p>\n<p>Second paid paragraph &amp; more.</p>';
const ARTICLE = 'first-dredger-arrives-as-port-costs-rise';

const seal = (keys: SubscriberKey[] = [A, B], html = PAID, articleId = ARTICLE) => sealArticle({ articleId, html, keys });

/** Flips one bit in the middle of a base64url field. */
function flip(field: string): string {
  const bytes = decodeBase64url(field);
  bytes[bytes.length >> 1] ^= 1;
  return encodeBase64url(bytes);
}

/** Awaits a rejection and returns the error. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('sealArticle and openArticle', () => {
  it('round-trips the paid HTML in Node', async () => {
    const envelope = await seal();
    expect(envelope).toMatchObject({ v: 1, alg: 'A256GCM', id: ARTICLE });
    expect(envelope.keys.map((k) => k.kid)).toEqual(['2026-10', '2026-11']);
    expect(decodeBase64url(envelope.iv)).toHaveLength(12);
    for (const k of envelope.keys) {
      expect(decodeBase64url(k.iv)).toHaveLength(12);
      expect(decodeBase64url(k.wrapped)).toHaveLength(32 + 16);
    }
    expect(await openArticle(envelope, A)).toBe(PAID);
    expect(await openArticle(envelope, B)).toBe(PAID);
  });

  it('round-trips through serializeEnvelope and JSON.parse, as the page does', async () => {
    const envelope = await seal();
    const parsed = JSON.parse(serializeEnvelope(envelope)) as Envelope;
    expect(parsed).toEqual(envelope);
    expect(await openArticle(parsed, A)).toBe(PAID);
  });

  it('handles empty and large HTML', async () => {
    expect(await openArticle(await seal([A], ''), A)).toBe('');
    const big = '<p>' + 'Paid words, '.repeat(20_000) + '</p>';
    expect(await openArticle(await seal([A], big), A)).toBe(big);
  });

  it('fails with DecryptionError for the right id but a different secret', async () => {
    const envelope = await seal();
    const impostor = { id: A.id, key: newKey('x').key };
    expect(await rejection(openArticle(envelope, impostor))).toBeInstanceOf(DecryptionError);
  });

  it('fails with NoMatchingKeyError for a key id not in the envelope', async () => {
    const envelope = await seal();
    const error = await rejection(openArticle(envelope, newKey('2025-01')));
    expect(error).toBeInstanceOf(NoMatchingKeyError);
    expect(error.name).toBe('NoMatchingKeyError');
    expect(error.message).toContain('2025-01');
  });

  it('fails with DecryptionError when ct is tampered with', async () => {
    const envelope = await seal();
    const tampered = { ...envelope, ct: flip(envelope.ct) };
    expect(await rejection(openArticle(tampered, A))).toBeInstanceOf(DecryptionError);
    // Truncating the ciphertext (dropping the tag) is tampering too.
    const truncated = { ...envelope, ct: envelope.ct.slice(0, -8) };
    expect(await rejection(openArticle(truncated, A))).toBeInstanceOf(DecryptionError);
  });

  it('fails with DecryptionError when the iv is tampered with', async () => {
    const envelope = await seal();
    expect(await rejection(openArticle({ ...envelope, iv: flip(envelope.iv) }, A))).toBeInstanceOf(DecryptionError);
  });

  it('fails with DecryptionError when a wrapped key is tampered with, and only for that key', async () => {
    const envelope = await seal();
    const tampered: Envelope = {
      ...envelope,
      keys: envelope.keys.map((k) => (k.kid === A.id ? { ...k, wrapped: flip(k.wrapped) } : k)),
    };
    expect(await rejection(openArticle(tampered, A))).toBeInstanceOf(DecryptionError);
    expect(await openArticle(tampered, B)).toBe(PAID);
  });

  it('fails with DecryptionError when a wrapped key is relabelled with another kid', async () => {
    const envelope = await seal();
    // B's wrapped key presented as A's: A's secret can't open it, and the kid is in the additional data.
    const [a, b] = envelope.keys;
    const swapped: Envelope = { ...envelope, keys: [{ ...b, kid: a.kid }] };
    expect(await rejection(openArticle(swapped, A))).toBeInstanceOf(DecryptionError);
  });

  it('fails with DecryptionError when the envelope is moved to another article id', async () => {
    const envelope = await seal();
    const moved = { ...envelope, id: 'another-article' };
    expect(await rejection(openArticle(moved, A))).toBeInstanceOf(DecryptionError);
  });

  it('opens an envelope for the article the page says it shows', async () => {
    expect(await openArticle(await seal(), A, ARTICLE)).toBe(PAID);
  });

  it('refuses a whole, intact envelope of another article placed in this page', async () => {
    const other = await seal([A], '<p>Another article’s text.</p>', 'another-article');
    // Intact, it opens on its own: only the page's id tells it is in the wrong place.
    expect(await openArticle(other, A)).toBe('<p>Another article’s text.</p>');
    const error = await rejection(openArticle(other, A, ARTICLE));
    expect(error).toBeInstanceOf(WrongArticleError);
    expect(error).toBeInstanceOf(DecryptionError);
  });

  it('decrypts against the page’s id, so an envelope relabelled with the page’s id still fails', async () => {
    const other = await seal([A], '<p>Another article’s text.</p>', 'another-article');
    expect(await rejection(openArticle({ ...other, id: ARTICLE }, A, ARTICLE))).toBeInstanceOf(DecryptionError);
  });

  it('fails with DecryptionError when parts of two articles are spliced together', async () => {
    const one = await seal([A], '<p>one</p>', 'one');
    const two = await seal([A], '<p>two</p>', 'two');
    // Article two's ciphertext behind article one's wrapped key and id.
    const spliced = { ...one, iv: two.iv, ct: two.ct };
    expect(await rejection(openArticle(spliced, A))).toBeInstanceOf(DecryptionError);
    // Article two's wrapped key in front of article one's ciphertext.
    const rewrapped = { ...one, keys: two.keys };
    expect(await rejection(openArticle(rewrapped, A))).toBeInstanceOf(DecryptionError);
  });

  it('binds each layer to the article on its own (same content key, nonces and text, different ids)', async () => {
    // With the same random bytes, the only difference between the two articles is the additional data.
    const fixed = () => {
      let counter = 0;
      return (n: number) => Uint8Array.from({ length: n }, () => counter++ & 255);
    };
    const one = await sealArticle({ articleId: 'one', html: PAID, keys: [A], random: fixed() });
    const two = await sealArticle({ articleId: 'two', html: PAID, keys: [A], random: fixed() });
    expect(one.iv).toBe(two.iv);
    expect(one.ct).not.toBe(two.ct);
    expect(one.keys[0].wrapped).not.toBe(two.keys[0].wrapped);
    // Each layer alone refuses the other article's part.
    expect(await rejection(openArticle({ ...one, ct: two.ct }, A))).toBeInstanceOf(DecryptionError);
    expect(await rejection(openArticle({ ...one, keys: two.keys }, A))).toBeInstanceOf(DecryptionError);
  });

  it('fails with DecryptionError, not a TypeError, for malformed envelopes', async () => {
    const envelope = await seal();
    const broken: unknown[] = [
      null,
      'text',
      {},
      { ...envelope, v: 2 },
      { ...envelope, alg: 'A128GCM' },
      { ...envelope, keys: 'none' },
      { ...envelope, ct: 'not base64url!' },
      { ...envelope, iv: undefined },
      { ...envelope, ct: 12 },
      { ...envelope, keys: [null, 3, { ...envelope.keys[0], wrapped: null }] },
    ];
    for (const item of broken) {
      expect(await rejection(openArticle(item as Envelope, A)), JSON.stringify(item)).toBeInstanceOf(DecryptionError);
    }
  });

  it('fails with DecryptionError for a key that is not 32 bytes', async () => {
    const envelope = await seal();
    for (const length of [0, 16, 31]) {
      const key = { id: A.id, key: A.key.slice(0, length) };
      expect(await rejection(openArticle(envelope, key)), String(length)).toBeInstanceOf(DecryptionError);
    }
  });

  it('supports rotation: opens with both active keys, not with a retired one', async () => {
    const C = newKey('2026-09');
    const token = (k: SubscriberKey, notAfter?: string) => `${k.id}.${encodeBase64url(k.key)}${notAfter ? `@${notAfter}` : ''}`;
    const ring = parseKeyRing([token(C, '2026-10-15'), token(A, '2026-11-15'), token(B)].join('\n'));
    const keys = activeKeys(ring, new Date('2026-11-03T06:00:00Z'));
    expect(keys.map((k) => k.id)).toEqual([A.id, B.id]);

    const envelope = await seal(keys);
    expect(await openArticle(envelope, A)).toBe(PAID);
    expect(await openArticle(envelope, B)).toBe(PAID);
    expect(await rejection(openArticle(envelope, C))).toBeInstanceOf(NoMatchingKeyError);
  });

  it('uses a fresh content key and fresh nonces for every seal', async () => {
    const one = await seal();
    const two = await seal();
    expect(one.iv).not.toBe(two.iv);
    expect(one.ct).not.toBe(two.ct);
    expect(one.keys[0].iv).not.toBe(two.keys[0].iv);
    expect(one.keys[0].wrapped).not.toBe(two.keys[0].wrapped);
    // Also a fresh nonce per wrapped key within one seal.
    expect(one.keys[0].iv).not.toBe(one.keys[1].iv);
  });

  it('never puts the plaintext or the content key in the envelope', async () => {
    const requests: Uint8Array[] = [];
    const random = (n: number) => {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      requests.push(bytes.slice());
      return bytes;
    };
    const html = '<p>SECRET-PAID-TEXT-7f3a</p>';
    const envelope = await sealArticle({ articleId: ARTICLE, html, keys: [A, B], random });
    const json = serializeEnvelope(envelope);
    expect(json).not.toContain('SECRET-PAID-TEXT');
    expect(json).not.toContain(encodeBase64url(new TextEncoder().encode(html)).slice(4, 30));

    const contentKeys = requests.filter((r) => r.length === 32);
    expect(contentKeys).toHaveLength(1);
    const contentKey = contentKeys[0];
    expect(json).not.toContain(encodeBase64url(contentKey));
    expect(json).not.toContain(Buffer.from(contentKey).toString('base64'));
    expect(json).not.toContain(Buffer.from(contentKey).toString('hex'));
    // Nor the subscriber keys themselves.
    for (const { key } of [A, B]) expect(json).not.toContain(encodeBase64url(key));
  });

  it('is deterministic with an injected random source (for reproducible fixtures)', async () => {
    let counter = 0;
    const random = (n: number) => Uint8Array.from({ length: n }, () => counter++ & 255);
    const first = await sealArticle({ articleId: ARTICLE, html: PAID, keys: [A], random });
    counter = 0;
    const second = await sealArticle({ articleId: ARTICLE, html: PAID, keys: [A], random });
    expect(second).toEqual(first);
    expect(await openArticle(first, A)).toBe(PAID);
  });

  it('refuses to seal for nobody, for repeated ids or for keys that are not 32 bytes', async () => {
    await expect(seal([])).rejects.toThrow(/no active subscriber keys/);
    await expect(seal([A, { ...B, id: A.id }])).rejects.toThrow(/given twice/);
    await expect(seal([{ id: 'short', key: new Uint8Array(16) }])).rejects.toThrow(/32 bytes/);
    await expect(seal([{ id: 'Bad Id', key: A.key }])).rejects.toThrow(/malformed key id/);
    await expect(seal([A], PAID, '')).rejects.toThrow(/articleId/);
    await expect(sealArticle({ articleId: ARTICLE, html: PAID, keys: [A], random: () => new Uint8Array(4) })).rejects.toThrow(
      /random source/,
    );
  });
});

describe('files sealed with an article (its paid pictures)', () => {
  const picture = (seed: number) => Uint8Array.from({ length: 5000 }, (_, index) => (index * seed + 7) & 255);
  const P1 = newSealedFileName();
  const P2 = newSealedFileName();
  const sealWithFiles = (articleId = ARTICLE) =>
    sealArticleWithFiles({ articleId, html: PAID, keys: [A, B], files: [{ name: P1, bytes: picture(3) }, { name: P2, bytes: picture(5) }] });

  it('opens each file with either key, under the name it was sealed with, to exactly its bytes', async () => {
    const { envelope, files } = await sealWithFiles();
    expect(files.map((file) => file.name)).toEqual([P1, P2]);
    for (const key of [A, B]) {
      const opened = await openEnvelope(envelope, key, ARTICLE);
      expect(opened.html).toBe(PAID);
      expect(new Uint8Array(await opened.openFile(P1, files[0]!.bytes))).toEqual(picture(3));
      expect(new Uint8Array(await opened.openFile(P2, files[1]!.bytes))).toEqual(picture(5));
    }
  });

  it('holds nothing of the file in clear: a fresh nonce, the ciphertext and its tag, and only 28 bytes more', async () => {
    const { files } = await sealWithFiles();
    const again = await sealWithFiles();
    expect(files[0]!.bytes).toHaveLength(5000 + 12 + 16);
    expect(Buffer.from(files[0]!.bytes).includes(Buffer.from(picture(3).subarray(100, 132)))).toBe(false);
    expect(Buffer.from(again.files[0]!.bytes).equals(Buffer.from(files[0]!.bytes))).toBe(false);
  });

  it('refuses a file swapped for another of the article’s, one from another article under the same name, or a tampered one', async () => {
    const { envelope, files } = await sealWithFiles();
    const opened = await openEnvelope(envelope, A, ARTICLE);
    expect(await rejection(opened.openFile(P1, files[1]!.bytes))).toBeInstanceOf(DecryptionError);
    const other = await sealArticleWithFiles({ articleId: 'another-story', html: PAID, keys: [A], files: [{ name: P1, bytes: picture(3) }] });
    expect(await rejection(opened.openFile(P1, other.files[0]!.bytes))).toBeInstanceOf(DecryptionError);
    const tampered = new Uint8Array(files[0]!.bytes);
    tampered[2500] ^= 1;
    expect(await rejection(opened.openFile(P1, tampered))).toBeInstanceOf(DecryptionError);
    expect(await rejection(opened.openFile(P1, files[0]!.bytes.slice(0, 20)))).toBeInstanceOf(DecryptionError);
  });

  it('leaves an envelope without files as sealArticle makes it, and names files at random, 128 bits each', async () => {
    let counter = 0;
    const random = (n: number) => Uint8Array.from({ length: n }, () => counter++ & 255);
    const plain = await sealArticle({ articleId: ARTICLE, html: PAID, keys: [A], random });
    counter = 0;
    const withNone = await sealArticleWithFiles({ articleId: ARTICLE, html: PAID, keys: [A], random, files: [] });
    expect(withNone).toEqual({ envelope: plain, files: [] });
    expect(P1).toMatch(/^[0-9a-f]{32}$/);
    expect(P1).not.toBe(P2);
  });

  it('refuses a malformed or repeated file name', async () => {
    await expect(sealArticleWithFiles({ articleId: ARTICLE, html: PAID, keys: [A], files: [{ name: '../x', bytes: picture(1) }] })).rejects.toThrow(/malformed file name/);
    await expect(
      sealArticleWithFiles({ articleId: ARTICLE, html: PAID, keys: [A], files: [{ name: P1, bytes: picture(1) }, { name: P1, bytes: picture(2) }] }),
    ).rejects.toThrow(/given twice/);
  });
});

describe('serializeEnvelope', () => {
  it('escapes everything that could end a script element, and parses back unchanged', async () => {
    const envelope = await seal([A], PAID, 'x</script><!--&\u2028\u2029>');
    const json = serializeEnvelope(envelope);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(json)).toEqual(envelope);
    expect(await openArticle(JSON.parse(json) as Envelope, A)).toBe(PAID);
  });

  it('contains no < for ordinary articles either', async () => {
    expect(serializeEnvelope(await seal())).not.toContain('<');
  });
});
