import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import sharp from 'sharp';
import { readArchive } from '../../src/archive/read-archive';
import { makeVariants } from '../../src/pictures/process-images';
import { sealedStorePath } from '../../src/pictures/sealed-files';
import { sealedVariants } from '../../src/pictures/variants';
import { DecryptionError, openEnvelope, type Envelope } from '../../src/subscribers/envelope';
import { generateKeyToken, parseKeyToken } from '../../src/subscribers/keys';
import { projectRoot } from '../helpers/astro-build';
import { article, contentFolder } from '../helpers/content-folder';
import { findInSite } from '../helpers/site-files';

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

describe('paid pictures in a keyed read', () => {
  const KEY = parseKeyToken(generateKeyToken('test'));

  /** Reads `dir` with a key and a cache of its own (made once per test), and opens the article `quay`. */
  async function readSealed(dir: string, cacheDir = cacheFolder()) {
    const archive = await readArchive({ contentDir: dir, displayRoot: dir, settings, cacheDir, sealWith: [KEY] });
    const quay = archive.articles.find((entry) => entry.id === 'quay')!;
    const opened = await openEnvelope(JSON.parse(quay.sealed!) as Envelope, KEY, 'quay');
    const sealedImgs = parse(opened.html).querySelectorAll('img[data-sealed]');
    const names = sealedImgs.flatMap((img) => [...img.getAttribute('data-sealed')!.matchAll(/\/_sealed\/([0-9a-f]{32})\.bin (\d+)w/g)].map((match) => match[1]!));
    return { archive, quay, opened, sealedImgs, names, cacheDir };
  }

  function cacheFolder() {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-sealed-pictures-'));
    cleanups.push(() => rmSync(cacheDir, { recursive: true, force: true }));
    return cacheDir;
  }

  it('seal a picture shown only after the free limit under the article’s key, at reading widths, and plan no public file of it', async () => {
    const dir = folder();
    const { archive, opened, sealedImgs, names } = await readSealed(dir);
    expect(new Set(archive.images.map((job) => path.basename(job.source)))).toEqual(new Set(['quay.jpg', 'hook.png']));
    // One <img> with no src, its size kept and its alt text, in a figure with its caption; the free picture as before.
    expect(sealedImgs).toHaveLength(1);
    const img = sealedImgs[0]!;
    expect(img.getAttribute('src')).toBeUndefined();
    expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('alt')]).toEqual(['700', '500', 'Paid alt']);
    expect(img.closest('figure')?.querySelector('figcaption')?.textContent).toBe('Paid caption');
    expect(img.getAttribute('data-sealed')).toMatch(/^\/_sealed\/[0-9a-f]{32}\.bin 400w, \/_sealed\/[0-9a-f]{32}\.bin 700w$/);
    expect(opened.html).toContain('/_images/');
    // The files in the store are the picture's WebP variants, sealed: each opens with the key, under its own name only.
    const paid = path.join(dir, 'articles/2024/pictures/paid.jpg');
    const clear = await makeVariants(paid, sealedVariants({ hash: sha256(paid), width: 700, height: 500, fallback: 'jpeg' }));
    expect(archive.sealedFiles?.names).toEqual([...names].sort());
    for (const [index, name] of names.entries()) {
      const stored = new Uint8Array(readFileSync(sealedStorePath(archive.sealedFiles!.dir, name)));
      expect(Buffer.from(stored).includes(clear[index]!.subarray(0, 64))).toBe(false);
      expect(Buffer.from(await opened.openFile(name, stored)).equals(clear[index]!)).toBe(true);
      await expect(opened.openFile(names[1 - index]!, stored)).rejects.toThrow(DecryptionError);
      expect((await sharp(clear[index]!).metadata()).format).toBe('webp');
    }
  });

  it('never put a paid picture’s name, alt text or caption in clear in the public body cache', async () => {
    const dir = folder();
    const { cacheDir } = await readSealed(dir);
    const leaks = findInSite(path.join(cacheDir, 'public'), ['paid.jpg', 'Paid alt', 'Paid caption', 'Paid two']);
    expect(leaks).toEqual([]);
    expect(findInSite(path.join(cacheDir, 'sealed'), ['paid.jpg', 'Paid alt', 'RIFF', 'WEBP'])).toEqual([]);
  });

  it('reuse the sealed files with the cached envelope, and seal again when the paid picture changes or a sealed file is gone', async () => {
    const dir = folder();
    const first = await readSealed(dir);
    const again = await readSealed(dir, first.cacheDir);
    expect(again.archive.bodies).toEqual({ cached: 3, rendered: 0 });
    expect(again.names).toEqual(first.names);
    // Another picture in the paid picture's place: a new envelope and new files, showing the new picture.
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2a7' } }).jpeg().toFile(path.join(dir, 'articles/2024/pictures/paid.jpg'));
    const changed = await readSealed(dir, first.cacheDir);
    expect(changed.archive.bodies.rendered).toBe(1);
    expect(changed.names.some((name) => first.names.includes(name))).toBe(false);
    expect(changed.sealedImgs[0]!.getAttribute('width')).toBe('900');
    // A store emptied by hand: the envelope would name files no build can copy, so it is sealed again.
    rmSync(path.join(first.cacheDir, 'sealed'), { recursive: true, force: true });
    const restored = await readSealed(dir, first.cacheDir);
    expect(restored.archive.bodies.rendered).toBe(1);
    for (const name of restored.names) expect(existsSync(sealedStorePath(restored.archive.sealedFiles!.dir, name))).toBe(true);
  });

  it('print a paid copy of a picture the article also shows in its free part, or as its lead, as the public picture it already is', async () => {
    const dir = folder();
    copyFileSync(path.join(dir, 'articles/2024/pictures/hook.png'), path.join(dir, 'articles/2024/pictures/paid.jpg'));
    const asFree = await readSealed(dir);
    expect(asFree.sealedImgs).toHaveLength(0);
    expect(asFree.archive.sealedFiles).toBeUndefined();
    expect(parse(asFree.opened.html).querySelectorAll('figure img[src^="/_images/"]')).toHaveLength(2);
    copyFileSync(path.join(dir, 'articles/2024/pictures/quay.jpg'), path.join(dir, 'articles/2024/pictures/paid.jpg'));
    const asLead = await readSealed(dir);
    expect(asLead.sealedImgs).toHaveLength(0);
    expect(asLead.opened.html).toContain('Paid caption');
  });
});
