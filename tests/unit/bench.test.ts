import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editOneArticle, generateCorpus } from '../../bench/corpus';
import { parsePhases } from '../../bench/phases';
import { readArchive } from '../../src/archive/read-archive';

const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 4, similar: 4 } };
const tmp = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every file of a folder, relative path → text. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(files.map((entry) => {
    const file = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, file), readFileSync(file, 'utf8')];
  }));
}

describe('the benchmark corpus generator', () => {
  it('writes an archive that the build reads without a problem or a warning', async () => {
    const corpus = generateCorpus({ dir: path.join(tmp, 'a'), articles: 60, seed: 7 });
    const archive = await readArchive({ contentDir: corpus.dir, displayRoot: tmp, settings });
    expect(archive.warnings).toEqual([]);
    expect(archive.articles).toHaveLength(60);
    expect(archive.authors).toHaveLength(40);
    expect(archive.sections.length).toBeGreaterThanOrEqual(8);
    expect(archive.sections.length).toBeLessThanOrEqual(12);
    const paywalled = archive.articles.filter((entry) => entry.data.access === 'subscribers');
    expect(paywalled.length).toBeGreaterThan(40);
    expect(archive.articles.some((entry) => entry.data.access === 'free')).toBe(true);
    expect(paywalled.filter((entry) => entry.data.cut).length).toBeGreaterThan(paywalled.length * 0.8);
    // Latent topics: most articles find similar stories.
    expect(archive.articles.filter((entry) => entry.data.similar.length > 0).length).toBeGreaterThan(30);
    // One in five has a lead picture, which the build finds and measures, and plans to process.
    expect(corpus.pictures).toBe(12);
    expect(archive.articles.filter((entry) => entry.data.image).length).toBe(12);
    expect(new Set(archive.images.map((job) => job.source)).size).toBe(12);
  });

  it('gives bodies of about 900 words on average', () => {
    const corpus = generateCorpus({ dir: path.join(tmp, 'b'), articles: 200, seed: 3 });
    expect(corpus.words / 200).toBeGreaterThan(750);
    expect(corpus.words / 200).toBeLessThan(1050);
  });

  it('writes the same files for the same seed and different ones for another', () => {
    const one = snapshot(generateCorpus({ dir: path.join(tmp, 'c1'), articles: 20, seed: 11 }).dir);
    const two = snapshot(generateCorpus({ dir: path.join(tmp, 'c2'), articles: 20, seed: 11 }).dir);
    const other = snapshot(generateCorpus({ dir: path.join(tmp, 'c3'), articles: 20, seed: 12 }).dir);
    expect([...two]).toEqual([...one]);
    expect([...other]).not.toEqual([...one]);
  });

  it('edits one article body and nothing else', () => {
    const corpus = generateCorpus({ dir: path.join(tmp, 'd'), articles: 20, seed: 5 });
    const before = snapshot(corpus.dir);
    const changed = path.relative(corpus.dir, editOneArticle(corpus));
    const after = snapshot(corpus.dir);
    expect([...after.keys()].filter((file) => after.get(file) !== before.get(file))).toEqual([changed]);
    // In the first paragraph, before any free limit: the change reaches the public page and the search index.
    const body = after.get(changed)!.split('\n---\n')[1]!;
    expect(body.split('\n\n')[0]).toMatch(/An editor added this sentence after publication\.$/);
  });
});

describe('the benchmark log reader', () => {
  // An Astro 7 build log as bench/build-child.ts prints it (page lines shortened).
  const log = [
    '[+5923.7] 18:57:55 [content] Syncing content',
    '[+6100.0] 18:57:55 [masthead-articles] phase lists: 812 ms',
    '[+10957.5] 18:58:00 [content] Synced content',
    '[+10961.5] 18:58:00 [types] Generated 7.59s',
    '[+10962.1] 18:58:00 [build] Collecting build info...',
    '[+10964.6] 18:58:00 [build] Building static entrypoints...',
    '[+12910.4] 18:58:02 [vite] ✓ built in 1.88s',
    '[+13174.8] 18:58:02 [build] Rearranging server assets...',
    '[+13201.1]  generating static routes ',
    '[+13300.0] 18:58:02 ▶ src/pages/articles/[slug].astro',
    '[+13400.0] 18:58:02   └─ /articles/one/index.html (+12ms)',
    '[+16235.0] 18:58:05 ✓ Completed in 3.06s.',
    '[+16246.9] 18:58:05 [build] ✓ Completed in 5.28s.',
    '[+16389.8] 18:58:05 [@astrojs/sitemap] `sitemap-index.xml` created at `dist`',
    '[+17965.6] 18:58:07 [masthead-pagefind] indexed 211 pages for search',
    '[+17968.2] 18:58:07 [build] 211 page(s) built in 14.64s',
    'BENCH-CHILD {}',
  ].join('\n');

  it('times each phase between the markers Astro prints', () => {
    const phases = parsePhases(log);
    expect(phases.startup).toBeCloseTo(5923.7);
    expect(phases.content).toBeCloseTo(10957.5 - 5923.7);
    expect(phases.bundle).toBeCloseTo(13201.1 - 10964.6);
    expect(phases.pages).toBeCloseTo(16235.0 - 13201.1);
    expect(phases.finish).toBeCloseTo(17968.2 - 16235.0);
    expect(phases.search).toBeCloseTo(17965.6 - 16389.8);
    expect(phases.total).toBeCloseTo(17968.2);
    expect(phases.pageCount).toBe(211);
  });

  it('picks up phase lines from the build\'s own code and leaves out phases it cannot see', () => {
    expect(parsePhases(log).extra).toEqual({ lists: 812 });
    const fedWhilePagesRender = log.replace('indexed 211 pages for search', "indexed 200 articles for search from the content loader's records");
    expect(parsePhases(fedWhilePagesRender).search).toBeCloseTo(17965.6 - 16389.8);
    const slowHook = log.replace('[+17965.6]', '[+16900.0] 18:58:06 [build] Waiting for integration "masthead-pagefind", hook "astro:build:done"...\n[+17965.6]');
    expect(parsePhases(slowHook).search).toBeCloseTo(17965.6 - 16389.8);
    const withoutSearch = parsePhases(log.replace(/.*indexed 211 pages.*\n/, ''));
    expect(withoutSearch.search).toBeUndefined();
    expect(withoutSearch.content).toBeCloseTo(10957.5 - 5923.7);
  });
});
