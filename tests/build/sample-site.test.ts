import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { builtSite } from '../helpers/built-site';
import { projectRoot } from '../helpers/astro-build';
import { paidSentences } from '../helpers/paid-text';
import { readFileSync } from 'node:fs';
import { findInSite, listFiles } from '../helpers/site-files';

describe('the sample paper', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('sample');
  });

  it('has at least 24 articles across 5 sections and 6 authors', () => {
    const files = listFiles(site);
    const articles = files.filter((file) => /^articles\/[^/]+\/index\.html$/.test(file));
    const sections = files.filter((file) => /^sections\/[^/]+\/index\.html$/.test(file));
    const authors = files.filter((file) => /^authors\/[^/]+\/index\.html$/.test(file));
    expect(articles.length).toBeGreaterThanOrEqual(24);
    expect(sections.length).toBeGreaterThanOrEqual(5);
    expect(authors.length).toBeGreaterThanOrEqual(6);
  });

  it('never ships a sentence from after any article’s free limit', () => {
    const paid = paidSentences(path.join(projectRoot, 'content'), settings.freeParagraphs);
    expect(paid.length).toBeGreaterThan(50);
    expect(findInSite(site, paid)).toEqual([]);
  });

  it('shows a kicker over the headline of the stories that have one, and on no other page', () => {
    const page = (slug: string) => readFileSync(path.join(site, 'articles', slug, 'index.html'), 'utf8');
    for (const slug of ['councillors-split-over-harbour-dredge', 'harbour-trust-unveils-channel-deepening-plan']) {
      expect(page(slug)).toMatch(/<p class="article__kicker">The harbour dredge<\/p>\s*<h1 class="article__headline">/);
    }
    const withKicker = listFiles(site).filter((file) => file.endsWith('.html') && readFileSync(path.join(site, file), 'utf8').includes('article__kicker">'));
    expect(withKicker.sort()).toEqual(['articles/councillors-split-over-harbour-dredge/index.html', 'articles/harbour-trust-unveils-channel-deepening-plan/index.html']);
  });

  it('dates the front page with the day it was built, in the paper’s zone', () => {
    // Built at 09:00 UTC on 21 November 2026 (BUILD_TIME): that Saturday in London.
    const front = readFileSync(path.join(site, 'index.html'), 'utf8');
    expect(front).toContain('<p class="front__date"><time datetime="2026-11-21">Saturday, 21 November 2026</time></p>');
  });
});
