/**
 * The last build's pages linked into the output rather than copied
 * (src/integrations/page-links.ts). The whole build is in
 * tests/build/incremental.test.ts; here, what each step does to the files.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ASTRO_MANIFEST, createPageLinks, pageKey, requestKey } from '../../src/integrations/page-links';

const ARTICLE = 'src/pages/articles/[slug].astro';
const FEED = 'src/routes/sections/rss.xml.ts';
const FRONT = 'src/pages/index.astro';

let work: string | undefined;
afterEach(() => {
  if (work) rmSync(work, { recursive: true, force: true });
  work = undefined;
});

/** Astro's cache with its record and page copies, and an empty output folder. */
function setUp(pages: Record<string, { component: string; outputFile: string; html?: string }>) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'masthead-page-links-'));
  work = folder;
  const cacheDir = path.join(folder, 'cache');
  const outDir = path.join(folder, 'out');
  const routes: Record<string, { paths: Record<string, { outputFile: string }> }> = {};
  for (const [pathname, { component, outputFile, html }] of Object.entries(pages)) {
    (routes[component] ??= { paths: {} }).paths[pathname] = { outputFile };
    if (html !== undefined) {
      const copy = path.join(cacheDir, 'dist', outputFile);
      mkdirSync(path.dirname(copy), { recursive: true });
      writeFileSync(copy, html);
    }
  }
  mkdirSync(outDir, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(path.join(cacheDir, ASTRO_MANIFEST), JSON.stringify({ version: 1, routes }));
  return { cacheDir, outDir };
}

describe('page links', () => {
  it('match the page Astro lists with the request it renders it from, under any base path', () => {
    expect(requestKey(ARTICLE, 'https://paper.example/articles/a-story/', '/')).toBe(pageKey(ARTICLE, '/articles/a-story/'));
    expect(requestKey(ARTICLE, 'https://paper.example/paper/articles/a-story/', '/paper/')).toBe(pageKey(ARTICLE, '/articles/a-story/'));
    expect(requestKey(ARTICLE, 'https://paper.example/paper/articles/a-story/', '/paper')).toBe(pageKey(ARTICLE, '/articles/a-story'));
    expect(requestKey(FEED, 'https://paper.example/paper/sections/news/rss.xml', '/paper/')).toBe(pageKey(FEED, '/sections/news/rss.xml'));
    expect(requestKey(FRONT, 'https://paper.example/paper/', '/paper/')).toBe(pageKey(FRONT, '/'));
    expect(requestKey(FRONT, 'https://paper.example/', '/')).toBe(pageKey(FRONT, ''));
    // A path with letters outside ASCII: escaped in the request, as written in the list.
    expect(requestKey(ARTICLE, 'https://paper.example/tags/caf%C3%A9/', '/')).toBe(pageKey(ARTICLE, '/tags/café/'));
    // Not the same page: another route, or another path.
    expect(requestKey(FEED, 'https://paper.example/articles/a-story/', '/')).not.toBe(pageKey(ARTICLE, '/articles/a-story/'));
    expect(pageKey(ARTICLE, '/articles/100%/')).toBe(`${ARTICLE}\0articles/100%`);
  });

  it('link each listed page Astro kept a copy of, and take a link and its copy away before the page is rendered again', async () => {
    const { cacheDir, outDir } = setUp({
      '/articles/kept/': { component: ARTICLE, outputFile: 'articles/kept/index.html', html: '<p>kept</p>' },
      '/articles/changed/': { component: ARTICLE, outputFile: 'articles/changed/index.html', html: '<p>old</p>' },
      '/sections/news/rss.xml': { component: FEED, outputFile: 'sections/news/rss.xml', html: '<rss/>' },
      // Listed last build, not this one: a story taken down stays out of the site.
      '/articles/taken-down/': { component: ARTICLE, outputFile: 'articles/taken-down/index.html', html: '<p>gone</p>' },
      // No copy in the cache: Astro renders it; nothing to link.
      '/articles/no-copy/': { component: ARTICLE, outputFile: 'articles/no-copy/index.html' },
      // A record pointing outside the output folder is never followed.
      '/articles/escape/': { component: ARTICLE, outputFile: '../escape.html', html: '<p>outside</p>' },
      // A file the output holds already (a static file of the same name): it stays, and is not Astro's to take away.
      '/about/': { component: ARTICLE, outputFile: 'about/index.html', html: '<p>the last build</p>' },
    });
    mkdirSync(path.join(outDir, 'about'));
    writeFileSync(path.join(outDir, 'about/index.html'), '<p>static</p>');
    const links = createPageLinks({ cacheDir, outDir, base: '/' });
    links.stage();
    const listed = ['/articles/kept/', '/articles/changed/', '/sections/news/rss.xml', '/articles/no-copy/', '/articles/escape/', '/articles/new/', '/about/'].map(
      (pathname) => ({ pathname, route: { component: pathname.endsWith('.xml') ? FEED : ARTICLE } }),
    );
    expect(await links.link(listed)).toEqual({ linked: 3 });
    const kept = path.join(outDir, 'articles/kept/index.html');
    expect(readFileSync(kept, 'utf8')).toBe('<p>kept</p>');
    expect(statSync(kept).ino).toBe(statSync(path.join(cacheDir, 'dist/articles/kept/index.html')).ino);
    expect(readFileSync(path.join(outDir, 'sections/news/rss.xml'), 'utf8')).toBe('<rss/>');
    expect(existsSync(path.join(outDir, 'articles/taken-down'))).toBe(false);
    expect(existsSync(path.join(outDir, 'articles/no-copy/index.html'))).toBe(false);
    expect(existsSync(path.join(work!, 'escape.html'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'about/index.html'), 'utf8')).toBe('<p>static</p>');
    // Nothing is left staged beside the cache.
    expect(readdirSync(cacheDir).filter((name) => name.startsWith('kept-pages-'))).toEqual([]);

    links.release(ARTICLE, 'https://paper.example/articles/changed/');
    expect(existsSync(path.join(outDir, 'articles/changed/index.html'))).toBe(false);
    expect(existsSync(path.join(cacheDir, 'dist/articles/changed/index.html'))).toBe(false);
    // Pages nobody linked: nothing to do.
    links.release(ARTICLE, 'https://paper.example/articles/new/');
    links.release(ARTICLE, 'https://paper.example/about/');
    expect(readFileSync(path.join(outDir, 'about/index.html'), 'utf8')).toBe('<p>static</p>');
    expect(links.changed()).toEqual([]);

    // Written to in place after it was linked (an integration rewriting pages): the build must hear of it.
    writeFileSync(kept, '<p>kept, rewritten</p>');
    expect(links.changed()).toEqual(['articles/kept/index.html']);
  });

  it('render a page again, not keep it, when its copy was changed through the last output after the build', async () => {
    const { cacheDir, outDir } = setUp({
      '/articles/a/': { component: ARTICLE, outputFile: 'articles/a/index.html', html: '<p>a</p>' },
      '/articles/b/': { component: ARTICLE, outputFile: 'articles/b/index.html', html: '<p>b</p>' },
    });
    const listed = ['/articles/a/', '/articles/b/'].map((pathname) => ({ pathname, route: { component: ARTICLE } }));
    const first = createPageLinks({ cacheDir, outDir, base: '/' });
    first.stage();
    expect(await first.link(listed)).toEqual({ linked: 2 });
    first.record();
    // A script run over the finished site, writing into the page in place.
    writeFileSync(path.join(outDir, 'articles/a/index.html'), '<p>a</p><script src="/analytics.js"></script>');
    const nextOut = path.join(work!, 'next');
    const next = createPageLinks({ cacheDir, outDir: nextOut, base: '/' });
    next.stage();
    expect(await next.link(listed)).toEqual({
      linked: 1,
      failed: "1 of Astro's copies changed since the last build ended (written to through its output, or the cache restored without its files' times): those pages are rendered again",
    });
    expect(existsSync(path.join(nextOut, 'articles/a/index.html'))).toBe(false);
    expect(existsSync(path.join(cacheDir, 'dist/articles/a/index.html'))).toBe(false);
    expect(readFileSync(path.join(nextOut, 'articles/b/index.html'), 'utf8')).toBe('<p>b</p>');
  });

  it('leave no link behind when the links cannot all be moved into the output', async () => {
    // Twenty stories, and a file where one story's folder goes: the move fails part of the way through the folder.
    const slugs = Array.from({ length: 20 }, (_, index) => `story-${index}`);
    const { cacheDir, outDir } = setUp(
      Object.fromEntries(slugs.map((slug) => [`/articles/${slug}/`, { component: ARTICLE, outputFile: `articles/${slug}/index.html`, html: `<p>${slug}</p>` }])),
    );
    mkdirSync(path.join(outDir, 'articles'));
    writeFileSync(path.join(outDir, 'articles', 'story-7'), 'not a folder');
    const links = createPageLinks({ cacheDir, outDir, base: '/' });
    links.stage();
    const result = await links.link(slugs.map((slug) => ({ pathname: `/articles/${slug}/`, route: { component: ARTICLE } })));
    expect(result.linked).toBe(0);
    expect(result.failed).toMatch(/moving the linked pages into the output/);
    // Whatever had been moved is gone again: no file of the output is one with Astro's copies.
    const left = slugs.filter((slug) => existsSync(path.join(outDir, 'articles', slug, 'index.html')));
    expect(left).toEqual([]);
    // Astro's copies stay, for Astro to copy.
    expect(readFileSync(path.join(cacheDir, 'dist/articles/story-3/index.html'), 'utf8')).toBe('<p>story-3</p>');
  });

  it('link nothing, and say why, without a record of a last build', async () => {
    const { cacheDir, outDir } = setUp({});
    rmSync(path.join(cacheDir, ASTRO_MANIFEST));
    const links = createPageLinks({ cacheDir, outDir, base: '/' });
    links.stage();
    expect(await links.link([{ pathname: '/articles/a/', route: { component: ARTICLE } }])).toEqual({ linked: 0, failed: 'no record of a last build' });
  });
});
