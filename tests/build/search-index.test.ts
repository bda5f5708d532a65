import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveSearchRecords } from '../../src/search/archive-records';
import { readArchive } from '../../src/archive/read-archive';
import type { SearchRecord } from '../../src/search/records';
import settings from '../../src/settings';
import { projectRoot } from '../helpers/astro-build';
import { buildLog, builtSite, type SiteName } from '../helpers/built-site';

const contentDir = path.join(projectRoot, 'tests/fixtures/site');

afterAll(() => pagefind.close());

/** The records the content loader hands to Pagefind in a build of the fixture folder under `basePath`. */
async function records(basePath = '/'): Promise<SearchRecord[]> {
  const options = { contentDir, displayRoot: projectRoot, settings, basePath };
  return archiveSearchRecords({ archive: await readArchive(options), options }, { locale: settings.locale, timeZone: settings.timeZone });
}

/** Every file of an index built in the Pagefind service by `add`, by path. */
async function indexFiles(add: (index: pagefind.PagefindIndex) => Promise<void>): Promise<Map<string, Buffer>> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(errors.join('; '));
  await add(index);
  const built = await index.getFiles();
  expect(built.errors).toEqual([]);
  await index.deleteIndex();
  return new Map(built.files.map((file) => [file.path, Buffer.from(file.content)]));
}

/** The fragments (one per indexed page) of one part of a built site's search index: url, content, filters, meta. */
function fragments(site: string, part = ''): Array<{ url: string; content: string; filters: Record<string, string[]>; meta: Record<string, string> }> {
  const dir = path.join(site, 'pagefind', part, 'fragment');
  return readdirSync(dir).map((name) => JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')));
}

/** Pages in one part of a built site's search index, by its entry file. */
function pageCount(site: string, part = ''): number[] {
  const entry = JSON.parse(readFileSync(path.join(site, 'pagefind', part, 'pagefind-entry.json'), 'utf8'));
  return Object.values(entry.languages).map((language) => (language as { page_count: number }).page_count);
}

/** The publication year of a fixture article's page, from the `datetime` of its date line. */
function pageYear(site: string, slug: string): number {
  const page = readFileSync(path.join(site, 'articles', slug, 'index.html'), 'utf8');
  return Number(/<p class="article__dates"[^>]*><time datetime="(\d{4})/.exec(page)![1]);
}

describe('the search index of a public build', () => {
  it('is built from the content loader’s records, one per article, and no other page: this year’s stories in the main part, earlier years in the archive part', () => {
    const site = builtSite('fixture');
    const articles = readdirSync(path.join(site, 'articles'));
    expect(articles.length).toBeGreaterThan(10);
    // Each part indexed by this build, or copied from the run's search-index cache when an earlier build of the same folder (the
    // keyed one, whose records are the same) indexed the same records: which one depends on the order test files run in.
    expect(buildLog('fixture')).toMatch(
      new RegExp(`\\[masthead-pagefind\\] search index of ${articles.length} articles from the content loader's records: the main part(?::| unchanged) .*; the archive-2022-2023 part`),
    );
    const newest = Math.max(...articles.map((slug) => pageYear(site, slug)));
    const main = articles.filter((slug) => pageYear(site, slug) === newest);
    const archive = articles.filter((slug) => pageYear(site, slug) < newest);
    expect(newest).toBe(2024);
    expect(main.length).toBeGreaterThan(3);
    expect(archive.length).toBeGreaterThan(3);
    expect(pageCount(site)).toEqual([main.length]);
    expect(pageCount(site, 'archive-2022-2023')).toEqual([archive.length]);
    expect(fragments(site).map((fragment) => decodeURIComponent(fragment.url)).sort()).toEqual(main.map((slug) => `/articles/${slug}/`).sort());
    expect(fragments(site, 'archive-2022-2023').map((fragment) => decodeURIComponent(fragment.url)).sort()).toEqual(
      archive.map((slug) => `/articles/${slug}/`).sort(),
    );
  });

  it('indexes the headline, standfirst and free part as words, and the section, byline and dates only as filters and metadata', () => {
    const fragment = fragments(builtSite('fixture')).find((item) => item.url === '/articles/no-marker-default/');
    expect(fragment).toBeDefined();
    expect(fragment!.content).toMatch(/^River levels fall after a week of warnings\. Flood alerts along the lower valley were lifted on Saturday morning\. Free paragraph papa/);
    expect(fragment!.content).not.toMatch(/Ada Quill|Chief reporter|January 2024|Updated|^News/);
    expect(fragment!.filters).toEqual({ access: ['subscribers'], author: ['Ada Quill'], section: ['News'] });
    expect(fragment!.meta).toMatchObject({
      title: 'River levels fall after a week of warnings',
      date: '20 January 2024, 06:00',
      datetime: '2024-01-20T06:00:00.000Z',
      section_url: '/sections/news/',
      access: 'subscribers',
    });
    // The label is metadata for the result to show over its headline, not a word of the excerpt.
    const labelled = fragments(builtSite('fixture'), 'archive-2022-2023').find((item) => item.url === '/articles/marker-top-level/');
    expect(labelled!.meta.label).toBe('Interview');
    expect(labelled!.content).not.toMatch(/^Interview/);
  });

  // The record stands in for the page: given the same pages in the same order,
  // Pagefind must write the same bytes (words, weights, excerpts, filters, meta).
  // One difference, on purpose: Pagefind reads the id of a keyed page's sealed
  // part (`<script id="masthead-paid">`) as an anchor with no text, a sub-result
  // pointing into ciphertext; records have no sealed part.
  it.each<[SiteName, string]>([
    ['fixture', '/'],
    ['subpath', '/paper/'],
    ['keyed', '/'],
  ])('indexes each article of the %s build exactly as Pagefind reads its built page', async (name, basePath) => {
    const site = builtSite(name);
    const handed = await records(basePath);
    let sealed = 0;
    const fromPages = await indexFiles(async (index) => {
      for (const record of handed) {
        const page = readFileSync(path.join(site, decodeURIComponent(record.url), 'index.html'), 'utf8');
        const content = page.replace(/<script type="application\/json" id="masthead-paid">[^<]*<\/script>/, () => (sealed++, ''));
        expect((await index.addHTMLFile({ url: record.url, content })).errors).toEqual([]);
      }
    });
    if (name === 'keyed') expect(sealed).toBeGreaterThan(5);
    else expect(sealed).toBe(0);
    const fromRecords = await indexFiles(async (index) => {
      for (const record of handed) expect((await index.addHTMLFile(record)).errors).toEqual([]);
    });
    expect([...fromRecords.keys()].sort()).toEqual([...fromPages.keys()].sort());
    const differing = [...fromPages].filter(([file, bytes]) => !bytes.equals(fromRecords.get(file)!)).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});
