/**
 * Pages, only what changed: a rebuild copies every page whose code and
 * `cacheKey` (src/layouts/page-keys.ts) are unchanged from the last build and
 * renders the rest. A key that misses something a page shows serves that page
 * stale, so after each kind of change a newsroom makes, the rebuild is compared
 * byte for byte with the same site rendered from scratch (the same bodies and
 * pictures from the cache, every page rendered).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, projectRoot } from '../helpers/astro-build';
import { paidSentences } from '../helpers/paid-text';
import { findInSite, listFiles } from '../helpers/site-files';

const work = mkdtempSync(path.join(os.tmpdir(), 'masthead-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = path.join(work, 'content');
const cache = path.join(work, 'cache');
const astroCaches = path.join(cache, 'astro');
const env = { CONTENT_DIR: content, BUILD_TIME: '2026-11-21T09:00:00Z', MASTHEAD_CACHE_DIR: cache };

/** Every file of two folders, compared byte for byte: the paths that differ. */
function differences(a: string, b: string): string[] {
  const files = [...new Set([...listFiles(a), ...listFiles(b)])].sort();
  return files.filter((file) => {
    const left = path.join(a, file);
    const right = path.join(b, file);
    return !existsSync(left) || !existsSync(right) || !readFileSync(left).equals(readFileSync(right));
  });
}

/** Builds into `out`; returns the log. */
function build(out: string): string {
  const result = astroBuild({ ...env, OUT_DIR: out });
  if (result.code !== 0) throw new Error(`the build failed:\n${result.output}`);
  return result.output;
}

/** The pages a build copied from the last one, by output path (Astro marks their log lines). */
function reused(log: string): string[] {
  return [...log.matchAll(/├─ (\S+) \((?:cached|restored)\)/g)].map((match) => match[1]!);
}

/** Rebuilds incrementally, then from scratch with Astro's cache folder removed; returns both outputs and the incremental log. */
function rebuildBothWays(name: string): { incremental: string; scratch: string; log: string } {
  const incremental = path.join(work, `${name}-incremental`);
  const log = build(incremental);
  // Keep the incremental cache aside while the page-for-page build renders everything.
  const kept = path.join(work, `${name}-astro-cache`);
  cpSync(astroCaches, kept, { recursive: true });
  rmSync(astroCaches, { recursive: true, force: true });
  const scratch = path.join(work, `${name}-scratch`);
  const scratchLog = build(scratch);
  expect(reused(scratchLog)).toEqual([]);
  rmSync(astroCaches, { recursive: true, force: true });
  cpSync(kept, astroCaches, { recursive: true });
  return { incremental, scratch, log };
}

const article = (slug: string) => {
  const found = listFiles(path.join(content, 'articles')).find((file) => file.endsWith(`/${slug}.md`));
  if (!found) throw new Error(`no article ${slug} in the sample content`);
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
    cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    firstLog = build(path.join(work, 'first'));
  });

  it('render every page the first time, and copy every keyed page when nothing changed', () => {
    expect(reused(firstLog)).toEqual([]);
    const again = build(path.join(work, 'again'));
    const copied = reused(again);
    // Every article, section, author and tag page; the front page, feeds and the like are always rendered.
    expect(copied.filter((file) => file.startsWith('/articles/')).length).toBe(
      readdirSync(path.join(work, 'first', 'articles')).length,
    );
    expect(copied.some((file) => file.startsWith('/sections/'))).toBe(true);
    expect(copied.some((file) => file.startsWith('/authors/'))).toBe(true);
    expect(differences(path.join(work, 'first'), path.join(work, 'again'))).toEqual([]);
  });

  it('after a changed body, match a build from scratch, rendering that one story again', () => {
    // Emphasis on one word of the free part: the same words, so no list under any article changes.
    edit(article('pilot-house-theatre-reopens'), /\n---\n(\S+) /, '\n---\n*$1* ');
    const { incremental, scratch, log } = rebuildBothWays('body');
    expect(differences(incremental, scratch)).toEqual([]);
    const rendered = listFiles(incremental).filter((file) => file.endsWith('.html') && !reused(log).includes(`/${file}`));
    // The story's own page, and the pages that are never kept (the front page, 404, search and the like).
    expect(rendered).toContain('articles/pilot-house-theatre-reopens/index.html');
    expect(rendered.filter((file) => file.startsWith('articles/'))).toEqual(['articles/pilot-house-theatre-reopens/index.html']);
  });

  it('after a new story, a changed headline, and a writer, a section and a tag renamed, match a build from scratch', () => {
    edit(article('storm-surge-floods-saltings'), /^title: .*$/m, 'title: "Surge floods the Saltings as sea wall gives way"');
    const newest = readFileSync(article('tollgate-park-ground-grading-bill'), 'utf8')
      .replace(/^date: .*$/m, 'date: 2026-11-20')
      .replace(/^title: .*$/m, 'title: "Tollgate Park floodlights approved"');
    writeFileSync(path.join(content, 'articles', '2026', 'tollgate-floodlights-approved.md'), newest);
    edit(path.join(content, 'authors', 'ruth-abernethy.md'), /^name: Ruth Abernethy$/m, 'name: Ruth Abernethy-Vale');
    edit(path.join(content, 'sections.yaml'), /^ {2}name: Business$/m, '  name: Business and trade');
    // A tag given to two stories: its page appears, and both stories link to it.
    for (const slug of ['fireball-seen-across-lesterholm', 'kilnbank-library-among-draft-budget-cuts']) {
      edit(article(slug), /^tags:\n/m, 'tags:\n  - incremental build test\n');
    }

    const { incremental, scratch, log } = rebuildBothWays('names');
    expect(differences(incremental, scratch)).toEqual([]);
    expect(existsSync(path.join(incremental, 'tags', 'incremental-build-test', 'index.html'))).toBe(true);
    expect(reused(log)).not.toContain('/articles/tollgate-floodlights-approved/index.html');
  });

  it('publish no paid sentence, in the site or in the pages it keeps for the next build', () => {
    const paid = paidSentences(content, 3);
    expect(paid.length).toBeGreaterThan(20);
    expect(findInSite(path.join(work, 'names-incremental'), paid)).toEqual([]);
    const [pages] = readdirSync(astroCaches).filter((name) => name.startsWith('public-'));
    expect(pages).toBeDefined();
    expect(listFiles(path.join(astroCaches, pages!, 'dist')).length).toBeGreaterThan(30);
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
