/**
 * Pages, only what changed: a rebuild copies every page whose code and
 * `cacheKey` (src/layouts/page-keys.ts) are unchanged from the last build and
 * renders the rest. A key that misses something a page shows serves that page
 * stale, so after each kind of change a newsroom makes, the rebuild is compared
 * byte for byte with the same site rendered from scratch (the same bodies and
 * pictures from the cache, every page rendered).
 *
 * The incremental builds render their article pages in two page threads
 * (src/page-threads/), the builds from scratch in the build's own thread only:
 * so every comparison also says that the threads make the same pages, and
 * that the record Astro keeps of a page rendered in a thread serves the next build.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectRoot } from '../helpers/astro-build';
import { PAID } from '../helpers/fixture-paid';
import { paidSentences } from '../helpers/paid-text';
import { differences, findInSite, listFiles } from '../helpers/site-files';

const work = mkdtempSync(path.join(os.tmpdir(), 'masthead-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');
const cache = path.join(work, 'cache');
const astroCaches = path.join(cache, 'astro');
const env = { CONTENT_DIR: content, BUILD_TIME: '2024-08-05T10:00:00+01:00', MASTHEAD_CACHE_DIR: cache };

/** Builds into `out`, article pages in `pageThreads` page threads; returns the log. */
function build(out: string, pageThreads = 2): string {
  const result = astroBuild({ ...env, OUT_DIR: out, MASTHEAD_PAGE_THREADS: String(pageThreads) });
  if (result.code !== 0) throw new Error(`the build failed:\n${result.output}`);
  return result.output;
}

/** The pages a build copied from the last one, by output path (Astro marks their log lines). */
function reused(log: string): string[] {
  return [...log.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((match) => match[1]!);
}

/** Rebuilds incrementally, then from scratch with Astro's cache folder removed; returns both outputs and the incremental log. */
function rebuildBothWays(name: string): { incremental: string; scratch: string; log: string; linked: string[] } {
  const incremental = path.join(work, `${name}-incremental`);
  const log = build(incremental);
  // Pages of the rebuild that are one file with Astro's copy in its cache: linked, not copied (pictures and cards
  // come from their own caches the same way).
  const linked = listFiles(incremental).filter((file) => /(?:\.html|rss\.xml)$/.test(file) && statSync(path.join(incremental, file)).nlink > 1);
  // Keep the incremental cache aside while the page-for-page build renders everything (moved, not copied: its
  // pages stay one file with the rebuild's, as they are between two builds).
  const kept = path.join(work, `${name}-astro-cache`);
  renameSync(astroCaches, kept);
  const scratch = path.join(work, `${name}-scratch`);
  const scratchLog = build(scratch, 0);
  expect(reused(scratchLog)).toEqual([]);
  rmSync(astroCaches, { recursive: true, force: true });
  renameSync(kept, astroCaches);
  return { incremental, scratch, log, linked };
}

/** Every file of a folder with its bytes, to see that nothing was written to it. */
function contents(folder: string): Map<string, string> {
  return new Map(listFiles(folder).map((file) => [file, readFileSync(path.join(folder, file), 'base64')]));
}

const article = (slug: string) => {
  const found = listFiles(path.join(content, 'articles')).find((file) => file.endsWith(`/${slug}.md`));
  if (!found) throw new Error(`no article ${slug} in the fixture`);
  return path.join(content, 'articles', found);
};
const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${file}: nothing to replace for ${String(from)}`);
  writeFileSync(file, changed);
};

describe('incremental builds', () => {
  let firstLog = '';
  beforeAll(() => {
    // The fixture site: every kind of cut, planted paid words, three writers, tags and an empty section.
    cpSync(path.join(projectRoot, 'tests', 'fixtures', 'site'), content, { recursive: true });
    firstLog = build(path.join(work, 'first'));
  });

  it('render every page the first time; after a changed body, render that story again and copy the rest, as a build from scratch would make them', () => {
    expect(reused(firstLog)).toEqual([]);
    const articles = listFiles(path.join(work, 'first', 'articles')).filter((file) => file.endsWith('/index.html')).length;
    expect(firstLog).toContain(`${articles} article pages rendered in 2 page threads; 1 also in the build's own thread, the same byte for byte`);
    // Emphasis on one word of the free part: the same words, so no list under any article changes.
    edit(article('more-ada-3'), /\n---\nMarket /, '\n---\n*Market* ');
    const { incremental, scratch, log, linked } = rebuildBothWays('body');
    expect(differences(incremental, scratch)).toEqual([]);
    // Kept pages are linked from Astro's cache, not copied; the story rendered again is a file of its own: linked,
    // then its link taken back before it was rendered again.
    expect(log).toContain(`${linked.length + 1} pages of the last build linked into the output`);
    expect(linked).toContain('articles/more-ada-2/index.html');
    expect(linked).not.toContain('articles/more-ada-3/index.html');
    // One article page to render: one page thread's work, checked as the first always is.
    expect(log).toContain("1 article page rendered in 2 page threads; 1 also in the build's own thread, the same byte for byte");
    const copied = reused(log);
    const rendered = listFiles(incremental).filter((file) => file.endsWith('.html') && !copied.includes(`/${file}`));
    // The story's own page and the pages that are never kept (the front page, 404, search and the like).
    expect(rendered.filter((file) => file.startsWith('articles/'))).toEqual(['articles/more-ada-3/index.html']);
    expect(copied.some((file) => file.startsWith('/sections/'))).toBe(true);
    expect(copied.some((file) => file.startsWith('/authors/'))).toBe(true);
    expect(copied.some((file) => file.startsWith('/tags/'))).toBe(true);
    // Feeds show headlines and standfirsts, not bodies: every section, author and tag feed is copied.
    expect(copied).toEqual(expect.arrayContaining(['/sections/news/rss.xml', '/authors/ada-quill/rss.xml', '/tags/flooding/rss.xml']));
  });

  it('after a new story, a story taken down, a changed headline, and a writer, a section and a tag renamed, match a build from scratch, and never write into the site being served', () => {
    // The last rebuild's output stands for the site being served: its kept pages are one file with Astro's copies,
    // and this rebuild renders some of them again (the retitled story's, the renamed writer's).
    const served = path.join(work, 'body-incremental');
    expect(statSync(path.join(served, 'articles', 'more-ada-2', 'index.html')).nlink).toBeGreaterThan(1);
    const servedBefore = contents(served);
    edit(article('more-ada-2'), /^title: .*$/m, "title: Ada's market story, retitled");
    // Taken down: its entry must leave the data store the rebuild starts from, and its page the site.
    rmSync(article('more-ada-4'));
    const newest = readFileSync(article('more-ada-5'), 'utf8')
      .replace(/^date: .*$/m, 'date: 2024-08-01')
      .replace(/^title: .*$/m, 'title: The valley market closes for the summer');
    writeFileSync(path.join(content, 'articles', '2024', 'market-closes.md'), newest);
    edit(path.join(content, 'authors', 'ben-ink.md'), /^name: Ben Ink$/m, 'name: Ben Inkwell');
    edit(path.join(content, 'sections.yaml'), /^ {2}name: Features$/m, '  name: Features and longer reads');
    // A tag given to two stories: its page appears, and both stories link to it.
    for (const slug of ['marker-top-level', 'no-marker-default']) edit(article(slug), /^tags: \[/m, 'tags: [incremental build test, ');

    const { incremental, scratch, log } = rebuildBothWays('names');
    expect(differences(incremental, scratch)).toEqual([]);
    expect(contents(served)).toEqual(servedBefore);
    expect(readFileSync(path.join(incremental, 'articles', 'more-ada-2', 'index.html'), 'utf8')).toContain('retitled');
    expect(existsSync(path.join(incremental, 'tags', 'incremental-build-test', 'index.html'))).toBe(true);
    expect(reused(log)).not.toContain('/articles/market-closes/index.html');
    expect(existsSync(path.join(incremental, 'articles', 'more-ada-4'))).toBe(false);
  });

  it('publish no paid word, in the site or in the pages it keeps for the next build', () => {
    const paid = [...PAID, ...paidSentences(content, 3)];
    expect(findInSite(path.join(work, 'names-incremental'), paid)).toEqual([]);
    const [pages] = readdirSync(astroCaches).filter((name) => name.startsWith('public-'));
    expect(pages).toBeDefined();
    expect(listFiles(path.join(astroCaches, pages!, 'dist')).length).toBeGreaterThan(20);
    expect(findInSite(path.join(astroCaches, pages!, 'dist'), paid)).toEqual([]);
  });

  it('render every page again when the last build stopped halfway', () => {
    const [pages] = readdirSync(astroCaches).filter((name) => name.startsWith('public-'));
    // What a killed build leaves: the mark written when its pages started.
    writeFileSync(path.join(astroCaches, pages!, 'masthead-build-unfinished'), '99999\n');
    const log = build(path.join(work, 'after-a-stop'));
    expect(log).toContain('the last build with this cache did not finish: every page is rendered again');
    expect(reused(log)).toEqual([]);
  });
});
