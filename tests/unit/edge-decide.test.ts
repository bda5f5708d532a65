import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeConfig, parseEdgeConfig, type EdgeConfig } from '../../src/edge/config';
import { decide, readCookie, type Decision, type EdgeRequest } from '../../src/edge/decide';
import { hasPaid, signReaderToken, verifyToken, type EdgeKeys } from '../../src/edge/token';

const SITE = 'https://news.example.org';
const SECRET = 'a-shared-secret-of-at-least-thirty-two-characters';
const NOW = new Date('2026-12-07T09:00:00Z');
const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

const config: EdgeConfig = edgeConfig(
  { prefix: '_subscribers', cookie: 'masthead_session', clockSkewSeconds: 60, paid: { claim: 'subscriber' } },
  { siteUrl: SITE, basePath: '/' },
);
const hsKeys: EdgeKeys = { secret: SECRET };

/** A token as a membership system would sign it: valid for a day, for this site, saying the reader has paid. */
function claims(extra: JWTPayload = {}): JWTPayload {
  return { iss: SITE, aud: SITE, sub: 'reader-1', subscriber: true, iat: seconds(NOW) - 60, exp: seconds(NOW) + 86_400, ...extra };
}
async function hs256(payload: JWTPayload, secret = SECRET): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}

const article = (token?: { cookie?: string; bearer?: string }, path = '/articles/harbour-wall/'): EdgeRequest => ({
  url: `${SITE}${path}`,
  method: 'GET',
  cookie: token?.cookie !== undefined ? `theme=dark; masthead_session=${token.cookie}; other=1` : undefined,
  authorization: token?.bearer !== undefined ? `Bearer ${token.bearer}` : undefined,
});
const served = (decision: Decision) => decision.serve;

describe('the edge decision, with an HS256 shared secret', () => {
  it('gives an anonymous reader the public page, cacheable but keyed on the cookie', async () => {
    const decision = await decide(article(), config, hsKeys, NOW);
    expect(decision).toEqual({ serve: 'public', headers: { Vary: 'Cookie, Authorization' }, reason: 'no token' });
  });

  it('gives a reader with a good token in the cookie the subscriber page, private to them', async () => {
    const decision = await decide(article({ cookie: await hs256(claims()) }), config, hsKeys, NOW);
    expect(decision).toEqual({
      serve: 'subscriber',
      path: '/_subscribers/articles/harbour-wall/',
      headers: { 'Cache-Control': 'private, no-cache', Vary: 'Cookie, Authorization' },
    });
  });

  it('accepts the token as Authorization: Bearer too', async () => {
    expect(served(await decide(article({ bearer: await hs256(claims()) }), config, hsKeys, NOW))).toBe('subscriber');
  });

  it('serves the subscriber page for index.html and for a slug with accents', async () => {
    const token = await hs256(claims());
    const index = await decide(article({ cookie: token }, '/articles/harbour-wall/index.html'), config, hsKeys, NOW);
    expect(index).toMatchObject({ serve: 'subscriber', path: '/_subscribers/articles/harbour-wall/' });
    const accented = await decide(article({ cookie: token }, `/articles/${encodeURIComponent('café-reopens')}/`), config, hsKeys, NOW);
    expect(accented).toMatchObject({ serve: 'subscriber', path: '/_subscribers/articles/café-reopens/' });
  });

  it('leaves pages that are not articles alone, token or not', async () => {
    const token = await hs256(claims());
    for (const path of ['/', '/sections/news/', '/articles/', '/articles/a/b/', '/rss.xml']) {
      expect(await decide(article({ cookie: token }, path), config, hsKeys, NOW), path).toEqual({ serve: 'public', headers: {} });
    }
  });

  it('never personalises anything but GET and HEAD', async () => {
    const token = await hs256(claims());
    expect(served(await decide({ ...article({ cookie: token }), method: 'HEAD' }, config, hsKeys, NOW))).toBe('subscriber');
    expect(served(await decide({ ...article({ cookie: token }), method: 'POST' }, config, hsKeys, NOW))).toBe('public');
  });

  const teasers: [string, () => Promise<string>][] = [
    ['an unsigned token (alg: none)', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    ['a token signed with another secret', () => hs256(claims(), 'another-secret-that-is-also-long-enough-to-use')],
    ['a token from another issuer', () => hs256(claims({ iss: 'https://accounts.elsewhere.example' }))],
    ['a token for another site (audience)', () => hs256(claims({ aud: 'https://other-paper.example' }))],
    ['an expired token, past the clock skew', () => hs256(claims({ exp: seconds(NOW) - 61 }))],
    ['a token not valid yet, past the clock skew', () => hs256(claims({ nbf: seconds(NOW) + 61 }))],
    ['a token without an expiry', () => hs256(claims({ exp: undefined }))],
    ['a token whose reader has not paid', () => hs256(claims({ subscriber: false }))],
    ['a token with the paid claim as the text "true"', () => hs256(claims({ subscriber: 'true' }))],
    ['a tampered token', async () => (await hs256(claims())).replace(/\.([^.]+)\./, (_, body: string) => `.${b64({ ...claims(), sub: 'someone-else', x: body.length })}.`)],
    ['garbage', async () => 'not.a.token'],
    ['an empty cookie', async () => ''],
  ];
  for (const [what, make] of teasers) {
    it(`gives ${what} the teaser, never an error`, async () => {
      const token = await make();
      const decision = await decide(article({ cookie: token, bearer: token || 'x' }), config, hsKeys, NOW);
      expect(decision.serve).toBe('public');
      expect(decision.headers).toEqual({ Vary: 'Cookie, Authorization' });
    });
  }

  it('allows a little clock skew on expiry and not-before', async () => {
    expect(served(await decide(article({ cookie: await hs256(claims({ exp: seconds(NOW) - 30 })) }), config, hsKeys, NOW))).toBe('subscriber');
    expect(served(await decide(article({ cookie: await hs256(claims({ nbf: seconds(NOW) + 30 })) }), config, hsKeys, NOW))).toBe('subscriber');
  });

  it('accepts no token when the secret is missing or too short to be safe', async () => {
    const token = await hs256(claims());
    expect(served(await decide(article({ cookie: token }), config, {}, NOW))).toBe('public');
    const short = 'short-secret';
    expect(served(await decide(article({ cookie: await hs256(claims(), short) }), config, { secret: short }, NOW))).toBe('public');
  });
});

describe('the edge decision, with the provider’s keys (JWKS)', () => {
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let ec: Awaited<ReturnType<typeof generateKeyPair>>;
  let stranger: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwks: JWTVerifyGetKey;
  const jwksConfig = { ...config, jwksUrl: 'https://accounts.example.org/.well-known/jwks.json' };
  beforeAll(async () => {
    [rsa, ec, stranger] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('ES256'), generateKeyPair('RS256')]);
    const keys = await Promise.all([
      exportJWK(rsa.publicKey).then((jwk) => ({ ...jwk, kid: 'rsa-1', alg: 'RS256', use: 'sig' })),
      exportJWK(ec.publicKey).then((jwk) => ({ ...jwk, kid: 'ec-1', alg: 'ES256', use: 'sig' })),
    ]);
    jwks = createLocalJWKSet({ keys });
  });
  const signed = (alg: 'RS256' | 'ES256', key: CryptoKey, kid: string, payload = claims()) =>
    new SignJWT(payload).setProtectedHeader({ alg, kid }).sign(key);

  it('accepts RS256 and ES256 tokens signed with the provider’s keys', async () => {
    const keys = { jwks };
    expect(served(await decide(article({ cookie: await signed('RS256', rsa.privateKey, 'rsa-1') }), jwksConfig, keys, NOW))).toBe('subscriber');
    expect(served(await decide(article({ cookie: await signed('ES256', ec.privateKey, 'ec-1') }), jwksConfig, keys, NOW))).toBe('subscriber');
  });

  it('accepts RS512, as Ghost signs, and refuses HS512 and other symmetric algorithms', async () => {
    const rs512 = await generateKeyPair('RS512');
    const set = createLocalJWKSet({ keys: [{ ...(await exportJWK(rs512.publicKey)), kid: 'ghost', alg: 'RS512' }] });
    const token = await new SignJWT(claims()).setProtectedHeader({ alg: 'RS512', kid: 'ghost' }).sign(rs512.privateKey);
    expect(served(await decide(article({ cookie: token }), jwksConfig, { jwks: set }, NOW))).toBe('subscriber');
    const hs512 = await new SignJWT(claims()).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET.repeat(2)));
    expect(served(await decide(article({ cookie: hs512 }), jwksConfig, { jwks: set, secret: SECRET.repeat(2) }, NOW))).toBe('public');
  });

  it('gives a token signed with a key not in the set the teaser', async () => {
    const forged = await signed('RS256', stranger.privateKey, 'rsa-1');
    expect(served(await decide(article({ cookie: forged }), jwksConfig, { jwks }, NOW))).toBe('public');
  });

  it('refuses an HS256 token when only the provider’s keys are configured (algorithm confusion)', async () => {
    const publicJwk = JSON.stringify(await exportJWK(rsa.publicKey));
    const confused = await hs256(claims(), publicJwk);
    expect(served(await decide(article({ cookie: confused }), jwksConfig, { jwks }, NOW))).toBe('public');
  });
});

describe('the private prefix', () => {
  it('answers 404 to everyone, in every spelling of its address', async () => {
    const token = await hs256(claims());
    const paths = [
      '/_subscribers/',
      '/_subscribers',
      '/_subscribers/articles/harbour-wall/',
      '/_subscribers/edge.json',
      '/%5Fsubscribers/articles/harbour-wall/',
      '/%5fsubscribers/articles/harbour-wall/index.html',
      '/_Subscribers/articles/harbour-wall/',
      '//_subscribers/articles/harbour-wall/',
      '/articles/../_subscribers/articles/harbour-wall/',
      '/articles/%2e%2e/_subscribers/articles/harbour-wall/',
      '/%E0%A4%A',
      '/%255Fsubscribers/articles/harbour-wall/',
      '/%25255fsubscribers/edge.json',
    ];
    for (const path of paths) {
      for (const request of [article(undefined, path), article({ cookie: token }, path)]) {
        expect(await decide(request, config, hsKeys, NOW), path).toEqual({ serve: 'not-found', headers: { 'Cache-Control': 'no-store' } });
      }
    }
  });

  it('sits under the base path on a site served from a folder', async () => {
    const paper = edgeConfig({ prefix: '_subscribers', cookie: 'masthead_session', clockSkewSeconds: 60, paid: { claim: 'subscriber' } }, { siteUrl: `${SITE}/paper/`, basePath: '/paper/' });
    const token = await hs256(claims({ iss: `${SITE}/paper/`, aud: `${SITE}/paper/` }));
    expect(served(await decide(article(undefined, '/paper/_subscribers/articles/x/'), paper, hsKeys, NOW))).toBe('not-found');
    expect(await decide(article({ cookie: token }, '/paper/articles/x/'), paper, hsKeys, NOW)).toMatchObject({ serve: 'subscriber', path: '/paper/_subscribers/articles/x/' });
  });
});

describe('sign-in links and signing out', () => {
  it('turns a good sign-in link into an HttpOnly, Secure, SameSite=Lax cookie and takes the token out of the address', async () => {
    const token = await signReaderToken({ subject: 'reader@example.org', days: 31, config, secret: SECRET, now: NOW });
    const decision = await decide({ url: `${SITE}/articles/harbour-wall/?signin=${token}&utm_source=mail`, method: 'GET' }, config, hsKeys, NOW);
    expect(decision).toEqual({
      serve: 'redirect',
      status: 303,
      location: '/articles/harbour-wall/?utm_source=mail',
      headers: { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' },
      setCookie: `masthead_session=${token}; Path=/; Max-Age=${31 * 86_400}; HttpOnly; Secure; SameSite=Lax`,
    });
    // The cookie it set opens the article.
    expect(served(await decide(article({ cookie: token }), config, hsKeys, NOW))).toBe('subscriber');
  });

  it('takes a bad sign-in token out of the address too, and sets no session', async () => {
    const expired = await signReaderToken({ subject: 'reader@example.org', days: 1, config, secret: SECRET, now: new Date(NOW.getTime() - 3 * 86_400_000) });
    const decision = await decide({ url: `${SITE}/?signin=${expired}`, method: 'GET' }, config, hsKeys, NOW);
    expect(decision).toMatchObject({ serve: 'redirect', location: '/', setCookie: 'masthead_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax' });
  });

  it('signs a reader out at /sign-out/ by clearing the cookie', async () => {
    const decision = await decide({ url: `${SITE}/sign-out/`, method: 'GET', cookie: 'masthead_session=abc' }, config, hsKeys, NOW);
    expect(decision).toMatchObject({ serve: 'redirect', location: '/', setCookie: 'masthead_session=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Lax' });
  });

  it('signs tokens that name the configured paid value, for a role claim', async () => {
    const roles = { ...config, paid: { claim: 'role', values: ['member', 'premium'] } };
    const token = await signReaderToken({ subject: 'r@example.org', days: 1, config: roles, secret: SECRET, now: NOW });
    expect(await verifyToken(token, roles, hsKeys, NOW)).toMatchObject({ paid: true, subject: 'r@example.org' });
    await expect(signReaderToken({ subject: 'r', days: 1, config, secret: 'short', now: NOW })).rejects.toThrow(/at least 32/);
  });
});

describe('the paid claim', () => {
  it('is a boolean by default, a value from a list, a list holding one, or a dotted path', () => {
    expect(hasPaid({ subscriber: true }, { claim: 'subscriber' })).toBe(true);
    expect(hasPaid({ subscriber: 1 }, { claim: 'subscriber' })).toBe(false);
    expect(hasPaid({ role: 'member' }, { claim: 'role', values: ['member'] })).toBe(true);
    expect(hasPaid({ role: 'free' }, { claim: 'role', values: ['member'] })).toBe(false);
    expect(hasPaid({ roles: ['reader', 'premium'] }, { claim: 'roles', values: ['premium'] })).toBe(true);
    expect(hasPaid({ app_metadata: { plan: 'pro' } }, { claim: 'app_metadata.plan', values: ['pro'] })).toBe(true);
    expect(hasPaid({ 'https://paper.example/plan': 'pro' }, { claim: 'https://paper.example/plan', values: ['pro'] })).toBe(true);
    expect(hasPaid({ app_metadata: 'pro' }, { claim: 'app_metadata.plan', values: ['pro'] })).toBe(false);
  });
});

describe('edge helpers', () => {
  it('reads one cookie out of a Cookie header', () => {
    expect(readCookie('a=1; masthead_session=tok.en.x; b=2', 'masthead_session')).toBe('tok.en.x');
    expect(readCookie('xmasthead_session=1', 'masthead_session')).toBeUndefined();
    expect(readCookie(undefined, 'masthead_session')).toBeUndefined();
  });

  it('reads edge.json back, and refuses what is not one', () => {
    expect(parseEdgeConfig(JSON.stringify(config))).toEqual(config);
    expect(() => parseEdgeConfig('{"base":"/"}')).toThrow(/edge.json/);
  });
});

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
