import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeConfig, parseEdgeConfig } from '../../src/edge/config';
import settings from '../../src/settings';
import { bodyCacheDir, buildLog, builtSite } from '../helpers/built-site';
import { PAID } from '../helpers/fixture-paid';
import { findInSite, listFiles, readPage } from '../helpers/site-files';

const PREFIX = settings.subscribers.edge.prefix;
const CUT = ['marker-top-level', 'no-marker-default', 'references', 'marker-first', 'footnote-only-after', 'pictures'];
const FREE = ['free-article', 'more-ada-1'];

describe('a public build with the edge on (EDGE=on)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('edge');
  });

  it('writes every cut article whole under the private prefix, and no free one', () => {
    for (const slug of CUT) expect(existsSync(path.join(site, PREFIX, 'articles', slug, 'index.html')), slug).toBe(true);
    for (const slug of FREE) expect(existsSync(path.join(site, PREFIX, 'articles', slug)), slug).toBe(false);
    const page = parse(readPage(site, `/${PREFIX}/articles/marker-top-level/`));
    const text = page.querySelector('.article__body')!.textContent;
    expect(text).toContain('Free sentence alpha');
    expect(text).toContain('Paid sentence charlie');
    expect(text).toContain('quintessentialwombat');
    // The subscriber's page: no cut-off, no envelope, never indexed, and the reader's state in the header.
    expect(page.querySelector('.free-limit')).toBeNull();
    expect(page.querySelector('#masthead-paid')).toBeNull();
    expect(page.querySelector('meta[name="robots"]')?.getAttribute('content')).toContain('noindex');
    expect(page.querySelector('.masthead__signed-in a[data-sign-out]')?.getAttribute('href')).toBe('/sign-out/');
    expect(page.querySelector('.masthead__subscribe')).toBeNull();
  });

  it('keeps the paid words inside the private prefix: every other file has none', () => {
    const leaks = findInSite(site, PAID);
    // The check has teeth: the private pages do hold paid words.
    expect(leaks.some((leak) => leak.file.startsWith(`${PREFIX}/`))).toBe(true);
    expect(leaks.filter((leak) => !leak.file.startsWith(`${PREFIX}/`))).toEqual([]);
  });

  it('seals nothing and ships no unlock script, keys or not: the public pages are the pure teaser', () => {
    for (const slug of CUT) {
      const page = parse(readPage(site, `/articles/${slug}/`));
      expect(page.querySelector('#masthead-paid'), slug).toBeNull();
      expect(page.querySelector('[data-article-id]'), slug).toBeNull();
      expect(page.querySelector('.free-limit'), slug).not.toBeNull();
    }
    expect(existsSync(path.join(site, 'unlock'))).toBe(false);
    // The scripts pages load (a bundle nobody loads is not shipped to readers).
    const pages = listFiles(site).filter((file) => file.endsWith('.html'));
    const loaded = new Set(pages.flatMap((file) => parse(readFileSync(path.join(site, file), 'utf8')).querySelectorAll('script[src]').map((script) => script.getAttribute('src')!)));
    expect(loaded.size).toBeGreaterThan(0);
    for (const src of loaded) expect(readFileSync(path.join(site, src), 'utf8'), src).not.toMatch(/masthead:key|AES-GCM/);
  });

  it('offers Sign in beside Subscribe in the cut-off, to the membership system', () => {
    const panel = parse(readPage(site, '/articles/marker-top-level/')).querySelector('.free-limit')!;
    expect(panel.querySelector('.free-limit__button')?.getAttribute('href')).toBe(settings.subscribe.url);
    const signIn = panel.querySelector('a[data-sign-in]');
    expect(signIn?.textContent).toBe('Sign in');
    expect(signIn?.getAttribute('href')).toBe(settings.subscribers.edge.signInUrl);
  });

  it('never names the private prefix outside it: no link, sitemap entry or search record points there', () => {
    const outside = listFiles(site).filter((file) => !file.startsWith(`${PREFIX}/`));
    expect(findInSite(site, [`/${PREFIX}/`]).filter((leak) => outside.includes(leak.file))).toEqual([]);
  });

  it('keeps the whole text it cached out of the public build’s body cache', () => {
    const publicCache = path.join(bodyCacheDir(), 'public');
    if (existsSync(publicCache)) expect(findInSite(publicCache, PAID)).toEqual([]);
    expect(findInSite(path.join(bodyCacheDir(), 'subscribers'), PAID).length).toBeGreaterThan(0);
  });

  it('says where the whole articles are, and that the build deploys only with its edge code', () => {
    expect(buildLog('edge')).toMatch(/whole articles written under \/_subscribers\/ for the edge: deploy this build only with its edge code/);
  });

  it('writes the edge’s configuration beside the subscriber pages, with no secret in it', () => {
    const config = parseEdgeConfig(readFileSync(path.join(site, PREFIX, 'edge.json'), 'utf8'));
    expect(config).toEqual(edgeConfig(settings.subscribers.edge, { siteUrl: settings.siteUrl, basePath: '/' }));
  });
});

describe('a public build without the edge', () => {
  it('has no private prefix, no edge configuration and no Sign in: as before', () => {
    const site = builtSite('fixture');
    expect(existsSync(path.join(site, PREFIX))).toBe(false);
    expect(findInSite(site, ['data-sign-in', 'data-sign-out', PREFIX])).toEqual([]);
    expect(parse(readPage(site, '/articles/marker-top-level/')).querySelector('.masthead__subscribe')).not.toBeNull();
  });
});
