import { describe, expect, it } from 'vitest';
import { edgeConfig } from '../../src/edge/config';
import { decide } from '../../src/edge/decide';
import { newEdgeSecret, signInLink } from '../../src/edge/sign-in-link';

const SITE = 'https://news.example.org/paper/';
const config = edgeConfig({ prefix: '_subscribers', cookie: 'masthead_session', clockSkewSeconds: 60, paid: { claim: 'plan', values: ['member'] } }, { siteUrl: SITE, basePath: '/paper/' });
const NOW = new Date('2026-12-07T09:00:00Z');

describe('sign-in links (npm run subscribers:link)', () => {
  it('opens the page it names, signs the reader in there for the days given, and then no longer', async () => {
    const secret = newEdgeSecret();
    const { link, expires } = await signInLink({ reader: 'reader@example.org', days: 31, to: '/paper/articles/harbour/', siteUrl: SITE, config, secret, now: NOW });
    expect(link).toMatch(/^https:\/\/news\.example\.org\/paper\/articles\/harbour\/\?signin=[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(expires.toISOString()).toBe('2027-01-07T09:00:00.000Z');
    const visit = await decide({ url: link, method: 'GET' }, config, { secret }, NOW);
    expect(visit).toMatchObject({ serve: 'redirect', location: '/paper/articles/harbour/' });
    const cookie = (visit as { setCookie: string }).setCookie;
    expect(cookie).toMatch(/; Path=\/paper\/; Max-Age=2678400; HttpOnly; Secure; SameSite=Lax$/);
    const session = cookie.slice(0, cookie.indexOf(';'));
    const later = (days: number) => new Date(NOW.getTime() + days * 86_400_000);
    expect((await decide({ url: `${SITE}articles/harbour/`, method: 'GET', cookie: session }, config, { secret }, later(30))).serve).toBe('subscriber');
    expect((await decide({ url: `${SITE}articles/harbour/`, method: 'GET', cookie: session }, config, { secret }, later(32))).serve).toBe('public');
    // Another secret (the paper rotated it): everyone signed in with the old one is signed out.
    expect((await decide({ url: `${SITE}articles/harbour/`, method: 'GET', cookie: session }, config, { secret: newEdgeSecret() }, later(1))).serve).toBe('public');
  });

  it('refuses what is not an e-mail address, a silly number of days, or a page elsewhere', async () => {
    const base = { siteUrl: SITE, config, secret: newEdgeSecret(), now: NOW };
    await expect(signInLink({ ...base, reader: 'not an address', days: 31 })).rejects.toThrow(/not an e-mail address/);
    await expect(signInLink({ ...base, reader: 'r@example.org', days: 0 })).rejects.toThrow(/--days/);
    await expect(signInLink({ ...base, reader: 'r@example.org', days: 400 })).rejects.toThrow(/--days/);
    await expect(signInLink({ ...base, reader: 'r@example.org', days: 2, to: 'https://evil.example/' })).rejects.toThrow(/--to/);
    await expect(signInLink({ ...base, reader: 'r@example.org', days: 2, secret: 'short' })).rejects.toThrow(/at least 32/);
  });

  it('makes secrets of 32 random bytes', () => {
    const a = newEdgeSecret();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(newEdgeSecret()).not.toBe(a);
  });
});
