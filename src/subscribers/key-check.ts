/**
 * Key checks: what `/unlock/` publishes about each key of the ring, so the page
 * can tell a current key from a retired or unknown one. Why the check value is
 * safe to publish: README.md in this folder. Browser-safe: WebCrypto only.
 */
import { encodeBase64url } from './base64url.ts';
import { activeKeys, type KeyRingEntry, type SubscriberKey } from './keys.ts';

/** One key of the ring as `/unlock/` publishes it: its id, its check value and whether it is retired. Never the key. */
export interface PublishedKey {
  /** The key's id, as in its token (`2026-11`). */
  id: string;
  /** base64url of HMAC-SHA256(key, `masthead:key-check:v1:<id>`). */
  check: string;
  /** Past its `notAfter` on the build's day: the build no longer seals for it. */
  retired: boolean;
}

/** What the page can tell a reader about a key that parses. */
export type KeyVerdict = 'accepted' | 'retired' | 'unknown';

/** Versioned, so a future check of another kind can never be confused with this one. */
const LABEL = 'masthead:key-check:v1:';

/** The check value of a subscriber key (README.md in this folder says why it is safe to publish). */
export async function keyCheck({ id, key }: SubscriberKey): Promise<string> {
  // Copy: WebCrypto wants an ArrayBuffer-backed view, and a caller's array may be a view on something else.
  const hmacKey = await crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', hmacKey, new TextEncoder().encode(LABEL + id));
  return encodeBase64url(new Uint8Array(mac));
}

/**
 * What `/unlock/` publishes for a key ring on the build's day: every key, the
 * active ones (those the build seals for, see `activeKeys`) and the retired ones
 * still listed in the ring, each with its check value, in ring order.
 */
export async function publishedKeys(ring: readonly KeyRingEntry[], now: Date): Promise<PublishedKey[]> {
  const active = new Set(activeKeys(ring, now).map((entry) => entry.id));
  return Promise.all(ring.map(async (entry) => ({ id: entry.id, check: await keyCheck(entry), retired: !active.has(entry.id) })));
}

/**
 * Tells a key apart against what the page publishes: `accepted` for an active
 * key of the ring, `retired` for a key of the ring past its last day, `unknown`
 * for anything else (another paper's key, a mistyped or forged secret under a
 * real id, a key dropped from the ring).
 */
export async function keyVerdict(key: SubscriberKey, published: readonly PublishedKey[]): Promise<KeyVerdict> {
  const entry = published.find((candidate) => candidate.id === key.id);
  if (!entry || (await keyCheck(key)) !== entry.check) return 'unknown';
  return entry.retired ? 'retired' : 'accepted';
}

/**
 * Reads the published keys back from the page's JSON, checking its shape (it
 * comes from `JSON.parse`). Undefined when it is not a list of published keys.
 */
export function readPublishedKeys(data: unknown): PublishedKey[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const keys: PublishedKey[] = [];
  for (const item of data as unknown[]) {
    const entry = item as Partial<Record<keyof PublishedKey, unknown>> | null;
    if (!entry || typeof entry.id !== 'string' || typeof entry.check !== 'string' || typeof entry.retired !== 'boolean') return undefined;
    keys.push({ id: entry.id, check: entry.check, retired: entry.retired });
  }
  return keys;
}
