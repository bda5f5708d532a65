/**
 * What every edge adapter must do, over the `edge` fixture build, as readers
 * see it over HTTP: the same tests for the Cloudflare runtime and the Node
 * server. `origin()` is where the adapter listens; tokens are HS256 with
 * `EDGE_TEST_SECRET`, which the adapter under test must be given.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { SignJWT, type JWTPayload } from 'jose';
import { expect, it } from 'vitest';
import { EDGE_CONFIG_FILE, edgeConfig, parseEdgeConfig } from '../../src/edge/config';
import settings from '../../src/settings';
import { PAID } from './fixture-paid';
import { listFiles } from './site-files';

/** The HS256 secret the adapters under test are given (a test value, never a real one). */
export const EDGE_TEST_SECRET = 'masthead-edge-test-secret-0123456789abcdef';
export const EDGE_CONFIG = edgeConfig(settings.subscribers.edge, { siteUrl: settings.siteUrl, basePath: '/' });
const PREFIX = EDGE_CONFIG.prefix;

const seconds = () => Math.floor(Date.now() / 1000);
/** A token as the membership system would sign it, with `extra` claims over the good ones. */
export function token(extra: JWTPayload = {}, secret = EDGE_TEST_SECRET): Promise<string> {
  const payload: JWTPayload = { iss: EDGE_CONFIG.issuer, aud: EDGE_CONFIG.audience, sub: 'reader-1', subscriber: true, exp: seconds() + 3600, ...extra };
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The public addresses of a built site: every file outside the private prefix, pages by their folder. */
export function publicAddresses(site: string): string[] {
  return listFiles(site)
    // `_headers` and `_redirects` configure the host; Cloudflare and Netlify never serve them.
    .filter((file) => !file.startsWith(`${PREFIX}/`) && !['_headers', '_redirects'].includes(file))
    .map((file) => `/${file.split('\\').join('/')}`.replace(/(^|\/)index\.html$/, '$1'));
}

const paidIn = (text: string) => PAID.filter((needle) => text.toLowerCase().includes(needle.toLowerCase()));

/**
 * A shared cache as RFC 9111 asks of one, reduced to what matters here: it
 * keeps a 200 unless it is `private` or `no-store`, and hands a kept copy only
 * to a request whose headers named in its `Vary` are the same.
 */
export function sharedCache(origin: () => string) {
  const kept = new Map<string, { vary: string[]; request: Headers; status: number; headers: Headers; body: string }[]>();
  return async (path: string, headers: Record<string, string> = {}) => {
    const request = new Headers(headers);
    const hit = kept.get(path)?.find((entry) => entry.vary.every((name) => request.get(name) === entry.request.get(name)));
    if (hit) return { status: hit.status, headers: hit.headers, body: hit.body, fromCache: true };
    const response = await fetch(`${origin()}${path}`, { headers, redirect: 'manual' });
    const body = await response.text();
    const control = (response.headers.get('Cache-Control') ?? '').toLowerCase();
    const vary = (response.headers.get('Vary') ?? '').split(',').map((each) => each.trim()).filter(Boolean);
    if (response.status === 200 && !/\b(private|no-store)\b/.test(control) && !vary.includes('*')) {
      kept.set(path, [...(kept.get(path) ?? []), { vary, request, status: response.status, headers: response.headers, body }]);
    }
    return { status: response.status, headers: response.headers, body, fromCache: false };
  };
}

/** Defines the adapter tests. Call inside a `describe` whose `beforeAll` starts the adapter and builds `site()`. */
export function edgeBehaviour(origin: () => string, site: () => string): void {
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${origin()}${path}`, { headers, redirect: 'manual' });
  const ARTICLE = '/articles/marker-top-level/';
  const bodyText = (html: string) => parse(html).querySelector('.article__body')?.textContent ?? '';

  it('gives an anonymous reader no paid word at any public address (every file of the site, crawled)', async () => {
    const addresses = publicAddresses(site());
    expect(addresses.length).toBeGreaterThan(50);
    const leaks: string[] = [];
    for (const address of addresses) {
      // Followed: Cloudflare's assets redirect `/404.html` to `/404`, and `/x/index.html` to `/x/`.
      const response = await fetch(`${origin()}${address}`);
      // The 404 page itself is 200 on one host and 404 on another; every other file is there.
      if (!address.endsWith('404.html')) expect(response.status, address).toBe(200);
      const text = Buffer.from(await response.arrayBuffer()).toString('utf8');
      for (const word of paidIn(text)) leaks.push(`${address}: ${word}`);
    }
    expect(leaks).toEqual([]);
  });

  it('gives an anonymous reader the teaser, cacheable and keyed on the cookie', async () => {
    const response = await get(ARTICLE);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(bodyText(html)).toContain('Free sentence alpha');
    expect(paidIn(html)).toEqual([]);
    expect(parse(html).querySelector('.free-limit a[data-sign-in]')).not.toBeNull();
    expect(response.headers.get('Cache-Control') ?? '').not.toMatch(/private|no-store/);
    expect(response.headers.get('Vary')).toMatch(/Cookie/);
  });

  it('gives a subscriber the whole article at the same address, private to them (cookie or Bearer)', async () => {
    const good = await token();
    const ways: Record<string, string>[] = [{ Cookie: `${EDGE_CONFIG.cookie}=${good}` }, { Authorization: `Bearer ${good}` }];
    for (const headers of ways) {
      const response = await get(ARTICLE, headers);
      const html = await response.text();
      expect(response.status).toBe(200);
      expect(bodyText(html)).toContain('Free sentence alpha');
      expect(bodyText(html)).toContain('Paid sentence charlie');
      expect(parse(html).querySelector('.free-limit')).toBeNull();
      expect(response.headers.get('Cache-Control')).toMatch(/private/);
      expect(response.headers.get('Vary')).toMatch(/Cookie/);
    }
  });

  it('gives a subscriber a free article’s public page, and other pages as they are', async () => {
    const cookie = `${EDGE_CONFIG.cookie}=${await token()}`;
    const free = await get('/articles/free-article/', { Cookie: cookie });
    expect(free.status).toBe(200);
    expect(parse(await free.text()).querySelector('.article__headline')).not.toBeNull();
    const home = await get('/', { Cookie: cookie });
    expect(home.status).toBe(200);
    expect(home.headers.get('Cache-Control') ?? '').not.toMatch(/private/);
  });

  const bad: [string, () => Promise<string>][] = [
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ iss: EDGE_CONFIG.issuer, aud: EDGE_CONFIG.audience, subscriber: true, exp: seconds() + 3600 })}.`],
    ['a wrong key', () => token({}, 'some-other-secret-that-is-long-enough-0000')],
    ['a wrong issuer', () => token({ iss: 'https://accounts.elsewhere.example' })],
    ['another site’s token', () => token({ aud: 'https://another-paper.example' })],
    ['an expired token', () => token({ exp: seconds() - 3600 })],
    ['a token not valid yet', () => token({ nbf: seconds() + 3600 })],
    ['a reader who has not paid', () => token({ subscriber: false })],
  ];
  it('gives every bad token the teaser, never an error', async () => {
    for (const [what, make] of bad) {
      const value = await make();
      const response = await get(ARTICLE, { Cookie: `${EDGE_CONFIG.cookie}=${value}`, Authorization: `Bearer ${value}` });
      const html = await response.text();
      expect(response.status, what).toBe(200);
      expect(paidIn(html), what).toEqual([]);
      expect(bodyText(html), what).toContain('Free sentence alpha');
    }
  });

  it('answers 404 for the private prefix, to everyone, in every spelling', async () => {
    const cookie = `${EDGE_CONFIG.cookie}=${await token()}`;
    for (const path of [`/${PREFIX}/`, `/${PREFIX}/articles/marker-top-level/`, `/${PREFIX}/articles/marker-top-level/index.html`, `/${PREFIX}/edge.json`, `/%5F${PREFIX.slice(1)}/articles/marker-top-level/`, `/${PREFIX.toUpperCase()}/articles/marker-top-level/`]) {
      const readers: Record<string, string>[] = [{}, { Cookie: cookie }];
      for (const headers of readers) {
        const response = await get(path, headers);
        const html = await response.text();
        expect(response.status, path).toBe(404);
        expect(paidIn(html), path).toEqual([]);
      }
    }
  });

  it('turns a sign-in link into a Secure, HttpOnly cookie and takes the token out of the address; sign-out clears it', async () => {
    const good = await token();
    const response = await get(`${ARTICLE}?signin=${good}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(ARTICLE);
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(new RegExp(`^${EDGE_CONFIG.cookie}=${good.replace(/\./g, '\\.')};`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const out = await get('/sign-out/', { Cookie: `${EDGE_CONFIG.cookie}=${good}` });
    expect(out.status).toBe(303);
    expect(out.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
  });

  it('never lets a shared cache hand one reader’s full page to another', async () => {
    const cache = sharedCache(origin);
    const subscriber = { Cookie: `${EDGE_CONFIG.cookie}=${await token()}` };
    const anonymous = { Cookie: 'theme=dark' };
    // The subscriber first: the full page is not kept.
    const full = await cache(ARTICLE, subscriber);
    expect(bodyText(full.body)).toContain('Paid sentence charlie');
    const after = await cache(ARTICLE, anonymous);
    expect(after.fromCache).toBe(false);
    expect(paidIn(after.body)).toEqual([]);
    // The teaser is kept, and given again to the same anonymous reader...
    expect((await cache(ARTICLE, anonymous)).fromCache).toBe(true);
    // ...but not to the subscriber, whose cookie differs: they still get the whole article.
    const again = await cache(ARTICLE, subscriber);
    expect(again.fromCache).toBe(false);
    expect(bodyText(again.body)).toContain('Paid sentence charlie');
    // A second reader with no cookie at all never sees paid words either.
    expect(paidIn((await cache(ARTICLE)).body)).toEqual([]);
  });
}

/** The metered deploy: a copy of the built site whose `edge.json` turns the meter on (two free articles). Remove it after. */
export function meteredCopy(site: string): string {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'masthead-metered-'));
  cpSync(site, copy, { recursive: true });
  const file = path.join(copy, EDGE_CONFIG.prefix, EDGE_CONFIG_FILE);
  const config = parseEdgeConfig(readFileSync(file, 'utf8'));
  writeFileSync(file, JSON.stringify({ ...config, meter: { free: 2, cookie: 'masthead_meter' } }));
  return copy;
}

/** The meter over HTTP, on a deploy from `meteredCopy`: two paywalled articles in full, then the teaser. */
export function meterBehaviour(origin: () => string): void {
  it('serves an anonymous reader two paywalled articles in full, then the teaser, counting in a signed cookie', async () => {
    let jar = '';
    const read = async (slug: string) => {
      const response = await fetch(`${origin()}/articles/${slug}/`, { headers: jar ? { Cookie: jar } : {} });
      const set = response.headers.get('Set-Cookie');
      if (set) jar = set.slice(0, set.indexOf(';'));
      return { response, html: await response.text() };
    };
    const free = await read('free-article');
    expect(free.response.headers.get('Set-Cookie')).toBeNull();
    const first = await read('marker-top-level');
    expect(first.html).toContain('Paid sentence charlie');
    expect(first.response.headers.get('Cache-Control')).toMatch(/private/);
    expect(jar).toMatch(/^masthead_meter=m1\./);
    const second = await read('references');
    expect(parse(second.html).querySelector('.free-limit')).toBeNull();
    const third = await read('no-marker-default');
    expect(parse(third.html).querySelector('.free-limit')).not.toBeNull();
    expect(paidIn(third.html)).toEqual([]);
    // The first article is still open to this reader; a reader without the cookie starts afresh.
    expect((await read('marker-top-level')).html).toContain('Paid sentence charlie');
    const stranger = await fetch(`${origin()}/articles/no-marker-default/`);
    expect(await stranger.text()).toContain('Paid sentence');
  });
}
