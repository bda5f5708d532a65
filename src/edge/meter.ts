/**
 * The meter: an anonymous reader may open `free` paywalled articles in full
 * each calendar month (UTC). The count lives in the reader's own cookie,
 * signed (HMAC-SHA256 under `MASTHEAD_EDGE_SECRET`) so it cannot be raised,
 * with no state on any server. Clearing cookies resets it: a meter is a
 * courtesy, not a lock, and the docs say so.
 */

/** The meter's settings, as `edge.json` carries them. `free: 0` is off. */
export interface MeterConfig {
  /** Paywalled articles an anonymous reader may open in full each month. */
  free: number;
  /** The cookie holding the count. */
  cookie: string;
}

/** One month's reading: which articles (by a short hash of the slug) were opened in full. */
export interface MeterState {
  month: string;
  read: string[];
}

const VERSION = 'm1';

/** `2026-12`: the UTC month of `now`. */
export function meterMonth(now: Date): string {
  return now.toISOString().slice(0, 7);
}

const hex = (buffer: ArrayBuffer, length: number) =>
  [...new Uint8Array(buffer)]
    .slice(0, length)
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');

async function mac(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return hex(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`masthead:meter:v1:${text}`)), 32);
}

/** An article's entry in the count: 8 bytes of SHA-256 of its slug (no slug in the cookie). */
export async function meterEntry(slug: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(slug)), 8);
}

/** The signed cookie value for a state. */
export async function writeMeter(state: MeterState, secret: string): Promise<string> {
  const body = `${VERSION}.${state.month}.${state.read.join('-')}`;
  return `${body}.${await mac(secret, body)}`;
}

/** Equal strings, compared in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/**
 * This month's state from the cookie: empty for no cookie, another month, a
 * bad signature or any other shape (a forged count never grants more).
 */
export async function readMeter(value: string | undefined, secret: string, now: Date): Promise<MeterState> {
  const month = meterMonth(now);
  const empty = { month, read: [] };
  const match = value ? /^(m1)\.(\d{4}-\d{2})\.((?:[0-9a-f]{16}(?:-[0-9a-f]{16})*)?)\.([0-9a-f]{64})$/.exec(value) : null;
  if (!match || match[2] !== month) return empty;
  if (!sameText(match[4]!, await mac(secret, `${match[1]}.${match[2]}.${match[3]}`))) return empty;
  return { month, read: match[3] ? match[3].split('-') : [] };
}

/** The `Set-Cookie` for a meter, kept until the month is over (and a day, for the reader's clock). */
export function meterCookie(config: MeterConfig, base: string, value: string, now: Date): string {
  const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const maxAge = Math.ceil((nextMonth - now.getTime()) / 1000) + 86_400;
  return `${config.cookie}=${value}; Path=${base}; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=Lax`;
}

/** What the meter allows for one article. */
export type MeterVerdict =
  /** Full page; `left` after this one; `setCookie` when this article is newly counted. */
  | { allowed: true; left: number; setCookie?: string | undefined }
  /** The allowance is spent: the teaser. */
  | { allowed: false; free: number };

/** The meter's verdict on `slug` for a reader holding `cookieValue`. */
export async function meterVerdict(options: { slug: string; cookieValue: string | undefined; config: MeterConfig; base: string; secret: string; now: Date }): Promise<MeterVerdict> {
  const { slug, cookieValue, config, base, secret, now } = options;
  const state = await readMeter(cookieValue, secret, now);
  const entry = await meterEntry(slug);
  if (state.read.includes(entry)) return { allowed: true, left: Math.max(0, config.free - state.read.length) };
  if (state.read.length >= config.free) return { allowed: false, free: config.free };
  const next = { month: state.month, read: [...state.read, entry] };
  return { allowed: true, left: config.free - next.read.length, setCookie: meterCookie(config, base, await writeMeter(next, secret), now) };
}

/** The marker the article page and the cut-off carry where the edge may say how the meter stands. */
export const METER_MARK = '<!--masthead:meter-->';

/** The sentence under a metered full article. */
export function meterNote(left: number, free: number): string {
  const rest = left === 0 ? 'That was the last one this month.' : left === 1 ? 'You have 1 left this month.' : `You have ${left} left this month.`;
  return `<p class="meter-note" data-meter-left="${left}">You are reading one of ${free} free articles a month. ${rest}</p>`;
}

/** The sentence in the cut-off once the allowance is spent. */
export function meterSpentNote(free: number): string {
  const articles = free === 1 ? 'your free article' : `your ${free} free articles`;
  return `<p class="meter-note" data-meter-left="0">You have read ${articles} this month.</p>`;
}
