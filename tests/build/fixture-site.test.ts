import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { buildLog, builtSite } from '../helpers/built-site';
import { PAID } from '../helpers/fixture-paid';
import { findInSite, listFiles, readPage } from '../helpers/site-files';

let site = '';
beforeAll(() => {
  site = builtSite('fixture');
});
const page = (urlPath: string): HTMLElement => parse(readPage(site, urlPath));
const text = (element: HTMLElement | null) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';


describe('a public build of the fixture folder', () => {
  it('writes one page per article at /articles/<slug>/, whatever folder the file is in', () => {
    for (const slug of ['marker-top-level', 'no-marker-default', 'free-article', 'more-ada-3', 'Café_Reopens']) {
      expect(existsSync(path.join(site, 'articles', slug, 'index.html')), slug).toBe(true);
    }
  });

  it('never ships a word from after the free limit, in any file', () => {
    const files = listFiles(site);
    expect(files.length).toBeGreaterThan(20);
    expect(findInSite(site, PAID)).toEqual([]);
  });

  it('prints the newspaper header: section, headline, standfirst, byline and date', () => {
    const html = page('/articles/marker-top-level/');
    expect(text(html.querySelector('.article__section'))).toBe('News');
    expect(html.querySelectorAll('h1')).toHaveLength(1);
    expect(text(html.querySelector('h1'))).toBe('Valley council approves new footbridge');
    expect(text(html.querySelector('.article__standfirst'))).toContain('timber bridge');
    const byline = html.querySelector('.article__byline a');
    expect(text(byline)).toBe('Ada Quill');
    expect(byline?.getAttribute('href')).toBe('/authors/ada-quill/');
    expect(text(html.querySelector('.article__dates time'))).toBe('8 June 2023');
  });

  it('shows the free part, then the cut-off with the subscribe link', () => {
    const html = page('/articles/marker-top-level/');
    const body = text(html.querySelector('.article__body'));
    expect(body).toContain('Free sentence alpha');
    expect(body).toContain('Free sentence bravo');
    const cutoff = html.querySelector('[data-free-limit]');
    expect(cutoff).not.toBeNull();
    expect(text(cutoff)).toContain(`Support ${settings.siteName}`);
    expect(text(cutoff)).toContain('You have reached the free limit. Subscribe to continue reading.');
    expect(cutoff?.querySelector('a')?.getAttribute('href')).toBe(settings.subscribe.url);
  });

  it('shows the first three paragraphs when an article has no marker, counting them as a reader does', () => {
    const body = text(page('/articles/no-marker-default/').querySelector('.article__body'));
    expect(body).toContain('Free paragraph papa');
    // A "• • •" separator shows no words and does not count; a paragraph that "---" made a heading does, with a warning.
    expect(body).toContain('Free paragraph romeo');
    expect(body).not.toContain('sierra');
    expect(buildLog('fixture')).toMatch(/no-marker-default\.md:17: body: a paragraph followed directly by "---" is a heading.* \[cut-setext-paragraph\]/);
    // A link defined after the cut: both lines are the file's.
    expect(buildLog('fixture')).toMatch(/references\.md:9: body: the link \[budget\] is defined after the free limit \(line 19\).* \[cut-address-after-cut\]/);
  });

  it('cuts inside lists and quotes, keeping what comes before the marker', () => {
    const list = text(page('/articles/marker-in-list/').querySelector('.article__body'));
    expect(list).toContain('Free item hotel');
    expect(list).toContain('Free item india');
    const quote = text(page('/articles/marker-in-quote/').querySelector('.article__body'));
    expect(quote).toContain('Free quote mike');
  });

  it('counts list items as paragraphs when an article with no marker is one long list', () => {
    const html = page('/articles/list-only/');
    const body = text(html.querySelector('.article__body'));
    expect(body).toContain('Free point three');
    expect(body).not.toContain('Paid point');
    expect(html.querySelector('[data-free-limit]')).not.toBeNull();
  });

  it('shows only the cut-off when the marker comes first', () => {
    const html = page('/articles/marker-first/');
    expect(text(html.querySelector('.article__body'))).toBe('');
    expect(html.querySelector('[data-free-limit]')).not.toBeNull();
  });

  it('shows free articles whole, with no cut-off', () => {
    const html = page('/articles/free-article/');
    expect(text(html.querySelector('.article__body'))).toContain('Free paragraph zulu four');
    expect(html.querySelector('[data-free-limit]')).toBeNull();
    expect(readPage(site, '/articles/free-article/')).not.toContain('data-free-limit');
  });

  it('does not cut an article short enough to fit in the free part', () => {
    expect(page('/articles/more-ada-1/').querySelector('[data-free-limit]')).toBeNull();
  });

  it('keeps free footnotes and links working, and drops notes and link addresses written after the cut', () => {
    const html = page('/articles/references/');
    expect(html.querySelector('.article__body a[href="https://budget.example.net/reserves"]')).not.toBeNull();
    // [budget] is defined after the cut: its words stay, its address (paid, see fixture-paid.ts) does not.
    expect(text(html.querySelector('.article__body'))).toContain('Read the budget papers and the note on reserves.');
    expect(html.querySelectorAll('.article__body a[href^="https://budget.example.net/"]')).toHaveLength(1);
    expect(text(html.querySelector('.article__body'))).toContain('Free footnote: reserves are held');
    const ref = html.querySelector('.article__body sup a');
    const target = ref?.getAttribute('href')?.slice(1);
    expect(target).toBeTruthy();
    expect(html.querySelector(`[id="${target}"]`)).not.toBeNull();
  });

  it('sanitises hostile HTML in bodies', () => {
    const body = page('/articles/hostile-input/').querySelector('.article__body')!;
    const html = body.innerHTML;
    expect(body.querySelectorAll('script, iframe, style')).toHaveLength(0);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(text(body)).toContain('Free div text survives sanitising.');
  });

  it('escapes hostile frontmatter everywhere, JSON-LD included', () => {
    const raw = readPage(site, '/articles/hostile-input/');
    const html = parse(raw);
    // The only script elements are the JSON-LD one: the title could not open another.
    const scripts = html.querySelectorAll('script');
    expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['application/ld+json']);
    expect(raw).not.toContain("<script>alert('title')");
    // Printed as text, and typeset like every headline (quotes curled, ‘single’ first in en-GB).
    const headline = 'Hostile </script><script>alert(‘title’)</script> & ‘quotes’';
    expect(text(html.querySelector('h1'))).toBe(headline);
    const jsonLd = JSON.parse(scripts[0]!.textContent) as { headline: string; keywords: string };
    expect(jsonLd.headline).toBe(headline);
    expect(jsonLd.keywords).toContain('<img src=x onerror=alert(1)>');
    // The tag is printed (as text, and inside quoted attributes) but never becomes markup.
    const withHandlers = html.querySelectorAll('*').filter((element) => Object.keys(element.attributes).some((name) => /^on/i.test(name)));
    expect(withHandlers.map((element) => element.outerHTML)).toEqual([]);
    expect(html.querySelectorAll('img').map((img) => img.getAttribute('src'))).toEqual(['https://images.example.net/x.png']);
  });

  it('ships no client JavaScript on article pages', () => {
    const html = page('/articles/marker-top-level/');
    const scripts = html.querySelectorAll('script').filter((script) => script.getAttribute('type') !== 'application/ld+json');
    expect(scripts).toHaveLength(0);
    expect(html.querySelectorAll('link[rel="modulepreload"], link[rel="preload"][as="script"]')).toHaveLength(0);
  });

  it('gives every page the shared layout: site name, section navigation, footer', () => {
    for (const urlPath of ['/', '/articles/free-article/', '/sections/news/', '/authors/ada-quill/', '/authors/']) {
      const html = page(urlPath);
      expect(text(html.querySelector('.masthead__name')), urlPath).toBe(settings.siteName);
      const nav = html.querySelector('nav[aria-label="Sections"]');
      expect(nav?.querySelector('a[href="/sections/features/"]'), urlPath).not.toBeNull();
      expect(html.querySelector('footer'), urlPath).not.toBeNull();
      expect(html.querySelector('main#main'), urlPath).not.toBeNull();
    }
  });
});
