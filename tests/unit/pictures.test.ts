import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { fillPictures } from '../../src/pictures/fill-pictures';
import { leadFigureHtml } from '../../src/pictures/figure-html';
import { pictureHtml } from '../../src/pictures/picture-html';
import { processImages } from '../../src/pictures/process-images';
import { readSourceImage, resolveImagePath } from '../../src/pictures/source-image';
import { boundedWidths, cropBox, imageVariants, pictureSources, socialImageUrl } from '../../src/pictures/variants';
import { createUrls } from '../../src/lib/urls';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'masthead-pictures-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const source = { hash: '0123456789abcdef'.repeat(4), width: 1700, height: 1000, fallback: 'jpeg' as const };
const paper = createUrls('/paper/');

describe('the sizes a picture is made in', () => {
  it('are the steps narrower than the source, then the source itself, never enlarged', () => {
    expect(boundedWidths(1000, [400, 800, 1200, 1600])).toEqual([400, 800, 1000]);
    expect(boundedWidths(1700, [400, 800, 1200, 1600])).toEqual([400, 800, 1200, 1600]);
    expect(boundedWidths(400, [400, 800])).toEqual([400]);
    expect(boundedWidths(250, [400, 800])).toEqual([250]);
  });

  it('are AVIF, WebP and a JPEG fallback of the whole picture, named by content hash and width', () => {
    const files = imageVariants(source, 'content').map((variant) => `${variant.file} ${variant.width}x${variant.height}`);
    expect(files).toEqual([
      '0123456789abcdef-400.avif 400x235',
      '0123456789abcdef-800.avif 800x471',
      '0123456789abcdef-1200.avif 1200x706',
      '0123456789abcdef-1600.avif 1600x941',
      '0123456789abcdef-400.webp 400x235',
      '0123456789abcdef-800.webp 800x471',
      '0123456789abcdef-1200.webp 1200x706',
      '0123456789abcdef-1600.webp 1600x941',
      '0123456789abcdef-400.jpg 400x235',
      '0123456789abcdef-800.jpg 800x471',
      '0123456789abcdef-1200.jpg 1200x706',
      '0123456789abcdef-1600.jpg 1600x941',
    ]);
  });

  it('fall back to PNG for a transparent picture', () => {
    expect(imageVariants({ ...source, fallback: 'png' }, 'content').map((variant) => variant.format)).toContain('png');
    expect(imageVariants({ ...source, fallback: 'png' }, 'content').map((variant) => variant.format)).not.toContain('jpeg');
  });

  it('crop story cards to 3:2 from inside the source, wide or tall', () => {
    expect(cropBox({ width: 1700, height: 1000 }, 3 / 2)).toEqual({ width: 1500, height: 1000 });
    expect(cropBox({ width: 300, height: 900 }, 3 / 2)).toEqual({ width: 300, height: 200 });
    const card = imageVariants(source, 'card').filter((variant) => variant.format === 'jpeg');
    expect(card.map((variant) => variant.file)).toEqual(['0123456789abcdef-400x267.jpg', '0123456789abcdef-800x533.jpg']);
    expect(imageVariants({ ...source, width: 300, height: 900 }, 'card').map((variant) => variant.file)).toContain('0123456789abcdef-300x200.avif');
  });

  it('make portraits square and link previews one 1200×630 JPEG', () => {
    expect(imageVariants({ ...source, width: 300, height: 360 }, 'portrait').filter((variant) => variant.format === 'webp').map((variant) => variant.file)).toEqual([
      '0123456789abcdef-96x96.webp',
      '0123456789abcdef-192x192.webp',
      '0123456789abcdef-300x300.webp',
    ]);
    expect(imageVariants({ ...source, width: 200, height: 100 }, 'social')).toEqual([
      { file: '0123456789abcdef-1200x630.jpg', format: 'jpeg', width: 1200, height: 630, crop: true },
    ]);
    expect(socialImageUrl(source, paper)).toBe('/paper/_images/0123456789abcdef-1200x630.jpg');
  });
});

describe('a <picture>', () => {
  it('lists modern formats first, every file under the base path, with the widest file’s size', () => {
    const picture = pictureSources({ ...source, width: 1000, height: 500 }, 'content', paper);
    expect(picture.sources).toEqual([
      { type: 'image/avif', srcset: '/paper/_images/0123456789abcdef-400.avif 400w, /paper/_images/0123456789abcdef-800.avif 800w, /paper/_images/0123456789abcdef-1000.avif 1000w' },
      { type: 'image/webp', srcset: '/paper/_images/0123456789abcdef-400.webp 400w, /paper/_images/0123456789abcdef-800.webp 800w, /paper/_images/0123456789abcdef-1000.webp 1000w' },
    ]);
    expect(picture.src).toBe('/paper/_images/0123456789abcdef-800.jpg');
    expect([picture.width, picture.height]).toEqual([1000, 500]);
  });

  it('always carries width, height and lazy loading, unless it is the page’s lead', () => {
    const picture = pictureSources(source, 'content', paper);
    const lazy = pictureHtml(picture, { alt: 'A "quay" <at> dawn', sizes: '100vw' });
    expect(lazy).toContain('width="1600" height="941" alt="A &#34;quay&#34; &#60;at&#62; dawn" loading="lazy" decoding="async"');
    expect(pictureHtml(picture, { alt: '', sizes: '100vw', loading: 'eager' })).toContain('alt="" loading="eager" fetchpriority="high" decoding="async"');
  });

  it('for the lead, is a figure with caption and credit; a decorative one without a caption is not announced as a figure', () => {
    const image = { ...source, alt: 'The quay', decorative: false, caption: 'At dawn.', credit: 'Photograph: Ben Ink' };
    const figure = leadFigureHtml(image, paper);
    expect(figure).toMatch(/^<figure class="figure figure--lead" [^>]*><picture>.*<\/picture><figcaption data-pagefind-ignore><span class="figure__caption">At dawn\.<\/span> <span class="figure__credit">Photograph: Ben Ink<\/span><\/figcaption><\/figure>$/);
    // Search results show the smallest card crop as their thumbnail.
    expect(figure).toContain('data-pagefind-meta="image:/paper/_images/0123456789abcdef-400x267.jpg"');
    expect(figure).toContain('loading="eager" fetchpriority="high"');
    const decorative = leadFigureHtml({ ...source, alt: '', decorative: true }, paper);
    expect(decorative).toMatch(/^<div class="figure figure--lead" [^>]*><picture>.*alt="".*<\/div>$/);
  });
});

describe('pictures in article bodies', () => {
  const processor = createBodyProcessor({ freeParagraphs: 3 });

  it('make a picture alone in a paragraph a figure, its title the caption, and leave a placeholder for the build', () => {
    const body = renderBody(processor, 'Text.\n\n![The hook](./crane-hook.png "The hook seen from the steps.")\n', 'free');
    expect(body.html).toBe('<p>Text.</p>\n<figure class="figure"><!--masthead-image:0--><figcaption data-pagefind-ignore="">The hook seen from the steps.</figcaption></figure>');
    expect(body.images).toEqual([{ src: './crane-hook.png', alt: 'The hook', line: 3 }]);
  });

  it('keep a picture inside a line of text inline, with its title, and decode its path', () => {
    const body = renderBody(processor, 'See ![a map](./caf%C3%A9%20map.png "Map") here.', 'free');
    expect(body.html).toBe('<p>See <!--masthead-image:0--> here.</p>');
    expect(body.images).toEqual([{ src: './café map.png', alt: 'a map', title: 'Map', line: 1 }]);
  });

  it('leave pictures on the web as they are, loaded lazily', () => {
    const body = renderBody(processor, '![A pier](https://example.org/pier.jpg)', 'free');
    expect(body.html).toBe('<figure class="figure"><img src="https://example.org/pier.jpg" alt="A pier" loading="lazy" decoding="async"></figure>');
    expect(body.images).toEqual([]);
  });

  it('after the free limit, are in neither the free part nor its list of pictures', () => {
    const body = renderBody(processor, 'Free one.\n\n![Free](./free.jpg)\n\n<!-- free-limit -->\n\n![Paid alt](./paid.jpg "Paid caption")\n', 'subscribers');
    expect(body.images.map((image) => image.src)).toEqual(['./free.jpg']);
    expect(body.html).not.toMatch(/paid/i);
  });

  it('sealed whole for subscriber keys, keep a paid figure’s caption but not its picture', () => {
    const keyed = createBodyProcessor({ freeParagraphs: 3, keepPaid: true });
    const body = renderBody(keyed, 'Free one.\n\n![Free](./free.jpg)\n\n<!-- free-limit -->\n\nPaid text.\n\n![Paid alt](./paid.jpg "Paid caption")\n\nInline ![x](./paid-inline.jpg) too.\n', 'subscribers');
    expect(body.wholeImages?.map((image) => image.src)).toEqual(['./free.jpg']);
    expect(body.wholeHtml).toContain('<figure class="figure figure--withheld"><figcaption data-pagefind-ignore="">Paid caption</figcaption></figure>');
    expect(body.wholeHtml).not.toMatch(/paid\.jpg|paid-inline|Paid alt/);
  });

  it('are filled in from the files the build found, under the base path, and a placeholder with no picture goes', () => {
    const html = fillPictures('<figure class="figure"><!--masthead-image:0--></figure><p><!--masthead-image:1--></p>', [{ source, alt: 'The quay' }], paper);
    expect(html).toMatch(/^<figure class="figure"><picture><source type="image\/avif" srcset="\/paper\/_images\/0123456789abcdef-400\.avif 400w/);
    expect(html).toContain('alt="The quay" loading="lazy" decoding="async"></picture></figure><p></p>');
  });
});

describe('finding a picture’s file', () => {
  const roots = { contentDir: '/news/content', publicDir: '/news/public' };
  const article = '/news/content/articles/2024/quay.md';

  it('takes a path relative to the Markdown file, and a path starting with / from public/', () => {
    expect(resolveImagePath('./quay.jpg', article, roots)).toEqual({ ok: true, path: '/news/content/articles/2024/quay.jpg' });
    expect(resolveImagePath('pictures/quay.jpg?v=2', article, roots)).toEqual({ ok: true, path: '/news/content/articles/2024/pictures/quay.jpg' });
    expect(resolveImagePath('../shared/quay.jpg', article, roots)).toEqual({ ok: true, path: '/news/content/articles/shared/quay.jpg' });
    expect(resolveImagePath('/images/pier.jpg', article, roots)).toEqual({ ok: true, path: '/news/public/images/pier.jpg' });
  });

  it('refuses a path that leads out of the content folder or out of public/', () => {
    expect(resolveImagePath('../../../../etc/passwd', article, roots)).toEqual({
      ok: false,
      problem: { code: 'picture-outside-content', args: { src: '../../../../etc/passwd' } },
    });
    expect(resolveImagePath('/../secrets.jpg', article, roots)).toMatchObject({ ok: false });
  });

  it('reads the size as displayed, turning EXIF-rotated pictures, and keeps PNG only for real transparency', async () => {
    const rotated = path.join(scratch, 'rotated.jpg');
    await sharp({ create: { width: 60, height: 20, channels: 3, background: '#336699' } }).jpeg().withMetadata({ orientation: 6 }).toFile(rotated);
    expect(await readSourceImage(rotated)).toMatchObject({ width: 20, height: 60, fallback: 'jpeg' });
    const opaque = path.join(scratch, 'opaque.png');
    await sharp({ create: { width: 10, height: 10, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 1 } } }).png().toFile(opaque);
    expect((await readSourceImage(opaque)).fallback).toBe('jpeg');
    const clear = path.join(scratch, 'clear.png');
    await sharp({ create: { width: 10, height: 10, channels: 4, background: { r: 1, g: 2, b: 3, alpha: 0.5 } } }).png().toFile(clear);
    expect((await readSourceImage(clear)).fallback).toBe('png');
  });

  it('says a file is missing, a folder, or not a picture', async () => {
    await expect(readSourceImage(path.join(scratch, 'nothing.jpg'))).rejects.toThrow('is not found');
    mkdirSync(path.join(scratch, 'folder.jpg'));
    await expect(readSourceImage(path.join(scratch, 'folder.jpg'))).rejects.toThrow('is a folder, not a picture file');
    writeFileSync(path.join(scratch, 'text.jpg'), 'not a picture at all');
    await expect(readSourceImage(path.join(scratch, 'text.jpg'))).rejects.toThrow(/is not a picture Masthead can read \(.+\); use JPEG, PNG, WebP or AVIF/);
  });
});

describe('processing', () => {
  it('makes each file at its size and format once, and takes it from the store the next time', async () => {
    const file = path.join(scratch, 'wide.jpg');
    await sharp({ create: { width: 900, height: 300, channels: 3, background: '#884422' } }).jpeg().toFile(file);
    const measured = await readSourceImage(file);
    const jobs = [...imageVariants(measured, 'content'), ...imageVariants(measured, 'card')].map((variant) => ({ source: file, hash: measured.hash, variant }));
    const storeDir = path.join(scratch, 'store');
    const first = await processImages([...jobs, ...jobs], { storeDir });
    expect(first).toMatchObject({ processed: jobs.length, cached: 0 });
    for (const job of jobs) {
      const stored = first.files.get(job.variant.file)!;
      const { width, height, format } = await sharp(stored).metadata();
      expect({ file: job.variant.file, width, height, format: format === 'heif' ? 'avif' : format }).toEqual({
        file: job.variant.file,
        width: job.variant.width,
        height: job.variant.height,
        format: job.variant.format,
      });
    }
    const second = await processImages(jobs, { storeDir });
    expect(second).toMatchObject({ processed: 0, cached: jobs.length });
  });
});
