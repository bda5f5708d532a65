import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readArchive } from '../../src/archive/read-archive';
import { generateKeyToken, parseKeyToken } from '../../src/subscribers/keys';
import { projectRoot } from '../helpers/astro-build';
import { article, contentFolder } from '../helpers/content-folder';

const settings = { freeParagraphs: 3, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 4, similar: 4 } };
const pictures = path.join(projectRoot, 'tests/fixtures/site/articles/2024/pictures');
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A content folder with one paywalled article holding a lead picture, a free figure and a paid figure. */
function folder() {
  const { dir, cleanup } = contentFolder({
    'articles/2024/quay.md': article(
      { image: '{ src: ./pictures/quay.jpg, alt: "The quay", caption: "It\'s dawn -- early", credit: Ben Ink }' },
      'Free one.\n\n![The hook](./pictures/hook.png "Free caption")\n\n<!-- free-limit -->\n\nPaid two.\n\n![Paid alt](./pictures/paid.jpg "Paid caption")\n',
    ),
  });
  cleanups.push(cleanup);
  mkdirSync(path.join(dir, 'articles/2024/pictures'));
  copyFileSync(path.join(pictures, 'quay-at-dawn.jpg'), path.join(dir, 'articles/2024/pictures/quay.jpg'));
  copyFileSync(path.join(pictures, 'crane-hook.png'), path.join(dir, 'articles/2024/pictures/hook.png'));
  copyFileSync(path.join(pictures, 'paid-lighthouse-foxglove.jpg'), path.join(dir, 'articles/2024/pictures/paid.jpg'));
  return dir;
}

describe('the pictures of an archive read', () => {
  it('store the lead picture measured, with its texts typeset, for pages to print', async () => {
    const dir = folder();
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings });
    expect(archive.articles.find((entry) => entry.id === 'quay')!.data.image).toEqual({
      hash: sha256(path.join(dir, 'articles/2024/pictures/quay.jpg')),
      width: 1700,
      height: 1000,
      fallback: 'jpeg',
      alt: 'The quay',
      decorative: false,
      caption: 'It’s dawn – early',
      credit: 'Ben Ink',
    });
  });

  it('plan the lead picture’s sizes and crops and the free figure’s sizes, and nothing of a paid figure', async () => {
    const dir = folder();
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings });
    const sources = new Set(archive.images.map((job) => path.basename(job.source)));
    expect(sources).toEqual(new Set(['quay.jpg', 'hook.png']));
    const quay = archive.images.filter((job) => job.source.endsWith('quay.jpg')).map((job) => job.variant.file.replace(/^[0-9a-f]{16}-/, ''));
    expect(quay).toEqual(expect.arrayContaining(['400.avif', '1600.jpg', '400x267.webp', '800x533.jpg', '1200x630.jpg']));
    const { html } = archive.articles.find((entry) => entry.id === 'quay')!;
    expect(html).toContain('<figcaption data-pagefind-ignore="">Free caption</figcaption>');
    expect(html).not.toMatch(/paid/i);
  });

  it('in the subscriber edition, plan and show the paid figure too', async () => {
    const dir = folder();
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings, edition: 'subscribers' });
    expect(new Set(archive.images.map((job) => path.basename(job.source)))).toEqual(new Set(['quay.jpg', 'hook.png', 'paid.jpg']));
    expect(archive.articles.find((entry) => entry.id === 'quay')!.html).toContain('<figcaption data-pagefind-ignore="">Paid caption</figcaption>');
  });

  it('seal again, rather than reuse a cached envelope, when a free picture in it changed', async () => {
    const dir = folder();
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-archive-images-'));
    cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));
    const options = { contentDir: dir, displayRoot: dir, settings, cacheDir, sealWith: [parseKeyToken(generateKeyToken('test'))] };
    // Three articles: the folder's two and this one.
    expect((await readArchive(options)).bodies).toEqual({ cached: 0, rendered: 3 });
    expect((await readArchive(options)).bodies).toEqual({ cached: 3, rendered: 0 });
    // The free figure's file changes: its processed files get new names, which the sealed part must show.
    copyFileSync(path.join(pictures, 'quay-at-dawn.jpg'), path.join(dir, 'articles/2024/pictures/hook.png'));
    const changed = await readArchive(options);
    expect(changed.bodies.rendered).toBe(1);
    expect(changed.articles.find((entry) => entry.id === 'quay')!.html).toContain(sha256(path.join(dir, 'articles/2024/pictures/hook.png')).slice(0, 16));
  });
});
