/**
 * Subscriber keys: tokens (`<id>.<secret>`), the newsroom's key ring and which keys
 * a build uses. Pure and browser-safe (the unlock scripts import `parseKeyToken`).
 *
 * No error message here ever contains a secret: build logs and CI output are not
 * secret, and a key pasted into the wrong field must not end up in them.
 */
import { decodeBase64url, encodeBase64url } from './base64url.ts';
import { keyWeakness } from './key-strength.ts';

/** A key id: lowercase letters, digits and hyphens, 1–32 characters, e.g. `2026-11`. */
export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** Bytes in a subscriber key (AES-256). */
export const KEY_BYTES = 32;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A subscriber key ready to use: what a token holds. */
export interface SubscriberKey {
  id: string;
  key: Uint8Array;
}

/** One key of the ring, parsed. */
export interface KeyRingEntry extends SubscriberKey {
  /** Last day (UTC, `YYYY-MM-DD`, inclusive) a build includes this key. Omitted: no end. */
  notAfter?: string;
}

/** A key-ring problem: names the entry (1-based index and, when readable, its id) but never the secret. */
export class KeyRingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRingError';
  }
}

/** Thrown by `parseKeyToken`; the message never contains the secret. */
export class KeyTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyTokenError';
  }
}

// Short: these strings ship in the browser unlock scripts.
const ID_RULE = 'id must match [a-z0-9][a-z0-9-]{0,31}';
const KEY_RULE = `key must be ${KEY_BYTES} bytes of base64url`;

/** The reason an id is unusable, or undefined. */
function idProblem(id: unknown): string | undefined {
  return typeof id === 'string' && KEY_ID_PATTERN.test(id) ? undefined : ID_RULE;
}

/** Decodes a secret, or returns undefined if it isn't exactly one key's worth of base64url. */
function decodeKey(secret: unknown): Uint8Array | undefined {
  if (typeof secret !== 'string') return undefined;
  try {
    const key = decodeBase64url(secret);
    return key.length === KEY_BYTES ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Splits and checks a token; returns the key or the reason it is malformed (a reason never quotes the token). */
function readToken(token: string): SubscriberKey | { problem: string; id?: string } {
  const dot = token.indexOf('.');
  if (dot < 0) return { problem: 'must be <id>.<secret>' };
  const id = token.slice(0, dot);
  // Secrets contain no dot, so the part before the first one is never secret, but only a valid id is echoed.
  if (idProblem(id)) return { problem: ID_RULE };
  const key = decodeKey(token.slice(dot + 1));
  return key ? { id, key } : { problem: KEY_RULE, id };
}

/** The message for a key that is not 256 random bits (build-time only: see key-strength.ts). */
function weakKeyProblem(secret: string, key: Uint8Array): string | undefined {
  const weakness = keyWeakness(secret, key);
  return weakness && `key is not random (it ${weakness}); a key must be 32 random bytes: make one with npm run keys:new`;
}

/**
 * Creates a new random subscriber key and returns its token, `<id>.<base64url(32 bytes)>`.
 * Draws again in the rare case (under one in 500 million) that the strength check would refuse it.
 */
export function generateKeyToken(id: string): string {
  if (idProblem(id)) throw new KeyTokenError(`Key ${ID_RULE} (got "${id}")`);
  for (;;) {
    const secret = encodeBase64url(globalThis.crypto.getRandomValues(new Uint8Array(KEY_BYTES)));
    if (!keyWeakness(secret, decodeBase64url(secret))) return `${id}.${secret}`;
  }
}

/**
 * Reads a key token (`<id>.<secret>`, surrounding whitespace ignored).
 * @throws KeyTokenError saying what is wrong, without quoting the secret.
 */
export function parseKeyToken(token: string): SubscriberKey {
  const result = readToken(token.trim());
  if ('problem' in result) throw new KeyTokenError(`Invalid key token: ${result.problem}`);
  return result;
}

/** True for a real calendar date written `YYYY-MM-DD` (so 2026-02-30 is refused, not rolled over). */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = DATE_PATTERN.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

const JSON_FIELDS = new Set(['id', 'key', 'notAfter']);

/**
 * Parses the key ring from `PAYWALL_KEYS` or the `PAYWALL_KEYS_FILE` file. Two forms:
 * - JSON: `[{ "id": "2026-11", "key": "<base64url>", "notAfter": "2026-12-15" }, …]`
 * - tokens, one per line or comma-separated: `2026-11.<secret>` or
 *   `2026-10.<secret>@2026-11-15`; blank lines and `#` comments are ignored.
 *
 * Empty input gives an empty ring. Ids must be unique, and so must secrets (the same
 * secret under two ids is a copy-paste slip). Every key must look like 256 random
 * bits: a typed key (zeros, a phrase, a pattern) is refused, see key-strength.ts.
 * `source` names the input in messages.
 * @throws KeyRingError naming the entry (1-based) and its id when valid; never the secret.
 */
export function parseKeyRing(text: string, source = 'PAYWALL_KEYS'): KeyRingEntry[] {
  const trimmed = text.trim();
  const entries = trimmed.startsWith('[') || trimmed.startsWith('{') ? fromJson(trimmed, source) : fromTokens(text, source);

  const byId = new Map<string, number>();
  const bySecret = new Map<string, number>();
  entries.forEach((entry, i) => {
    const where = `${source} entry ${i + 1} ("${entry.id}")`;
    const sameId = byId.get(entry.id);
    if (sameId !== undefined) throw new KeyRingError(`${where}: duplicate id, already used by entry ${sameId + 1}`);
    byId.set(entry.id, i);
    const secret = encodeBase64url(entry.key);
    const sameKey = bySecret.get(secret);
    if (sameKey !== undefined) throw new KeyRingError(`${where}: same key as entry ${sameKey + 1}; every id needs its own key`);
    bySecret.set(secret, i);
  });
  return entries;
}

function fromJson(text: string, source: string): KeyRingEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the input around the error, which may be a secret: keep only the position.
    const position = /position (\d+)/.exec(String(error))?.[1];
    throw new KeyRingError(`${source} is not valid JSON${position ? ` (error at character ${position})` : ''}`);
  }
  if (!Array.isArray(data)) throw new KeyRingError(`${source} must be a JSON array of { "id", "key", "notAfter"? } entries`);
  return data.map((item: unknown, i): KeyRingEntry => {
    let where = `${source} entry ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw new KeyRingError(`${where}: must be an object { "id", "key", "notAfter"? }`);
    }
    const record = item as Record<string, unknown>;
    if (idProblem(record.id)) throw new KeyRingError(`${where}: ${ID_RULE}`);
    const id = record.id as string;
    where += ` ("${id}")`;
    // A misspelt "notAfter" would silently make a key live forever: refuse unknown fields.
    const unknown = Object.keys(record).filter((k) => !JSON_FIELDS.has(k));
    if (unknown.length) throw new KeyRingError(`${where}: unknown field ${unknown.map((k) => `"${k}"`).join(', ')} (allowed: id, key, notAfter)`);
    const key = decodeKey(record.key);
    if (!key) throw new KeyRingError(`${where}: ${KEY_RULE}`);
    const weak = weakKeyProblem(record.key as string, key);
    if (weak) throw new KeyRingError(`${where}: ${weak}`);
    const notAfter = record.notAfter;
    if (notAfter === undefined) return { id, key };
    if (!isCalendarDate(notAfter)) throw new KeyRingError(`${where}: notAfter must be a date YYYY-MM-DD`);
    return { id, key, notAfter };
  });
}

function fromTokens(text: string, source: string): KeyRingEntry[] {
  const lines = text.split(/\r?\n|\r/);
  // In a file, the line number finds the entry faster than its position among the tokens.
  const items = lines.flatMap((line, n) =>
    line
      .replace(/#.*/, '')
      .split(',')
      .map((item) => ({ item: item.trim(), line: lines.length > 1 ? ` (line ${n + 1})` : '' }))
      .filter(({ item }) => item),
  );
  return items.map(({ item, line }, i): KeyRingEntry => {
    const at = item.lastIndexOf('@');
    const token = (at < 0 ? item : item.slice(0, at)).trim();
    const result = readToken(token);
    const where = `${source} entry ${i + 1}${line}`;
    if ('problem' in result) {
      throw new KeyRingError(`${where}${result.id ? ` ("${result.id}")` : ''}: ${result.problem}`);
    }
    const weak = weakKeyProblem(token.slice(token.indexOf('.') + 1), result.key);
    if (weak) throw new KeyRingError(`${where} ("${result.id}"): ${weak}`);
    if (at < 0) return result;
    const notAfter = item.slice(at + 1).trim();
    if (!isCalendarDate(notAfter)) throw new KeyRingError(`${where} ("${result.id}"): the date after @ must be YYYY-MM-DD`);
    return { ...result, notAfter };
  });
}

/**
 * The keys a build made at `now` should seal articles for: those without `notAfter`
 * or whose `notAfter` is today or later, comparing calendar dates in UTC (so a key
 * with `notAfter: 2026-12-15` is used by builds up to 2026-12-15 23:59:59 UTC).
 * Pure: the caller passes the clock in.
 */
export function activeKeys(ring: readonly KeyRingEntry[], now: Date): KeyRingEntry[] {
  if (Number.isNaN(now.getTime())) throw new RangeError('activeKeys: now is an invalid Date');
  const today = now.toISOString().slice(0, 10);
  // YYYY-MM-DD strings sort as dates.
  return ring.filter((entry) => entry.notAfter === undefined || entry.notAfter >= today);
}
