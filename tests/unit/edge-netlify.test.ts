import { SignJWT, type JWTPayload } from 'jose';
import { describe, expect, it } from 'vitest';
import { edgeConfig } from '../../src/edge/config';
import { createNetlifyHandler, INTERNAL_HEADER, type NetlifyContext } from '../../src/edge/netlify';

const SITE = 'https://paper.example';
const SECRET = 'netlify-test-secret-0123456789abcdefghij';
const config = edgeConfig({ prefix: '_subscribers', cookie: 'masthead_session', clockSkewSeconds: 60, paid: { claim: 'subscriber' } }, { siteUrl: SITE, basePath: '/' });

/** A deploy in memory: what Netlify's static server holds. */
const files = new Map<string, string>([
  ['/index.html', '<h1>Front page</h1>'],
  ['/404.html', '<h1>Not here</h1>'],
  ['/articles/harbour/index.html', '<p>Free words.</p><aside class="free-limit">Subscribe</aside>'],
  ['/articles/free-one/index.html', '<p>All free.</p>'],
  ['/_subscribers/articles/harbour/index.html', '<p>Free words.</p><p>Paid words: saxophonecarousel.</p>'],
  ['/_subscribers/edge.json', JSON.stringify(config)],
]);

function staticFile(request: Request): Response {
  const { pathname } = new URL(request.url);
  const body = files.get(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  return body === undefined ? new Response('no file', { status: 404 }) : new Response(body, { status: 200, headers: { 'Content-Type': 'text/html', 'Cache-Control': 'public, max-age=0, must-revalidate' } });
}

/**
 * Netlify as the function meets it: every request, the function's own `fetch`es included, goes
 * through the function first; `context.next()` is the static file.
 */
function netlify(secret: string | undefined) {
  const calls: string[] = [];
  const run = async (request: Request): Promise<Response> => {
    calls.push(new URL(request.url).pathname);
    const context: NetlifyContext = { next: async () => staticFile(request) };
    return handler(request, context);
  };
  const handler = createNetlifyHandler({ secret, fetch: (input, init) => run(new Request(input, init)) });
  return { request: (path: string, headers: Record<string, string> = {}) => run(new Request(`${SITE}${path}`, { headers })), calls };
}

const token = (extra: JWTPayload = {}, secret = SECRET) =>
  new SignJWT({ iss: SITE, aud: SITE, subscriber: true, exp: Math.floor(Date.now() / 1000) + 600, ...extra })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));

describe('the Netlify Edge Function', () => {
  it('gives an anonymous reader the teaser, keyed on the cookie', async () => {
    const response = await netlify(SECRET).request('/articles/harbour/');
    expect(await response.text()).toContain('free-limit');
    expect(response.headers.get('Vary')).toBe('Cookie, Authorization');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=0, must-revalidate');
  });

  it('gives a subscriber the whole article at the same address, private', async () => {
    const response = await netlify(SECRET).request('/articles/harbour/', { Cookie: `masthead_session=${await token()}` });
    expect(await response.text()).toContain('saxophonecarousel');
    expect(response.headers.get('Cache-Control')).toBe('private, no-cache');
    expect(response.headers.get('Vary')).toBe('Cookie, Authorization');
  });

  it('gives a subscriber a free article as it is', async () => {
    const response = await netlify(SECRET).request('/articles/free-one/', { Authorization: `Bearer ${await token()}` });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('All free.');
  });

  it('gives bad tokens the teaser', async () => {
    for (const bad of [await token({}, 'another-secret-entirely-0123456789abcdef'), await token({ aud: 'https://elsewhere.example' }), await token({ exp: 1 })]) {
      const response = await netlify(SECRET).request('/articles/harbour/', { Cookie: `masthead_session=${bad}` });
      expect(await response.text()).not.toContain('saxophonecarousel');
    }
  });

  it('answers 404 for the private prefix, and to a forged or borrowed internal mark', async () => {
    const site = netlify(SECRET);
    const cookie = { Cookie: `masthead_session=${await token()}` };
    for (const path of ['/_subscribers/articles/harbour/', '/_subscribers/edge.json', '/%5Fsubscribers/articles/harbour/']) {
      const response = await site.request(path, cookie);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('saxophonecarousel');
    }
    expect((await site.request('/_subscribers/articles/harbour/', { [INTERNAL_HEADER]: 'f'.repeat(64) })).status).toBe(404);
    // The mark the function made for edge.json does not open an article.
    const mark = await hmac(SECRET, 'masthead:edge-internal:v1:/_subscribers/edge.json');
    expect((await site.request('/_subscribers/edge.json', { [INTERNAL_HEADER]: mark })).status).toBe(200);
    expect((await site.request('/_subscribers/articles/harbour/', { [INTERNAL_HEADER]: mark })).status).toBe(404);
  });

  it('serves the site’s 404 page for the prefix', async () => {
    const response = await netlify(SECRET).request('/_subscribers/');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Not here');
  });

  it('without a secret, serves the public site only and still never the prefix', async () => {
    const site = netlify(undefined);
    const teaser = await site.request('/articles/harbour/', { Cookie: `masthead_session=${await token()}` });
    expect(await teaser.text()).toContain('free-limit');
    expect((await site.request('/_subscribers/articles/harbour/')).status).toBe(404);
    expect((await site.request('/_Subscribers/articles/harbour/')).status).toBe(404);
  });

  it('turns a sign-in link into the cookie', async () => {
    const good = await token();
    const response = await netlify(SECRET).request(`/articles/harbour/?signin=${good}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/articles/harbour/');
    expect(response.headers.get('Set-Cookie')).toMatch(/^masthead_session=.+; HttpOnly; Secure; SameSite=Lax$/);
  });
});

async function hmac(secret: string, text: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return Buffer.from(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(text))).toString('hex');
}
