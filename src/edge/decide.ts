/**
 * The edge's one decision: for a request, the settings and the time, which
 * file of the one deploy the reader gets (the public page, the subscriber
 * page under the private prefix, or nothing), with which headers. Pure apart
 * from checking the token's signature; every adapter (Cloudflare, Netlify,
 * the Node server) only carries it out.
 */
import type { EdgeConfig } from './config.ts';
import { meterVerdict } from './meter.ts';
import { MIN_SECRET_LENGTH, verifyToken, type EdgeKeys } from './token.ts';

/** The parts of a request the decision reads. */
export interface EdgeRequest {
  /** The full URL as the reader asked for it. */
  url: string;
  /** `GET`, `HEAD`, ... Only `GET` and `HEAD` are ever personalised. */
  method: string;
  /** The `Cookie` header, if any. */
  cookie?: string | null | undefined;
  /** The `Authorization` header, if any (`Bearer <token>`). */
  authorization?: string | null | undefined;
}

/** Headers to set on the response, by name. */
export type EdgeHeaders = Record<string, string>;

/** How the meter stands for this response, when it is on and the reader is anonymous. */
export type MeterState =
  /** A full page within the allowance: `left` after this one; `setCookie` to count it (only if the page is a paywalled one). */
  | { allowed: true; left: number; free: number; setCookie?: string | undefined }
  /** The allowance is spent: the teaser, which may say so. */
  | { allowed: false; free: number };

/** What to answer. */
export type Decision =
  /** The static file at the request's own path, as any reader gets it. */
  | { serve: 'public'; headers: EdgeHeaders; reason?: string; meter?: MeterState }
  /**
   * The subscriber page at `path` (under the private prefix). When there is
   * no file there (a free article, a page that is not an article), serve the
   * public page instead, with the same headers (and never count it on the meter).
   */
  | { serve: 'subscriber'; path: string; headers: EdgeHeaders; meter?: MeterState }
  /** 404: the private prefix itself, asked for directly. */
  | { serve: 'not-found'; headers: EdgeHeaders }
  /** A redirect (sign-in link turned into a cookie, sign-out). */
  | { serve: 'redirect'; status: 303; location: string; headers: EdgeHeaders; setCookie: string };

/** The query parameter of a sign-in link. */
export const SIGN_IN_PARAM = 'signin';
/** The path, under the base, that signs a reader out. */
export const SIGN_OUT_PATH = 'sign-out/';

/** A personalised response: only the reader's own browser may keep it, and caches must key on the cookie. */
export const PRIVATE_HEADERS: EdgeHeaders = { 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' };
/** The teaser at an address that is personalised for others: cacheable, but keyed on the cookie. */
export const GATED_PUBLIC_HEADERS: EdgeHeaders = { Vary: 'Cookie, Authorization' };
const NO_STORE: EdgeHeaders = { 'Cache-Control': 'no-store' };

/**
 * The path of `pathname` relative to the base, decoded and with repeated
 * slashes collapsed, or `undefined` when it cannot be decoded or is outside
 * the base. Decoding first means `/%5Fsubscribers/` is seen for what it is.
 */
function sitePath(pathname: string, base: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  decoded = decoded.replace(/\/{2,}/g, '/').replace(/\\/g, '/');
  if (decoded === base.replace(/\/$/, '')) return '';
  if (!decoded.startsWith(base)) return undefined;
  return decoded.slice(base.length);
}

/** True when a site path is the private prefix or inside it (any letter case: some disks ignore it). */
export function isPrivatePath(path: string, prefix: string): boolean {
  const lower = path.toLowerCase();
  const folder = prefix.toLowerCase();
  return lower === folder || lower.startsWith(`${folder}/`) || lower.startsWith(`${folder}.`);
}

/** A path decoded until nothing is left to decode (a host may decode once more than we did): for the private check only. */
function fullyDecoded(path: string): string {
  let current = path;
  for (let round = 0; round < 4 && current.includes('%'); round++) {
    try {
      const next = decodeURIComponent(current);
      if (next === current) break;
      current = next;
    } catch {
      break;
    }
  }
  return current.replace(/\/{2,}/g, '/');
}

/** The article's slug when a site path is an article page (`articles/<slug>/`, or its `index.html`). */
export function articleSlug(path: string): string | undefined {
  // A slug as src/schemas/id.ts allows it (kept here: edge bundles carry this folder only).
  const match = /^articles\/([\p{L}\p{N}_-][\p{L}\p{M}\p{N}._-]*)\/(?:index\.html)?$/u.exec(path);
  return match?.[1];
}

/** The value of one cookie in a `Cookie` header. */
export function readCookie(header: string | null | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at < 0) continue;
    if (part.slice(0, at).trim() === name) return part.slice(at + 1).trim().replace(/^"(.*)"$/, '$1') || undefined;
  }
  return undefined;
}

/** The token of an `Authorization: Bearer` header. */
function bearer(header: string | null | undefined): string | undefined {
  const match = header ? /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** The `Set-Cookie` value that stores a reader's token, for as long as it is valid. */
export function sessionCookie(config: EdgeConfig, token: string, maxAgeSeconds: number): string {
  return `${config.cookie}=${token}; Path=${config.base}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}; HttpOnly; Secure; SameSite=Lax`;
}

/** Where an article's subscriber page is. */
function subscriberPath(config: EdgeConfig, slug: string): string {
  return `${config.base}${config.prefix}/articles/${slug}/`;
}

/** The `Set-Cookie` value that removes it. */
export function clearedCookie(config: EdgeConfig): string {
  return `${config.cookie}=; Path=${config.base}; Max-Age=0; HttpOnly; Secure; SameSite=Lax`;
}

/**
 * Decides a request. Never throws and never answers with an error page: a bad
 * token, a missing key, a malformed address all end in the public page (or,
 * for the private prefix, 404).
 */
export async function decide(request: EdgeRequest, config: EdgeConfig, keys: EdgeKeys, now: Date): Promise<Decision> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return { serve: 'public', headers: {}, reason: 'unreadable address' };
  }
  const path = sitePath(url.pathname, config.base);
  if (path === undefined) {
    // Undecodable, or outside the base: private only if it could name the prefix.
    return /%|\\/.test(url.pathname) ? { serve: 'not-found', headers: NO_STORE } : { serve: 'public', headers: {} };
  }
  if (isPrivatePath(path, config.prefix) || isPrivatePath(fullyDecoded(path), config.prefix)) return { serve: 'not-found', headers: NO_STORE };

  const readable = request.method === 'GET' || request.method === 'HEAD';
  // A sign-in link: check the token, keep it in a cookie when it is good, and take it out of the address either way.
  const linkToken = url.searchParams.get(SIGN_IN_PARAM);
  if (linkToken !== null && readable) {
    url.searchParams.delete(SIGN_IN_PARAM);
    const location = `${url.pathname}${url.search}${url.hash}`;
    const verdict = await verifyToken(linkToken, config, keys, now);
    const headers = { ...NO_STORE, 'Referrer-Policy': 'no-referrer' };
    if (!verdict.paid) return { serve: 'redirect', status: 303, location, headers, setCookie: clearedCookie(config) };
    const maxAge = (verdict.expires ?? 0) - now.getTime() / 1000;
    return { serve: 'redirect', status: 303, location, headers, setCookie: sessionCookie(config, linkToken, maxAge) };
  }
  if (path === SIGN_OUT_PATH || path === SIGN_OUT_PATH.slice(0, -1)) {
    return { serve: 'redirect', status: 303, location: config.base, headers: NO_STORE, setCookie: clearedCookie(config) };
  }

  const slug = articleSlug(path);
  if (!slug || !readable) return { serve: 'public', headers: {} };
  const tokens = [bearer(request.authorization), readCookie(request.cookie, config.cookie)].filter((token): token is string => token !== undefined);
  let reason = 'no token';
  for (const token of tokens) {
    const verdict = await verifyToken(token, config, keys, now);
    if (verdict.paid) return { serve: 'subscriber', path: subscriberPath(config, slug), headers: { ...PRIVATE_HEADERS } };
    reason = verdict.reason;
  }
  // The meter, for everyone else: a few full articles a month, counted in a signed cookie.
  if (config.meter && config.meter.free > 0 && keys.secret && keys.secret.length >= MIN_SECRET_LENGTH) {
    const cookieValue = readCookie(request.cookie, config.meter.cookie);
    const verdict = await meterVerdict({ slug, cookieValue, config: config.meter, base: config.base, secret: keys.secret, now });
    if (verdict.allowed) {
      return { serve: 'subscriber', path: subscriberPath(config, slug), headers: { ...PRIVATE_HEADERS }, meter: { ...verdict, free: config.meter.free } };
    }
    return { serve: 'public', headers: { ...GATED_PUBLIC_HEADERS }, reason, meter: verdict };
  }
  return { serve: 'public', headers: { ...GATED_PUBLIC_HEADERS }, reason };
}
