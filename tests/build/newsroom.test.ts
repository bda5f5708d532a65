import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build';
import { bodyCacheDir } from '../helpers/built-site';
import { startDevServer, stopDevServer, type DevServer } from '../helpers/dev-server';
import { findInSite, listFiles, readPage } from '../helpers/site-files';

/** `tests/fixtures/newsroom`, built on the morning of 10 June 2026 (London summer time). */
const CONTENT_DIR = 'tests/fixtures/newsroom';
const BUILD_TIME = '2026-06-10T09:00:00Z';

/** Words, slugs and phrases of the draft and the two embargoed pieces: none may be anywhere in a public build. */
const unpublished = [
  'zephyrquill',
  'marblewhisk',
  'crane-zephyrquill-draft',
  'crane-marblewhisk-embargo',
  'quay-marblewhisk-tomorrow',
  'move the new harbour crane from the east quay to the west quay',
  'contract was signed before the east quay survey was finished',
];

const builds = new Map<string, { dir: string; log: string }>();

/** Builds the newsroom fixture once per run and environment (public or preview). */
function build(name: 'public' | 'preview'): { dir: string; log: string } {
  const done = builds.get(name);
  if (done) return done;
  const dir = path.join(inject('runDir'), `newsroom-${name}`);
  const result = astroBuild({
    CONTENT_DIR,
    BUILD_TIME,
    OUT_DIR: dir,
    MASTHEAD_CACHE_DIR: bodyCacheDir(),
    ...(name === 'preview' ? { PREVIEW: '1' } : {}),
  });
  if (result.code !== 0) throw new Error(`Building ${CONTENT_DIR} (${name}) failed:\n${result.output}`);
  const built = { dir, log: result.output };
  builds.set(name, built);
  return built;
}

const text = (html: string, selector: string) => parse(html).querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() ?? '';

describe('drafts and embargoes in a public build', () => {
  let site = '';
  let log = '';
  beforeAll(() => {
    ({ dir: site, log } = build('public'));
  });

  it('leaves no trace of a draft or an embargoed piece in any file, file name or similar-stories list', () => {
    expect(findInSite(site, unpublished)).toEqual([]);
    const names = listFiles(site).filter((file) => /zephyrquill|marblewhisk/i.test(file));
    expect(names).toEqual([]);
  });

  it('still publishes the other articles, with similar stories among themselves', () => {
    const html = readPage(site, '/articles/harbour-crane-arrives/');
    const similar = parse(html)
      .querySelectorAll('[data-list="similar-stories"] a')
      .map((link) => link.getAttribute('href'));
    expect(similar).toContain('/articles/crane-costs-questioned/');
    expect(existsSync(path.join(site, 'articles/library-reopens/index.html'))).toBe(true);
  });

  it('prints when the next embargoed piece falls due', () => {
    expect(log).toContain('next embargo: crane-marblewhisk-embargo at 2026-06-10T11:20:00.000Z (in 2 h 20 min)');
  });

  it('lets search engines index the public build', () => {
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).not.toMatch(/Disallow: \/\s*$/m);
    expect(readPage(site, '/articles/harbour-crane-arrives/')).not.toContain('noindex');
  });
});

describe('drafts and embargoes in a preview build (PREVIEW=1)', () => {
  let site = '';
  beforeAll(() => {
    ({ dir: site } = build('preview'));
  });

  it('shows a draft with a DRAFT banner', () => {
    const html = readPage(site, '/articles/crane-zephyrquill-draft/');
    expect(text(html, '.publication-banner')).toMatch(/^DRAFT — not published/);
    expect(text(html, 'h1')).toBe('Zephyrquill plan for the harbour crane');
  });

  it('shows an embargoed piece with the moment its embargo lifts, in the paper’s zone', () => {
    const html = readPage(site, '/articles/crane-marblewhisk-embargo/');
    expect(text(html, '.publication-banner')).toContain('EMBARGOED until 10 June 2026, 12:20 (Europe/London)');
    expect(parse(html).querySelector('.publication-banner time')?.getAttribute('datetime')).toBe('2026-06-10T11:20:00.000Z');
    expect(readPage(site, '/articles/quay-marblewhisk-tomorrow/')).toContain('EMBARGOED');
  });

  it('holds the pieces a public build leaves out (so the public scan would see them if they leaked)', () => {
    expect(findInSite(site, ['zephyrquill', 'marblewhisk']).length).toBeGreaterThan(0);
  });

  it('puts no banner on a published article', () => {
    expect(readPage(site, '/articles/harbour-crane-arrives/')).not.toContain('publication-banner');
  });

  it('is noindex on every page and disallows everything in robots.txt', () => {
    const pages = listFiles(site).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    const indexable = pages.filter((file) => !/<meta name="robots" content="noindex"/.test(readFileSync(path.join(site, file), 'utf8')));
    expect(indexable).toEqual([]);
    expect(readFileSync(path.join(site, 'robots.txt'), 'utf8')).toBe('User-agent: *\nDisallow: /\n');
  });
});

describe('corrections', () => {
  let site = '';
  beforeAll(() => {
    ({ dir: site } = build('public'));
  });

  it('shows a corrections box at the end of the free part of a paywalled article, before the cut-off', () => {
    const html = readPage(site, '/articles/harbour-crane-arrives/');
    const box = parse(html).querySelector('.corrections');
    expect(box?.querySelector('h2')?.textContent).toBe('Corrections');
    expect(box?.querySelectorAll('li').map((item) => item.textContent.replace(/\s+/g, ' ').trim())).toEqual([
      '2 June 2026: The crane came from Aberdeen, not Dundee as first reported.',
      '4 June 2026, 16:30: The east quay, not the west quay, will take the crane’s first containers.',
    ]);
    const order = ['article__body', 'corrections', 'free-limit'].map((name) => html.indexOf(`class="${name}`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).not.toContain('sand ballast');
  });

  it('gives the corrections to machines as schema.org CorrectionComments', () => {
    const script = parse(readPage(site, '/articles/harbour-crane-arrives/')).querySelector('script[type="application/ld+json"]')!;
    const data = JSON.parse(script.textContent) as { correction: unknown };
    expect(data.correction).toEqual([
      // A bare date: the start of 2 June in London (summer time).
      { '@type': 'CorrectionComment', datePublished: '2026-06-01T23:00:00.000Z', text: 'The crane came from Aberdeen, not Dundee as first reported.' },
      { '@type': 'CorrectionComment', datePublished: '2026-06-04T15:30:00.000Z', text: 'The east quay, not the west quay, will take the crane’s first containers.' },
    ]);
    expect(readPage(site, '/articles/library-reopens/')).not.toContain('CorrectionComment');
    expect(readPage(site, '/articles/library-reopens/')).not.toContain('class="corrections');
  });

  it('lists recent corrections newest first on /corrections/, each linking its article, linked from every footer', () => {
    const page = parse(readPage(site, '/corrections/'));
    const items = page.querySelectorAll('.corrections-page__list > li').map((item) => ({
      href: item.querySelector('a')?.getAttribute('href'),
      text: item.querySelectorAll('p').map((line) => line.textContent.trim()),
    }));
    expect(items.map((item) => item.href)).toEqual([
      '/articles/crane-costs-questioned/',
      '/articles/harbour-crane-arrives/',
      '/articles/harbour-crane-arrives/',
    ]);
    expect(items[0]!.text).toEqual(['6 June 2026', 'Councillors question the cost of the harbour crane', 'The finance committee met on Thursday, not Wednesday.']);
    const footer = parse(readPage(site, '/articles/library-reopens/')).querySelectorAll('footer a').map((link) => link.getAttribute('href'));
    expect(footer).toContain('/corrections/');
  });
});

describe('labels', () => {
  let site = '';
  beforeAll(() => {
    ({ dir: site } = build('public'));
  });
  const jsonLdType = (slug: string) =>
    (JSON.parse(parse(readPage(site, `/articles/${slug}/`)).querySelector('script[type="application/ld+json"]')!.textContent) as { '@type': string })['@type'];

  it('shows the label, spelled as in the settings, just above the headline', () => {
    const header = parse(readPage(site, '/articles/leave-the-crane-alone/')).querySelector('.article__header')!;
    expect(header.querySelector('.article__label')?.textContent).toBe('Opinion');
    expect(header.querySelector('.article__label')?.nextElementSibling?.tagName).toBe('H1');
    expect(parse(readPage(site, '/articles/library-reopens/')).querySelector('.article__label')).toBeNull();
  });

  it('shows the label on story cards', () => {
    const cards = parse(readPage(site, '/authors/ben/')).querySelectorAll('.story');
    const costs = cards.find((card) => card.textContent.includes('Councillors question'));
    expect(costs?.querySelector('.story__label')?.textContent).toBe('Analysis');
    expect(costs?.querySelector('.story__label')?.nextElementSibling?.classList.contains('story__title')).toBe(true);
  });

  it('gives labelled articles their schema.org type', () => {
    expect(jsonLdType('leave-the-crane-alone')).toBe('OpinionNewsArticle');
    expect(jsonLdType('crane-costs-questioned')).toBe('AnalysisNewsArticle');
    expect(jsonLdType('library-reopens')).toBe('NewsArticle');
  });
});

describe('articles by several authors', () => {
  let site = '';
  beforeAll(() => {
    ({ dir: site } = build('public'));
  });
  const slug = 'who-pays-for-the-quay';

  it('names every author in the byline, each a link to their page', () => {
    const byline = parse(readPage(site, `/articles/${slug}/`)).querySelector('.article__byline')!;
    expect(byline.textContent.replace(/\s+/g, ' ').trim()).toBe('By Ben Ink and Ada Quill');
    expect(byline.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(['/authors/ben/', '/authors/ada/']);
  });

  it('lists the article on every author’s page and in every author’s feed', () => {
    for (const author of ['ben', 'ada']) {
      expect(readPage(site, `/authors/${author}/`), author).toContain(`/articles/${slug}/`);
      expect(readFileSync(path.join(site, `authors/${author}/rss.xml`), 'utf8'), author).toContain(`/articles/${slug}/`);
    }
    expect(readPage(site, '/authors/cleo/')).not.toContain(`/articles/${slug}/`);
  });

  it('gives every author to machines, and shows the first author’s More from this author', () => {
    const html = parse(readPage(site, `/articles/${slug}/`));
    const data = JSON.parse(html.querySelector('script[type="application/ld+json"]')!.textContent) as { author: { name: string }[] };
    expect(data.author.map((author) => author.name)).toEqual(['Ben Ink', 'Ada Quill']);
    const more = html.querySelectorAll('[data-list="more-from-author"] .story__title a').map((link) => link.getAttribute('href'));
    expect(more).toEqual(['/articles/crane-costs-questioned/']);
  });

  it('counts the piece in each co-author’s More from this author on their other articles', () => {
    const more = parse(readPage(site, '/articles/harbour-crane-arrives/'))
      .querySelectorAll('[data-list="more-from-author"] .story__title a')
      .map((link) => link.getAttribute('href'));
    expect(more).toEqual([`/articles/${slug}/`, '/articles/library-reopens/']);
  });
});

describe('drafts and embargoes in npm run dev', () => {
  let server: DevServer | undefined;
  beforeAll(async () => {
    server = await startDevServer({ CONTENT_DIR, BUILD_TIME, MASTHEAD_CACHE_DIR: 'off', MASTHEAD_THREADS: '1' });
  });
  afterAll(async () => {
    await stopDevServer(server?.child);
  });

  it('shows a draft and an embargoed piece, each with its banner, without PREVIEW', async () => {
    const draft = await fetch(`${server!.origin}/articles/crane-zephyrquill-draft/`);
    expect(draft.status).toBe(200);
    expect(text(await draft.text(), '.publication-banner')).toMatch(/^DRAFT/);
    const embargoed = await fetch(`${server!.origin}/articles/crane-marblewhisk-embargo/`);
    expect(text(await embargoed.text(), '.publication-banner')).toContain('EMBARGOED until 10 June 2026, 12:20');
  });
});
