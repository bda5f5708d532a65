import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { openArticle, type Envelope } from '../../src/subscribers/envelope';
import { parseKeyToken } from '../../src/subscribers/keys';
import settings from '../../src/settings';
import { builtSite } from '../helpers/built-site';
import { FREE, PAID } from '../helpers/fixture-paid';
import { CURRENT_KEY, GRACE_KEY, RETIRED_KEY } from '../helpers/keys';
import { findInSite, listFiles, readPage } from '../helpers/site-files';

const envelopeOf = (site: string, slug: string): Envelope | undefined => {
  const text = parse(readPage(site, `/articles/${slug}/`)).querySelector('#masthead-paid')?.textContent;
  return text ? (JSON.parse(text) as Envelope) : undefined;
};

describe('a public build with subscriber keys', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('keyed');
  });

  it('still ships no paid words in readable form, in any file', () => {
    expect(findInSite(site, PAID)).toEqual([]);
  });

  it('never writes a key to the site', () => {
    const secrets = [CURRENT_KEY, GRACE_KEY, RETIRED_KEY].map((token) => token.split('.')[1]!);
    expect(findInSite(site, secrets)).toEqual([]);
  });

  it('seals the paid part of every cut article, and of no other', () => {
    for (const slug of ['marker-top-level', 'no-marker-default', 'references', 'marker-first']) {
      expect(envelopeOf(site, slug), slug).toBeDefined();
    }
    for (const slug of ['free-article', 'more-ada-1']) expect(envelopeOf(site, slug), slug).toBeUndefined();
  });

  it('seals for every active key and leaves retired keys out', async () => {
    const envelope = envelopeOf(site, 'marker-top-level')!;
    expect(envelope.keys.map((key) => key.kid).sort()).toEqual(['test-current', 'test-grace']);
    for (const token of [CURRENT_KEY, GRACE_KEY]) {
      const html = await openArticle(envelope, parseKeyToken(token), 'marker-top-level');
      expect(html).toContain('Paid sentence charlie');
      expect(html).toContain('quintessentialwombat');
    }
    await expect(openArticle(envelope, parseKeyToken(RETIRED_KEY))).rejects.toThrow();
  });

  it('seals the whole article, free part first, in one piece', async () => {
    const html = await openArticle(envelopeOf(site, 'marker-top-level')!, parseKeyToken(CURRENT_KEY), 'marker-top-level');
    const text = parse(html).textContent;
    expect(text.indexOf('Free sentence alpha')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf('Free sentence alpha')).toBeLessThan(text.indexOf('Paid sentence charlie'));
    expect(html).not.toContain('free-limit');
  });

  it('seals a footnote referenced before the cut but written after it, with its reference, and never ships it in clear', async () => {
    const page = parse(readPage(site, '/articles/footnote-only-after/'));
    // The public page: neither the note nor a reference to it.
    expect(page.querySelector('.article__body')?.textContent).toContain('The weir was inspected on Monday.');
    expect(page.querySelector('[data-footnote-ref]')).toBeNull();
    expect(findInSite(site, ['glockenspielmirage', 'Paid footnote with canary'])).toEqual([]);
    // The sealed article: the reference in the free sentence, the note, and the way back.
    const html = parse(await openArticle(envelopeOf(site, 'footnote-only-after')!, parseKeyToken(CURRENT_KEY), 'footnote-only-after'));
    const ref = html.querySelector('p a[data-footnote-ref]');
    expect(ref?.getAttribute('href')).toBe('#user-content-fn-weir');
    expect(ref?.closest('p')?.textContent).toContain('The weir was inspected on Monday.');
    expect(html.querySelector('#user-content-fn-weir')?.textContent).toContain('Paid footnote with canary word glockenspielmirage.');
    expect(html.querySelector('#user-content-fn-weir [data-footnote-backref]')?.getAttribute('href')).toBe('#user-content-fnref-weir');
  });

  it('names the article on every sealed page, for the unlock script to check the envelope against', () => {
    for (const slug of ['marker-top-level', 'footnote-only-after']) {
      const page = parse(readPage(site, `/articles/${slug}/`));
      expect(page.querySelector('article')?.getAttribute('data-article-id'), slug).toBe(slug);
      expect(envelopeOf(site, slug)?.id, slug).toBe(slug);
    }
  });

  it('loads the unlock script only on sealed pages, and on every page a small one that only looks for a saved key', () => {
    const scripts = (page: string) =>
      parse(readPage(site, page)).querySelectorAll('script[src]').map((script) => script.getAttribute('src')!);
    // The header's: on every page, so a reader holding a key is not asked to subscribe.
    const [state, ...others] = scripts('/articles/free-article/');
    expect(others).toEqual([]);
    expect(scripts('/')).toEqual([state]);
    const stateScript = readPage(site, state!);
    // It reads the key's name from the shared key-storage module, and nothing of the unlocking itself.
    expect(stateScript).toMatch(/from"\.\/key-storage\.[\w-]+\.js"/);
    expect(stateScript).not.toMatch(/decrypt|envelope|unlock/i);
    expect(Buffer.byteLength(stateScript)).toBeLessThan(1024);
    const sealed = scripts('/articles/marker-top-level/');
    expect(sealed).toHaveLength(2);
    expect(sealed).toContain(state);
    // The unlock script, pictures included, stays small: it is downloaded on every paywalled article page.
    const unlockScript = readPage(site, sealed.find((src) => src !== state)!);
    expect(unlockScript).toMatch(/data-sealed/);
    expect(Buffer.byteLength(unlockScript)).toBeLessThan(3.5 * 1024);
    const unlock = parse(readPage(site, '/unlock/'));
    expect(unlock.querySelector('[data-unlock-status]')?.getAttribute('role')).toBe('status');
    expect(unlock.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
  });

  it('has a paste form on /unlock/, hidden until its script runs, with a label and a live error region', () => {
    const form = parse(readPage(site, '/unlock/')).querySelector('form[data-key-form]')!;
    expect(form.hasAttribute('hidden')).toBe(true);
    // Never submitted to any URL: no action, and the script cancels the submit.
    expect(form.getAttribute('action')).toBeUndefined();
    const input = form.querySelector('input[data-key-input]')!;
    expect(form.querySelector(`label[for="${input.id}"]`)?.textContent).toMatch(/paste your subscriber key/i);
    const error = form.querySelector('[data-key-error]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    expect(input.getAttribute('autocomplete')).toBe('off');
  });
});

describe('a public build without keys', () => {
  it('ships no ciphertext, loads no unlock script and has no /unlock/ page', () => {
    const site = builtSite('fixture');
    expect(findInSite(site, ['"wrapped"', '"alg":"A256GCM"'])).toEqual([]);
    for (const page of listFiles(site).filter((file) => file.endsWith('.html'))) {
      const html = parse(readFileSync(path.join(site, page), 'utf8'));
      expect(html.querySelector('#masthead-paid'), page).toBeNull();
    }
    expect(parse(readPage(site, '/articles/marker-top-level/')).querySelectorAll('script[src]')).toEqual([]);
    expect(existsSync(path.join(site, 'unlock'))).toBe(false);
  });

  it('links each cut-off to the same article in the subscriber edition', () => {
    const link = parse(readPage(builtSite('fixture'), '/articles/marker-top-level/')).querySelector('[data-free-limit] [data-edition-link]');
    expect(link?.textContent).toBe('Read the full article');
    expect(link?.getAttribute('href')).toBe(new URL('articles/marker-top-level/', settings.subscribers.editionUrl).href);
  });
});

describe('the subscriber edition (EDITION=subscribers)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('edition');
  });

  it('shows every article whole, with no cut-off', () => {
    const html = parse(readPage(site, '/articles/marker-top-level/'));
    const body = html.querySelector('.article__body')!.textContent;
    expect(body).toContain('Free sentence alpha');
    expect(body).toContain('Paid sentence charlie');
    expect(html.querySelector('[data-free-limit]')).toBeNull();
    expect(findInSite(site, FREE).length).toBeGreaterThan(0);
  });

  it('keeps every page out of search engines', () => {
    for (const page of listFiles(site).filter((file) => file.endsWith('.html'))) {
      const html = parse(readFileSync(path.join(site, page), 'utf8'));
      expect(html.querySelector('meta[name="robots"]')?.getAttribute('content'), page).toBe('noindex');
      expect(html.querySelector('link[rel="canonical"]'), page).toBeNull();
    }
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
  });

  it('publishes no feeds, sitemaps or search index', () => {
    const files = listFiles(site);
    expect(files.filter((file) => /rss\.xml$|sitemap|pagefind\/|^search\//.test(file))).toEqual([]);
    expect(parse(readPage(site, '/')).querySelector('link[type="application/rss+xml"]')).toBeNull();
  });

  it('says it is the subscriber edition', () => {
    expect(parse(readPage(site, '/')).querySelector('.masthead__edition')?.textContent).toBe('Subscriber edition');
  });
});
