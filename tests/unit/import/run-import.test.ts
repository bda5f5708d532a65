import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/archive/check-content';
import { runImport, type ImportOptions } from '../../../src/import/run-import';
import { readWordPressPosts, readWordPressSite } from '../../../src/import/wordpress';
import { createUrls } from '../../../src/lib/urls';
import { listFiles } from '../../helpers/site-files';

const fixtures = path.resolve('tests/fixtures/import');
const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 4, similar: 4 } };
let cleanups: string[] = [];
afterEach(() => {
  for (const dir of cleanups) rmSync(dir, { recursive: true, force: true });
  cleanups = [];
});

function workspace(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-import-'));
  cleanups.push(dir);
  return dir;
}

function importInto(dir: string, source: 'wordpress' | 'ghost' | 'feed', exportFile: string, extra: Partial<ImportOptions> = {}) {
  return runImport({
    source,
    exportFile,
    outDir: path.join(dir, 'content'),
    redirectsFile: path.join(dir, 'public/_redirects'),
    reportDir: path.join(dir, 'report'),
    moreIsPaywall: false,
    freeParagraphs: settings.freeParagraphs,
    defaultAccess: settings.defaultAccess,
    defaultSection: 'news',
    articleUrl: (slug) => createUrls('/').article(slug),
    ...extra,
  });
}

const ghostPaywall = path.join(fixtures, 'ghost/paywall.ghost.json');
const wordpressPaywall = path.join(fixtures, 'wordpress/paywall.wordpress.xml');

/** Every file the import writes (content, redirects), with its bytes. */
function snapshot(dir: string): Map<string, string> {
  const files = [...listFiles(path.join(dir, 'content')).map((file) => `content/${file}`), 'public/_redirects', 'report/redirects.nginx.conf'];
  return new Map(files.map((file) => [file, readFileSync(path.join(dir, file)).toString('base64')]));
}

async function problems(contentDir: string): Promise<string[]> {
  const result = await checkContent({ contentDir, displayRoot: contentDir, settings, threads: 1, cacheDir: path.join(contentDir, '..', 'cache') });
  return result.issues.map((issue) => `${issue.file}: ${issue.code}`);
}

describe('npm run import, run again', () => {
  it('changes nothing on a second run over the same exports', async () => {
    const dir = workspace();
    await importInto(dir, 'ghost', ghostPaywall, { picturesDir: path.join(fixtures, 'ghost/images') });
    await importInto(dir, 'wordpress', wordpressPaywall, { picturesDir: path.join(fixtures, 'wordpress/uploads'), moreIsPaywall: true });
    const first = snapshot(dir);
    const again = await importInto(dir, 'ghost', ghostPaywall, { picturesDir: path.join(fixtures, 'ghost/images') });
    const againWp = await importInto(dir, 'wordpress', wordpressPaywall, { picturesDir: path.join(fixtures, 'wordpress/uploads'), moreIsPaywall: true });
    expect(snapshot(dir)).toEqual(first);
    expect([again.summary.created, again.summary.updated, againWp.summary.created, againWp.summary.updated]).toEqual([0, 0, 0, 0]);
    expect(again.summary.unchanged + againWp.summary.unchanged).toBeGreaterThan(10);
    expect(await problems(path.join(dir, 'content'))).toEqual([]);
  });

  it("adds and updates from a newer export, and keeps a file a writer edited since, saying so", async () => {
    const dir = workspace();
    await importInto(dir, 'ghost', ghostPaywall, { picturesDir: path.join(fixtures, 'ghost/images') });
    const edited = path.join(dir, 'content/articles/2024/bridge-tolls.md');
    const yours = readFileSync(edited, 'utf8').replace('Residents with a permit pay half.', 'Residents with a permit pay half the toll.');
    writeFileSync(edited, yours);

    const newer = JSON.parse(readFileSync(ghostPaywall, 'utf8'));
    const posts = newer.db[0].data.posts;
    posts.find((post: { slug: string }) => post.slug === 'bridge-tolls').title = 'Bridge tolls: the new rates explained';
    posts.find((post: { slug: string }) => post.slug === 'tide-tables-online').title = 'Tide tables go online for the Saltmarsh ferry';
    posts.push({ ...posts[0], id: 'g9', slug: 'ferry-fares-frozen', title: 'Ferry fares frozen for a year', visibility: 'public', html: '<p>Fares stay where they are until next spring.</p>' });
    newer.db[0].data.posts_authors.push({ id: 'pa9', post_id: 'g9', author_id: 'u1', sort_order: 0 });
    const newerFile = path.join(dir, 'newer.json');
    writeFileSync(newerFile, JSON.stringify(newer));

    const result = await importInto(dir, 'ghost', newerFile, { picturesDir: path.join(fixtures, 'ghost/images') });
    expect(readFileSync(edited, 'utf8')).toBe(yours);
    expect(readFileSync(path.join(dir, 'content/articles/2024/tide-tables-online.md'), 'utf8')).toContain('title: Tide tables go online for the Saltmarsh ferry');
    expect(readFileSync(path.join(dir, 'content/articles/2024/ferry-fares-frozen.md'), 'utf8')).toContain('access: free');
    expect(result.summary).toMatchObject({ created: 1, updated: 1, kept: 1 });
    expect(result.text).toMatch(/articles\/2024\/bridge-tolls\.md: changed since the last import: your version is kept; the export's is in .*incoming/);
    expect(readFileSync(path.join(dir, 'report/incoming/articles/2024/bridge-tolls.md'), 'utf8')).toContain('title: "Bridge tolls: the new rates explained"');
  });
});

describe('npm run import, the paywall and the pictures', () => {
  it("carries Ghost's cut and access, and the largest original of a WordPress picture beside the article", async () => {
    const dir = workspace();
    await importInto(dir, 'ghost', ghostPaywall, { picturesDir: path.join(fixtures, 'ghost/images') });
    const wordpress = await importInto(dir, 'wordpress', wordpressPaywall, { picturesDir: path.join(fixtures, 'wordpress/uploads'), moreIsPaywall: true });
    const read = (file: string) => readFileSync(path.join(dir, 'content', file), 'utf8');
    const members = read('articles/2024/tide-tables-online.md');
    expect(members).toContain('access: subscribers');
    expect(members.indexOf('<!-- free-limit -->')).toBeLessThan(members.indexOf('grey heron contract'));
    expect(members.indexOf('<!-- free-limit -->')).toBeGreaterThan(members.indexOf('Printed copies stay at the kiosk'));
    // A tier post with no marker in Ghost: nothing of it is free, and its standfirst is not taken from it.
    const tier = read('articles/2024/oyster-beds.md');
    expect(tier.split('---\n')[2]!.startsWith('<!-- free-limit -->')).toBe(true);
    expect(tier).toContain('standfirst: Inside the oyster beds nobody will name');
    expect(read('articles/2099/regatta-preview.md')).toContain('date: 2099-07-01T09:00:00.000Z');
    expect(read('articles/2024/sluice-notes.md')).toContain('draft: true');
    // WordPress: the cut where <!--more--> was; the original picture, not the 300×225 copy the post showed.
    const lock = read('articles/2024/ouse-lock-keeper-retires.md');
    expect(lock.indexOf('<!-- free-limit -->')).toBeLessThan(lock.indexOf('bittern'));
    expect(lock).toContain('![A brass lantern glowing on a wooden lock gate at dusk](./harbour-light.jpg "The lantern at Ouse Lock, lit every evening since 1911.")');
    expect(readFileSync(path.join(dir, 'content/articles/2024/harbour-light.jpg'))).toEqual(readFileSync(path.join(fixtures, 'wordpress/uploads/2024/05/harbour-light.jpg')));
    expect(lock).toContain('date: 2024-05-02T09:30:00+01:00');
    expect(wordpress.text).toContain('post 43 "Drainage board minutes": private post: left out');
    expect(wordpress.text).toContain('page 45 "About the Courier": a page, not news');
    expect(read('authors/ines.md')).toContain('portrait:\n  src: ./ines.jpg');
  });

  it('names a missing picture with a placeholder the check refuses, and reports it', async () => {
    const dir = workspace();
    const wxr = readFileSync(wordpressPaywall, 'utf8').replace('harbour-light-300x225.jpg', 'net-loft-300x225.jpg');
    writeFileSync(path.join(dir, 'missing.xml'), wxr);
    const result = await importInto(dir, 'wordpress', path.join(dir, 'missing.xml'), { picturesDir: path.join(fixtures, 'wordpress/uploads'), moreIsPaywall: true });
    expect(result.text).toMatch(/articles\/2024\/ouse-lock-keeper-retires\.md:\d+: picture not in the pictures folder .*net-loft-300x225\.jpg.*\.\/net-loft\.jpg is named but missing/);
    expect(await problems(path.join(dir, 'content'))).toEqual(['articles/2024/ouse-lock-keeper-retires.md: picture-unusable']);
  });

  it('never writes a body the build would refuse: it reports it and keeps the Markdown aside', async () => {
    const dir = workspace();
    const wxr = readFileSync(wordpressPaywall, 'utf8').replace('He remembers the flood', '<h2>Free limit</h2>\n\nHe remembers the flood');
    writeFileSync(path.join(dir, 'refused.xml'), wxr);
    const result = await importInto(dir, 'wordpress', path.join(dir, 'refused.xml'), { picturesDir: path.join(fixtures, 'wordpress/uploads'), moreIsPaywall: true });
    expect(result.summary.refused).toBe(1);
    expect(result.text).toMatch(/articles\/2024\/ouse-lock-keeper-retires\.md:3: not written: the build would refuse its body/);
    expect(listFiles(path.join(dir, 'content/articles'))).not.toContain('2024/ouse-lock-keeper-retires.md');
    expect(readFileSync(path.join(dir, 'report/refused/ouse-lock-keeper-retires.md'), 'utf8')).toContain('## Free limit');
    expect(await problems(path.join(dir, 'content'))).toEqual([]);
  });
});

describe('sections', () => {
  it('renames and merges old categories and tags with a map file, and keeps sections already in the folder', async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'content'), { recursive: true });
    writeFileSync(path.join(dir, 'content/sections.yaml'), '- id: news\n  name: News\n  description: What happened today.\n');
    writeFileSync(path.join(dir, 'map.yaml'), 'coast: { id: region, name: The region }\nfen-life: region\n');
    await importInto(dir, 'ghost', ghostPaywall, { mapFile: path.join(dir, 'map.yaml') });
    await importInto(dir, 'wordpress', wordpressPaywall, { mapFile: path.join(dir, 'map.yaml') });
    expect(readFileSync(path.join(dir, 'content/sections.yaml'), 'utf8')).toBe('- id: news\n  name: News\n  description: What happened today.\n- id: region\n  name: The region\n');
    expect(readFileSync(path.join(dir, 'content/articles/2024/oyster-beds.md'), 'utf8')).toContain('section: region');
    expect(readFileSync(path.join(dir, 'content/articles/2024/eel-fair-returns.md'), 'utf8')).toContain('section: region');
  });
});

describe('a folder with articles of its own', () => {
  it("never takes a slug a writer's article has: the import's article gets another, and says so", async () => {
    const dir = workspace();
    mkdirSync(path.join(dir, 'content/articles/2023'), { recursive: true });
    mkdirSync(path.join(dir, 'content/authors'), { recursive: true });
    writeFileSync(path.join(dir, 'content/authors/nell.md'), '---\nname: Nell Ashworth\n---\n');
    writeFileSync(path.join(dir, 'content/articles/2023/eel-fair-returns.md'), '---\ntitle: Last year’s fair\nauthor: nell\nsection: fen-life\ndate: 2023-05-01\nstandfirst: The fair, last year.\naccess: free\n---\nIt rained.\n');
    const result = await importInto(dir, 'wordpress', wordpressPaywall, { moreIsPaywall: true });
    expect(result.text).toContain('slug "eel-fair-returns" was taken: the article is "eel-fair-returns-2"');
    expect(readFileSync(path.join(dir, 'content/articles/2023/eel-fair-returns.md'), 'utf8')).toContain('It rained.');
    expect(readFileSync(path.join(dir, 'public/_redirects'), 'utf8')).toContain('/2024/05/09/eel-fair-returns/ /articles/eel-fair-returns-2/ 301');
    expect(await problems(path.join(dir, 'content'))).toEqual([]);
  });
});

describe('the WordPress reader', () => {
  it('streams posts and pages in file order, leaving attachments and comments out', async () => {
    const site = await readWordPressSite(wordpressPaywall);
    expect([...site.attachments.keys()]).toEqual(['40']);
    const seen: string[] = [];
    for await (const post of readWordPressPosts(wordpressPaywall, site)) seen.push(`${post.type} ${post.id} ${post.status}`);
    expect(seen).toEqual(['post 41 published', 'post 42 published', 'post 43 private', 'post 44 draft', 'page 45 published']);
  });
});

describe('feeds', () => {
  it('imports a full-text RSS feed and an Atom feed as public articles, which pass the check', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'rss.xml'),
      `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>The Dyke Post</title>
<item><title>Ferry timetable changes</title><link>https://post.example/2024/03/ferry-timetable/</link><guid>https://post.example/?p=9</guid><pubDate>Tue, 05 Mar 2024 18:20:00 +0100</pubDate><dc:creator>Ada Fenn</dc:creator><category>Transport</category><category>ferries</category>
<description>The summer timetable starts early.</description><content:encoded><![CDATA[<p>The summer timetable starts a week early this year.</p><p>Sailings at dawn return on Saturdays.</p>]]></content:encoded></item>
</channel></rss>`,
    );
    writeFileSync(
      path.join(dir, 'atom.xml'),
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Notes</title>
<entry><title>Sluice repairs finish</title><link rel="alternate" href="https://notes.example/sluice-repairs-finish.html"/><id>tag:notes.example,2024:1</id><published>2024-04-01T08:00:00+02:00</published><updated>2024-04-02T09:00:00+02:00</updated><author><name>Bo Reed</name></author><category term="Works"/>
<content type="html">&lt;p&gt;The repairs to the old sluice finished on Friday.&lt;/p&gt;</content></entry></feed>`,
    );
    const rss = await importInto(dir, 'feed', path.join(dir, 'rss.xml'));
    const atom = await importInto(dir, 'feed', path.join(dir, 'atom.xml'));
    expect([rss.summary.articles, atom.summary.articles]).toEqual([1, 1]);
    const ferry = readFileSync(path.join(dir, 'content/articles/2024/ferry-timetable.md'), 'utf8');
    expect(ferry).toContain('date: 2024-03-05T18:20:00+01:00');
    expect(ferry).toContain('standfirst: The summer timetable starts early.');
    expect(ferry).toContain('section: transport');
    expect(ferry).toContain('Sailings at dawn return on Saturdays.');
    expect(readFileSync(path.join(dir, 'content/articles/2024/sluice-repairs-finish.md'), 'utf8')).toContain('author: bo-reed');
    expect(readFileSync(path.join(dir, 'public/_redirects'), 'utf8')).toContain('/sluice-repairs-finish.html /articles/sluice-repairs-finish/ 301');
    expect(await problems(path.join(dir, 'content'))).toEqual([]);
  });
});
