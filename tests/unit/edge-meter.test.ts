import { describe, expect, it } from 'vitest';
import { edgeConfig, type EdgeConfig } from '../../src/edge/config';
import { decide, type Decision } from '../../src/edge/decide';
import { meterEntry, readMeter, writeMeter } from '../../src/edge/meter';
import { handleEdgeRequest } from '../../src/edge/web';

const SITE = 'https://news.example.org';
const SECRET = 'meter-test-secret-0123456789abcdefghijkl';
const NOW = new Date('2026-12-07T09:00:00Z');
const config: EdgeConfig = edgeConfig(
  { prefix: '_subscribers', cookie: 'masthead_session', clockSkewSeconds: 60, paid: { claim: 'subscriber' }, meter: { free: 2, cookie: 'masthead_meter' } },
  { siteUrl: SITE, basePath: '/' },
);

/** Reads articles one after another as one browser would, keeping the meter cookie it is given. */
function reader(keys = { secret: SECRET }) {
  let jar = '';
  return async (slug: string, now = NOW): Promise<Decision> => {
    const decision = await decide({ url: `${SITE}/articles/${slug}/`, method: 'GET', cookie: jar || undefined }, config, keys, now);
    const set = 'meter' in decision && decision.meter?.allowed ? decision.meter.setCookie : undefined;
    if (set) jar = set.slice(0, set.indexOf(';'));
    return decision;
  };
}

describe('the meter', () => {
  it('serves an anonymous reader N paywalled articles in full a month, then the teaser', async () => {
    const read = reader();
    expect(await read('one')).toMatchObject({ serve: 'subscriber', headers: { 'Cache-Control': 'private, no-cache' }, meter: { allowed: true, left: 1, free: 2 } });
    expect(await read('two')).toMatchObject({ serve: 'subscriber', meter: { allowed: true, left: 0 } });
    expect(await read('three')).toMatchObject({ serve: 'public', meter: { allowed: false, free: 2 } });
    // An article already counted opens again, without counting twice.
    const again = await read('one');
    expect(again).toMatchObject({ serve: 'subscriber', meter: { allowed: true, left: 0 } });
    expect((again as { meter: { setCookie?: string } }).meter.setCookie).toBeUndefined();
    // A new month, a new allowance.
    expect(await read('three', new Date('2027-01-01T00:00:01Z'))).toMatchObject({ serve: 'subscriber', meter: { allowed: true, left: 1 } });
  });

  it('keeps the count in an HttpOnly, Secure cookie until the month is over', async () => {
    const decision = await reader()('one');
    const cookie = (decision as { meter: { setCookie: string } }).meter.setCookie;
    expect(cookie).toMatch(/^masthead_meter=m1\.2026-12\.[0-9a-f]{16}\.[0-9a-f]{64}; Path=\/; Max-Age=\d+; HttpOnly; Secure; SameSite=Lax$/);
    const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)![1]);
    expect(maxAge).toBe((Date.UTC(2027, 0, 1) - NOW.getTime()) / 1000 + 86_400);
    // No slug in it: only a hash.
    expect(cookie).not.toContain('one');
  });

  it('cannot be raised by editing the cookie: a forged or foreign count counts as none, never as more', async () => {
    const spent = await writeMeter({ month: '2026-12', read: [await meterEntry('a'), await meterEntry('b')] }, SECRET);
    expect((await readMeter(spent, SECRET, NOW)).read).toHaveLength(2);
    const tampered = spent.replace(/\.[0-9a-f]{16}-/, '.');
    expect((await readMeter(tampered, SECRET, NOW)).read).toEqual([]);
    expect((await readMeter(spent, 'another-secret-0123456789abcdefghijklmn', NOW)).read).toEqual([]);
    expect((await readMeter(spent, SECRET, new Date('2027-01-02T00:00:00Z'))).read).toEqual([]);
    expect((await readMeter('garbage', SECRET, NOW)).read).toEqual([]);
    // Spent is spent: the teaser, whatever article is asked for next.
    const decision = await decide({ url: `${SITE}/articles/c/`, method: 'GET', cookie: `masthead_meter=${spent}` }, config, { secret: SECRET }, NOW);
    expect(decision).toMatchObject({ serve: 'public', meter: { allowed: false } });
  });

  it('is off by default, and without the secret', async () => {
    const off = edgeConfig({ prefix: '_subscribers', cookie: 'masthead_session', clockSkewSeconds: 60, paid: { claim: 'subscriber' }, meter: { free: 0, cookie: 'masthead_meter' } }, { siteUrl: SITE, basePath: '/' });
    expect(off.meter).toBeUndefined();
    expect((await decide({ url: `${SITE}/articles/one/`, method: 'GET' }, off, { secret: SECRET }, NOW)).serve).toBe('public');
    expect((await reader({ secret: '' })('one')).serve).toBe('public');
  });

  it('counts only paywalled articles, and says in the page how many are left', async () => {
    const files = new Map([
      ['/articles/one/index.html', '<p>Free part.</p><aside class="free-limit"><p>You have reached the free limit.</p><!--masthead:meter--></aside>'],
      ['/articles/free/index.html', '<p>All free.</p>'],
      ['/_subscribers/articles/one/index.html', '<p>Free part.</p><p>Paid part.</p><!--masthead:meter-->'],
    ]);
    const asset = async (path: string) => {
      const body = files.get(path.endsWith('/') ? `${path}index.html` : path);
      return body === undefined ? new Response('no', { status: 404 }) : new Response(body, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
    };
    const get = (path: string, cookie?: string) =>
      handleEdgeRequest(new Request(`${SITE}${path}`, { headers: cookie ? { Cookie: cookie } : {} }), { config, keys: { secret: SECRET }, asset, now: NOW });
    // A free article: the public page, not counted.
    const free = await get('/articles/free/');
    expect(free.headers.get('Set-Cookie')).toBeNull();
    expect(await free.text()).toBe('<p>All free.</p>');
    // A paywalled one: in full, counted, with the note.
    const full = await get('/articles/one/');
    expect(await full.text()).toContain('Paid part.</p><p class="meter-note" data-meter-left="1">You are reading one of 2 free articles a month. You have 1 left this month.</p>');
    const cookie = full.headers.get('Set-Cookie')!.split(';')[0]!;
    // Spent: the teaser says so.
    const spent = await writeMeter({ month: '2026-12', read: [await meterEntry('x'), await meterEntry('y')] }, SECRET);
    const teaser = await (await get('/articles/one/', `masthead_meter=${spent}`)).text();
    expect(teaser).toContain('You have reached the free limit.</p><p class="meter-note" data-meter-left="0">You have read your 2 free articles this month.</p>');
    expect(teaser).not.toContain('Paid part');
    expect(cookie).toMatch(/^masthead_meter=m1\./);
  });
});
