import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/built-site';
import { findInSite, readPage } from '../helpers/site-files';

/** Text a reader sees in an element, code left out (it is shown as typed). */
function prose(element: HTMLElement | null): string {
  if (!element) return '';
  const copy = parse(element.outerHTML);
  for (const code of copy.querySelectorAll('code, pre, kbd, samp')) code.remove();
  return copy.textContent.replace(/\s+/g, ' ');
}

describe('typography in the built sample paper', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('sample');
  });

  it('prints curly quotes and apostrophes in headlines, standfirsts and bodies, single quotes first (en-GB)', () => {
    const page = parse(readPage(site, '/articles/kilnbank-readers-rally-for-library/'));
    expect(prose(page.querySelector('h1')).trim()).toBe('‘It’s where I learned to read’: a day among Kilnbank Library’s regulars');
    const body = prose(page.querySelector('.article__body'));
    expect(body).toContain('the town council’s draft budget');
    expect(body).toContain('‘So we just won’t go,’ she says.');
  });

  it('leaves no straight quote, apostrophe or double hyphen in the prose of any article page', () => {
    const slugs = readdirSync(path.join(site, 'articles'));
    expect(slugs.length).toBeGreaterThan(20);
    for (const slug of slugs) {
      const page = parse(readPage(site, `/articles/${slug}/`));
      const text = ['h1', '.article__standfirst', '.article__byline', '.article__body'].map((selector) => prose(page.querySelector(selector))).join(' ');
      expect(text, slug).not.toMatch(/["']|--/);
    }
  });

  it('keeps the hyphen in scores and ranges as written', () => {
    const page = parse(readPage(site, '/articles/pilots-clinch-promotion/'));
    expect(prose(page.querySelector('.article__standfirst'))).toMatch(/\d-\d/);
  });

  it('typesets the headline wherever it is printed: page title, social tags, JSON-LD and the feed', () => {
    const html = readPage(site, '/articles/kilnbank-readers-rally-for-library/');
    const headline = '‘It’s where I learned to read’: a day among Kilnbank Library’s regulars';
    const page = parse(html);
    expect(page.querySelector('title')!.textContent).toContain(headline);
    expect(page.querySelector('meta[property="og:title"]')!.getAttribute('content')).toBe(headline);
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent) as { headline: string };
    expect(jsonLd.headline).toBe(headline);
    expect(readPage(site, '/rss.xml')).toContain(headline);
  });

  it('typesets settings texts and section descriptions', () => {
    const home = parse(readPage(site, '/'));
    expect(home.querySelector('.site-footer')!.textContent).not.toMatch(/["']/);
    const section = parse(readPage(site, '/sections/news/'));
    expect(prose(section.querySelector('.page-header__description'))).not.toMatch(/["']/);
  });
});

describe('typography in a site written to test it (many sections)', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('manySections');
  });

  it('puts a quotation inside a quotation in double quotes, and leaves inline code as typed', () => {
    const body = parse(readPage(site, '/articles/politics-story/')).querySelector('.article__body')!;
    const text = body.textContent.replace(/\s+/g, ' ');
    expect(text).toContain('‘A woman at the gate asked me, “Since when does a swim need a ticket?”’ the leader said. ‘I had no answer…’');
    expect(text).toContain('‘a tax on a swim’ – a phrase');
    expect(text).toContain('the lido’s visitors’ book');
    expect(body.querySelector('code')!.textContent).toBe('£2.50');
  });

  it('typesets section descriptions, author bios and roles', () => {
    const section = parse(readPage(site, '/sections/opinion/'));
    expect(section.querySelector('.page-header__description')!.textContent.trim()).toBe('Argument from our writers – and yours.');
    const author = readPage(site, '/authors/nell-tarrant/');
    expect(author).toContain('the town’s council');
    expect(author).toContain('She’s ‘always on the 7.40 bus’.');
  });

  it('never ships a sentence from after the free limit, typeset or not', () => {
    const paid = [
      'Paid sentence tangerine: the council could ask the water company to sponsor the changing rooms instead.',
      'Paid sentence marigold: a season ticket for cars would raise more than a daily charge',
      'tangerine',
      'marigold',
    ];
    expect(findInSite(site, paid)).toEqual([]);
  });
});
