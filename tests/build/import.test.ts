import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planCut } from '../../src/free-limit/plan';
import { readGhost } from '../../src/import/ghost';
import { runImport } from '../../src/import/run-import';
import { createUrls } from '../../src/lib/urls';
import { hastText } from '../../src/import/html-to-markdown';
import { matchRedirect, parseRedirects } from '../../src/import/redirects';
import type { SourcePost } from '../../src/import/types';
import { readWordPressPosts, readWordPressSite } from '../../src/import/wordpress';
import settings from '../../src/settings';
import { astroBuild } from '../helpers/astro-build';
import { paidSentences } from '../helpers/paid-text';
import { runScript } from '../helpers/run-script';
import { findInSite, listFiles } from '../helpers/site-files';

/**
 * Both real exports (WordPress's theme unit test data, Ghost's v4 export
 * fixture) and the small paywall exports, imported with `npm run import`
 * into one content folder, checked with `npm run check` and built once.
 */
const fixtures = path.resolve('tests/fixtures/import');
const exports: { source: 'wordpress' | 'ghost'; file: string; args: string[] }[] = [
  { source: 'wordpress', file: path.join(fixtures, 'themeunittestdata.wordpress.xml'), args: [] },
  { source: 'ghost', file: path.join(fixtures, 'ghost/v4_export.json'), args: [] },
  { source: 'ghost', file: path.join(fixtures, 'ghost/paywall.ghost.json'), args: ['--images', path.join(fixtures, 'ghost/images')] },
  { source: 'wordpress', file: path.join(fixtures, 'wordpress/paywall.wordpress.xml'), args: ['--uploads', path.join(fixtures, 'wordpress/uploads'), '--more-is-paywall'] },
];

let work: string;
let content: string;
let dist: string;
const runs: { code: number | null; stdout: string }[] = [];

/** The first export through `npm run import` itself; the others in this process, as the command runs them (a second Node start costs seconds). */
async function importAll(viaCommand: boolean) {
  const results: { code: number | null; stdout: string }[] = [];
  for (const [index, { source, file, args }] of exports.entries()) {
    const where = ['--out', content, '--redirects', path.join(work, 'public/_redirects'), '--report', path.join(work, 'report')];
    if (viaCommand && index === 0) {
      const run = runScript('import', [source, file, ...args, ...where], {});
      results.push({ code: run.code, stdout: `${run.stdout}\n${run.stderr}` });
      continue;
    }
    const result = await runImport({
      source,
      exportFile: file,
      outDir: content,
      redirectsFile: path.join(work, 'public/_redirects'),
      reportDir: path.join(work, 'report'),
      ...(args[1] ? { picturesDir: args[1] } : {}),
      moreIsPaywall: args.includes('--more-is-paywall'),
      freeParagraphs: settings.freeParagraphs,
      defaultAccess: settings.defaultAccess,
      defaultSection: 'news',
      articleUrl: (slug) => createUrls('/').article(slug),
    });
    results.push({ code: result.summary.refused > 0 ? 1 : 0, stdout: result.text });
  }
  return results;
}

/** The content folder's files and bytes. */
const snapshot = () => new Map(listFiles(content).map((file) => [file, readFileSync(path.join(content, file), 'base64')]));

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'masthead-import-build-'));
  content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  runs.push(...(await importAll(true)));
  const build = astroBuild({ CONTENT_DIR: content, OUT_DIR: dist, MASTHEAD_CACHE_DIR: path.join(work, 'cache') });
  if (build.code !== 0) throw new Error(`building the imported folder failed:\n${build.output}`);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** Published posts of every export, with the slug they were written under. */
async function publishedPosts(): Promise<{ post: SourcePost; file: string }[]> {
  const found: { post: SourcePost; file: string }[] = [];
  const articles = listFiles(path.join(content, 'articles')).filter((file) => file.endsWith('.md'));
  const fileOf = (slug: string) => articles.find((file) => path.posix.basename(file, '.md') === slug);
  for (const { source, file } of exports) {
    const posts: SourcePost[] = [];
    if (source === 'wordpress') {
      const site = await readWordPressSite(file);
      for await (const post of readWordPressPosts(file, site)) posts.push(post);
    } else posts.push(...(await readGhost(file)).posts);
    for (const post of posts) {
      if (post.type !== 'post' || post.status !== 'published' || post.password) continue;
      const written = fileOf(decodeURIComponent(post.slug).toLowerCase());
      if (written) found.push({ post, file: written });
      else throw new Error(`published post ${post.id} (${post.slug}) of ${path.basename(file)} was not written`);
    }
  }
  return found;
}

const words = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/** Inline elements: a word may run through them (`H<sub>2</sub>O`). */
const INLINE = /<(?!\/?(?:a|abbr|acronym|b|big|cite|code|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span|strike|strong|sub|sup|time|tt|u|var)\b)/gi;

/** The text of some HTML, a space at every other tag, so words of two blocks (`<dt>Term</dt><dd>Meaning`) stay two. */
const textOf = (html: string) => hastText(fromHtml(html.replace(INLINE, ' <'), { fragment: true }));

/** The words a reader of the old site saw: the body's text, without scripts, styles or WordPress's shortcode tags. */
function sourceWords(post: SourcePost): string[] {
  const html = post.autop ? post.html.replace(/\[\/?[a-z_-]+\b[^\]]*\]/gi, ' ') : post.html;
  return words(textOf(html));
}

describe('an imported archive', () => {
  it('imports both real exports and the paywall exports with npm run import, and passes npm run check', () => {
    for (const run of runs) expect(run.code, run.stdout).toBe(0);
    expect(runs[0]!.stdout).toMatch(/Pages, not imported as news \(21\)/);
    const check = runScript('check', [], { CONTENT_DIR: content });
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toMatch(/No problems: \d+ articles/);
  });

  it("shows every published post's words on its page or keeps them in its paid part (counted)", async () => {
    const posts = await publishedPosts();
    let counted = 0;
    const missing: string[] = [];
    for (const { post, file } of posts) {
      const markdown = readFileSync(path.join(content, 'articles', file), 'utf8').split(/^---$/m).slice(2).join('---').replace(/^\n/, '');
      const frontmatter = readFileSync(path.join(content, 'articles', file), 'utf8').split(/^---$/m)[1]!;
      const access = /^access: free$/m.test(frontmatter) ? 'free' : 'subscribers';
      const plan = planCut(markdown, { access, freeParagraphs: settings.freeParagraphs });
      // The paid part as a subscriber reads it: the Markdown after the cut, parsed, as text (character references decoded, links' words).
      const paidText = plan.cutOffset === undefined ? '' : toString(fromMarkdown(markdown.slice(plan.cutOffset)));
      const paid = new Set(words(paidText));
      const slug = path.posix.basename(file, '.md');
      const page = readFileSync(path.join(dist, 'articles', slug, 'index.html'), 'utf8');
      const shownText = textOf(page);
      const shown = new Set(words(shownText));
      // Where markup joined or split a word differently (`<a>Image</a><a>Download</a>`), the letters still run on.
      const run = words(`${shownText} ${paidText}`).join('');
      for (const word of sourceWords(post)) {
        counted += 1;
        if (!shown.has(word) && !paid.has(word) && !run.includes(word)) missing.push(`${slug}: ${word}`);
      }
    }
    console.log(`${counted.toLocaleString('en')} words of ${posts.length} published posts found on their pages or in their paid parts`);
    expect(posts.length).toBeGreaterThan(50);
    expect(counted).toBeGreaterThan(5_000);
    expect(missing).toEqual([]);
    expect(missing.length).toBe(0);
  });

  it("keeps a paywalled Ghost post's members-only text after the cut and out of every public file", () => {
    const sell = readFileSync(path.join(content, 'articles/2021/sell.md'), 'utf8');
    expect(sell.indexOf('<!-- free-limit -->')).toBeLessThan(sell.indexOf('Hold back some of the best bits'));
    expect(readFileSync(path.join(dist, 'articles/sell/index.html'), 'utf8')).toContain('The creator economy is just getting started');
    const membersOnly = ['Hold back some of the best bits for paying members only', 'These last paragraphs are only visible on the site', 'grey heron contract', 'lapwing-sized surplus', 'the families\u2019 ledger'];
    expect(findInSite(dist, membersOnly)).toEqual([]);
    // And every paid sentence of the whole imported folder, found without Masthead's code.
    const paid = paidSentences(content, settings.freeParagraphs);
    expect(paid.length).toBeGreaterThan(100);
    expect(findInSite(dist, paid)).toEqual([]);
  });

  it('cuts a WordPress post with <!--more--> where the paper said', () => {
    const page = readFileSync(path.join(dist, 'articles/ouse-lock-keeper-retires/index.html'), 'utf8');
    expect(page).toContain('He remembers the flood of 1998');
    expect(findInSite(dist, ['a bittern stood on the lower gate until dawn', 'Rosa Quillfeather', 'marrowfat contest'])).toEqual([]);
  });

  it('changes nothing when the import runs again', async () => {
    const before = snapshot();
    const again = await importAll(false);
    for (const run of again) expect(run.code).toBe(0);
    expect(again.map((run) => run.stdout.match(/files: (\d+) created, (\d+) updated/)?.slice(1))).toEqual(exports.map(() => ['0', '0']));
    expect(snapshot()).toEqual(before);
  });

  it('sends every old address to its page, through a server that reads the redirects file', async () => {
    const rules = parseRedirects(readFileSync(path.join(work, 'public/_redirects'), 'utf8'));
    expect(rules.length).toBeGreaterThan(100);
    const server: Server = createServer((request, response) => {
      const url = decodeURIComponent(request.url ?? '/');
      const to = matchRedirect(rules, request.url ?? '/') ?? matchRedirect(rules, url);
      if (to) {
        response.writeHead(301, { location: to }).end();
        return;
      }
      const file = path.join(dist, url.endsWith('/') ? `${url}index.html` : url);
      if (file.startsWith(dist) && existsSync(file)) response.writeHead(200, { 'content-type': 'text/html' }).end(readFileSync(file));
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const failures: string[] = [];
      // Embargoed pieces have no page yet (their redirect is ready for the day they do); every other old address must land on one.
      const embargoed = new Set(
        listFiles(path.join(content, 'articles'))
          .filter((file) => file.endsWith('.md'))
          .filter((file) => Date.parse(/^date: (.+)$/m.exec(readFileSync(path.join(content, 'articles', file), 'utf8'))?.[1] ?? '') > Date.now())
          .map((file) => `/articles/${path.posix.basename(file, '.md')}/`),
      );
      expect(embargoed.size).toBe(2);
      for (const rule of rules.filter((rule) => !embargoed.has(rule.to))) {
        const first = await fetch(`${origin}${encodeURI(rule.from)}`, { redirect: 'manual' });
        const location = first.headers.get('location');
        const landed = location ? await fetch(`${origin}${encodeURI(location)}`, { redirect: 'manual' }) : undefined;
        if (first.status !== 301 || landed?.status !== 200) failures.push(`${rule.from} → ${first.status} ${location ?? ''} → ${landed?.status ?? ''}`);
      }
      expect(failures).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
