import { describe, expect, it } from 'vitest';
import { bodyOf, createBodyCache, keptArticle } from '../../src/archive/body-cache';
import { createBodyRunner } from '../../src/archive/body-pool';
import type { BodyJob } from '../../src/archive/body-step';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const job = (n: number): BodyJob => ({
  markdown:
    n % 7 === 0
      ? `Free ${n}.\n\n<!—free-limit—>\n\nPaid ${n}.`
      : `Free ${n} words about the harbour.\n\n<!-- free-limit -->\n\nPaid ${n} secret words.[^1]\n\n[^1]: A note.`,
  access: n % 5 === 0 ? 'free' : 'subscribers',
  title: `Story ${n}`,
  standfirst: 'What happened.',
  tags: ['harbour'],
});

describe('the body runner', () => {
  it('gives the same outcomes, refusals included, on two worker threads as in this thread', async () => {
    const jobs = Array.from({ length: 100 }, (_, n) => job(n));
    const options = { freeParagraphs: 3, basePath: '/', keepWhole: false };
    const local = await createBodyRunner(options, 1).run(jobs);
    const pool = createBodyRunner(options, 2);
    try {
      const threaded = await pool.run(jobs);
      expect(threaded).toEqual(local);
      expect(threaded.filter((outcome) => !outcome.ok)).toHaveLength(15);
      expect(threaded[0]).toMatchObject({ ok: false, problem: { code: 'free-limit-damaged', line: 3 } });
      const paywalled = threaded.filter((_, index) => jobs[index]!.access === 'subscribers');
      expect(JSON.stringify(paywalled)).not.toMatch(/secret/i);
    } finally {
      await pool.close();
    }
  });
});

describe('the body cache', () => {
  it('never gives a public build an entry written by the subscriber edition', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-body-cache-'));
    try {
      const subscribers = createBodyCache({ dir, edition: 'subscribers', salt: 's' });
      const published = createBodyCache({ dir, edition: 'public', salt: 's' });
      const key = subscribers.keyFor(job(1));
      subscribers.set(key, { html: '<p>Paid secret words.</p>', cut: false, analysed: { terms: [], weights: [], tagTerms: [] }, images: [] });
      expect(published.keyFor(job(1))).not.toBe(key);
      expect(published.get(key)).toBeUndefined();
      expect(published.get(published.keyFor(job(1)))).toBeUndefined();
      expect(subscribers.get(key)?.html).toContain('Paid');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('misses when anything the result depends on changes', () => {
    const cache = createBodyCache({ dir: undefined, edition: 'public', salt: 'a' });
    const other = createBodyCache({ dir: undefined, edition: 'public', salt: 'b' });
    const base = cache.keyFor(job(1));
    expect(other.keyFor(job(1))).not.toBe(base);
    expect(cache.keyFor({ ...job(1), title: 'Another' })).not.toBe(base);
    expect(cache.keyFor({ ...job(1), tags: ['tide'] })).not.toBe(base);
    expect(cache.keyFor({ ...job(1), access: 'free' })).not.toBe(base);
    expect(cache.keyFor({ ...job(1), markdown: `${job(1).markdown} ` })).not.toBe(base);
  });

  it('keeps page bodies in files named by their digest, read again each time a page asks, until a build stops using them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-body-cache-'));
    const files = () => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json')).length;
    try {
      const cache = createBodyCache({ dir, edition: 'public', salt: 's' });
      const digest = cache.putPage({ html: '<p>Free words.</p>', sealed: '{"v":1}' });
      expect(cache.putPage({ html: '<p>Free words.</p>', sealed: '{"v":1}' })).toBe(digest);
      expect(cache.putPage({ html: '<p>Free words.</p>' })).not.toBe(digest);
      expect(files()).toBe(2);
      const article = keptArticle('quay', {} as Parameters<typeof keptArticle>[1], digest, cache.getPage);
      expect(bodyOf(article)).toEqual({ html: '<p>Free words.</p>', sealed: '{"v":1}' });
      expect(article.html).toBe('<p>Free words.</p>');
      // The next build uses one of them: the other goes when it prunes.
      const next = createBodyCache({ dir, edition: 'public', salt: 's' });
      next.putPage({ html: '<p>Free words.</p>' });
      next.prune();
      expect(files()).toBe(1);
      expect(() => article.html).toThrow(/an article body kept for its page is gone from the cache .*Build again/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lets a body with no pictures to fill in be read from its cache entry, writing no second file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-body-cache-'));
    const files = () => readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.json')).length;
    try {
      const cache = createBodyCache({ dir, edition: 'public', salt: 's' });
      const key = cache.keyFor(job(1));
      cache.set(key, { html: '<p>Free words.</p>', sealed: '{"v":1}', cut: true, analysed: { terms: [], weights: [], tagTerms: [] }, images: [] });
      const digest = cache.putPage({ html: '<p>Free words.</p>', sealed: '{"v":1}' }, key);
      expect(digest).toBe(key);
      expect(files()).toBe(1);
      const article = keptArticle('quay', {} as Parameters<typeof keptArticle>[1], digest, cache.getPage);
      expect(bodyOf(article)).toEqual({ html: '<p>Free words.</p>', sealed: '{"v":1}' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps page bodies in memory when there is no cache folder', () => {
    const cache = createBodyCache({ dir: undefined, edition: 'public', salt: 's' });
    const article = keptArticle('quay', {} as Parameters<typeof keptArticle>[1], cache.putPage({ html: '<p>Free.</p>' }), cache.getPage);
    expect(bodyOf(article)).toEqual({ html: '<p>Free.</p>' });
    expect(article.sealed).toBeUndefined();
  });
});
