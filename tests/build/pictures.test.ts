import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse, type HTMLElement } from 'node-html-parser';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeVariants } from '../../src/pictures/process-images';
import { imageVariants, sealedVariants } from '../../src/pictures/variants';
import { openEnvelope, type Envelope } from '../../src/subscribers/envelope';
import { parseKeyToken } from '../../src/subscribers/keys';
import { projectRoot } from '../helpers/astro-build';
import { bodyCacheDir, builtSite, buildLog } from '../helpers/built-site';
import { CURRENT_KEY } from '../helpers/keys';
import { findBytesInSite, findInSite, listFiles, readPage } from '../helpers/site-files';

const fixture = path.join(projectRoot, 'tests/fixtures/site');
const picture = (file: string) => path.join(fixture, 'articles/2024/pictures', file);
const PAID_PICTURE = picture('paid-lighthouse-foxglove.jpg');
const paidHash = createHash('sha256').update(readFileSync(PAID_PICTURE)).digest('hex');
/** The paid picture as the pipeline measures it (700×500, a JPEG). */
const paidSource = { hash: paidHash, width: 700, height: 500, fallback: 'jpeg' as const };

const page = (site: string, urlPath: string): HTMLElement => parse(readPage(site, urlPath));
const envelopeOfOrNone = (site: string, slug: string): Envelope | undefined => {
  const json = page(site, `/articles/${slug}/`).querySelector('#masthead-paid')?.textContent;
  return json ? (JSON.parse(json) as Envelope) : undefined;
};
const envelopeOf = (site: string, slug: string): Envelope => envelopeOfOrNone(site, slug)!;
const pages = (site: string) => listFiles(site).filter((file) => file.endsWith('.html'));
const text = (element: HTMLElement | null | undefined) => element?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const isPicture = (file: string) => /\.(avif|webp|jpe?g|png|gif)$/i.test(file);

/** Every processed picture's URL a page names, in `src`, `srcset` and link previews (site paths), with the page's file. */
function pictureUrls(site: string): { file: string; url: string }[] {
  return pages(site).flatMap((file) => {
    const html = parse(readFileSync(path.join(site, file), 'utf8'));
    const inPage = html
      .querySelectorAll('img, source')
      .flatMap((element) => [element.getAttribute('src') ?? '', ...(element.getAttribute('srcset') ?? '').split(',').map((entry) => entry.trim().split(/\s+/)[0]!)]);
    const previews = html.querySelectorAll('meta[property="og:image"], meta[name="twitter:image"]').map((meta) => new URL(meta.getAttribute('content')!).pathname);
    return [...inPage, ...previews].filter((url) => url.includes('/_images/')).map((url) => ({ file, url }));
  });
}

/** The average colour of a picture file, 0 to 255 per channel. */
async function averageColour(file: string): Promise<[number, number, number]> {
  const { channels } = await sharp(file).stats();
  return [channels[0]!.mean, channels[1]!.mean, channels[2]!.mean];
}

const distance = (a: readonly number[], b: readonly number[]) => Math.hypot(...a.map((value, index) => value - b[index]!));

/**
 * Files whose pixels could have been made from the paid picture: an average
 * colour near its own (the fixture's paid picture is a magenta no other comes
 * near), whatever the file's name, size or format.
 */
async function madeFromPaidPicture(dir: string): Promise<string[]> {
  const paid = await averageColour(PAID_PICTURE);
  const files = listFiles(dir).filter(isPicture);
  // Decoded side by side: sharp works on its own threads.
  const colours = await Promise.all(files.map((file) => averageColour(path.join(dir, file)).catch(() => undefined)));
  return files.filter((_, index) => colours[index] && distance(colours[index], paid) < 60);
}

describe('pictures in a public build', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('fixture');
  });

  it('writes every file the pages name, under /_images/, and no other', () => {
    const named = new Set(pictureUrls(site).map(({ url }) => url.replace(/^\/_images\//, '')));
    const written = new Set(listFiles(path.join(site, '_images')));
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((file) => !written.has(file))).toEqual([]);
    expect([...written].filter((file) => !named.has(file))).toEqual([]);
  });

  it('makes each file at the size its name says, in the format its extension says', async () => {
    for (const file of listFiles(path.join(site, '_images'))) {
      const [, width, height, extension] = /-(\d+)(?:x(\d+))?\.(\w+)$/.exec(file)!;
      const metadata = await sharp(path.join(site, '_images', file)).metadata();
      expect(metadata.width, file).toBe(Number(width));
      if (height) expect(metadata.height, file).toBe(Number(height));
      expect({ avif: 'heif', webp: 'webp', jpg: 'jpeg', png: 'png' }[extension!], file).toBe(metadata.format);
    }
  });

  it('shows the lead picture under the header at four widths in AVIF, WebP and JPEG, with its size, caption and credit', () => {
    const html = page(site, '/articles/pictures/');
    const figure = html.querySelector('article > header + figure.figure--lead')!;
    expect(figure).not.toBeNull();
    const widths = (srcset: string | undefined) => (srcset ?? '').split(', ').map((entry) => entry.split(' ')[1]);
    const [avif, webp] = figure.querySelectorAll('source');
    expect(avif!.getAttribute('type')).toBe('image/avif');
    expect(webp!.getAttribute('type')).toBe('image/webp');
    for (const element of [avif!, webp!, figure.querySelector('img')!]) expect(widths(element.getAttribute('srcset'))).toEqual(['400w', '800w', '1200w', '1600w']);
    const img = figure.querySelector('img')!;
    expect(img.getAttribute('src')).toMatch(/^\/_images\/[0-9a-f]{16}-800\.jpg$/);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['1600', '941']);
    expect(img.getAttribute('alt')).toBe('The east quay at dawn, with the crane’s jib against a pale sky');
    expect(img.getAttribute('sizes')).toBeTruthy();
    expect(text(figure.querySelector('figcaption'))).toBe('Free lead caption bluebell, the crane took six weeks to put up. Ada Quill');
  });

  it('loads the lead picture first and every other picture lazily', () => {
    const html = page(site, '/articles/pictures/');
    const images = html.querySelectorAll('img');
    expect(images.length).toBeGreaterThanOrEqual(2);
    const eager = images.filter((img) => img.getAttribute('loading') === 'eager');
    expect(eager).toHaveLength(1);
    expect(eager[0]!.getAttribute('fetchpriority')).toBe('high');
    expect(eager[0]!.closest('figure')?.classList.contains('figure--lead')).toBe(true);
    for (const img of images.filter((img) => img !== eager[0])) {
      expect(img.getAttribute('loading'), img.toString()).toBe('lazy');
      expect(img.getAttribute('decoding'), img.toString()).toBe('async');
    }
  });

  it('gives every processed picture on every page its width, height and alt text', () => {
    for (const file of pages(site)) {
      for (const img of parse(readFileSync(path.join(site, file), 'utf8')).querySelectorAll('img[src*="/_images/"]')) {
        expect(Number(img.getAttribute('width')), `${file}: ${img}`).toBeGreaterThan(0);
        expect(Number(img.getAttribute('height')), `${file}: ${img}`).toBeGreaterThan(0);
        expect(img.hasAttribute('alt'), `${file}: ${img}`).toBe(true);
      }
    }
  });

  it('makes a picture alone in a paragraph a figure with its caption, as a PNG fallback for a transparent one', () => {
    const figure = page(site, '/articles/pictures/').querySelector('.article__body figure')!;
    expect(text(figure.querySelector('figcaption'))).toBe('Free body caption campion, the hook seen from the quay steps.');
    const img = figure.querySelector('img')!;
    // The apostrophe as typed or typeset: typography is not this test's concern.
    expect(img.getAttribute('alt')).toMatch(/^The crane['’]s hook above the water$/);
    expect(img.getAttribute('src')).toMatch(/-400\.png$/);
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['600', '400']);
  });

  it('shows a 3:2 crop on the cards of stories with a lead picture, in every list, and none on the others', () => {
    for (const urlPath of ['/', '/sections/features/', '/authors/ben-ink/', '/articles/marker-first/']) {
      const cards = page(site, urlPath).querySelectorAll('li.story');
      expect(cards.filter((card) => card.querySelector('.story__picture img')).length, urlPath).toBeGreaterThan(0);
      for (const card of cards) {
        const img = card.querySelector('.story__picture img');
        const href = card.querySelector('.story__title a')!.getAttribute('href');
        // The fixture's two articles with a lead picture.
        expect(img !== null, `${urlPath}: ${href}`).toBe(href === '/articles/pictures/' || href === '/articles/free-article/');
        expect(card.classList.contains('story--picture')).toBe(img !== null);
        if (img) {
          expect(img.getAttribute('src')).toMatch(/-(\d+)x(\d+)\.jpg$/);
          const [, w, h] = /-(\d+)x(\d+)\.jpg$/.exec(img.getAttribute('src')!)!;
          expect(Number(w) / Number(h)).toBeCloseTo(1.5, 1);
          // The headline beside it says what the story is.
          expect(img.getAttribute('alt')).toBe('');
        }
      }
    }
  });

  it('lays the front page’s lead story out over its picture, loaded first', () => {
    const html = page(site, '/');
    const front = html.querySelector('.front')!;
    const lead = front.querySelector('.lead-story')!;
    expect(front.classList.contains('front--picture')).toBe(lead.querySelector('.lead-story__picture') !== null);
    if (lead.querySelector('.lead-story__picture')) expect(lead.querySelector('img')!.getAttribute('loading')).toBe('eager');
  });

  it('shows the author’s portrait on the author page and, small and silent, beside the byline', () => {
    const portrait = page(site, '/authors/ada-quill/').querySelector('.author-header__portrait img')!;
    expect(portrait.getAttribute('src')).toMatch(/-192x192\.jpg$/);
    const byline = page(site, '/articles/marker-top-level/').querySelector('.article__byline .byline__portrait img')!;
    expect(byline.getAttribute('alt')).toBe('');
    expect(byline.getAttribute('width')).toBe(byline.getAttribute('height'));
    // Ben Ink has no portrait.
    expect(page(site, '/articles/free-article/').querySelector('.article__byline img')).toBeNull();
  });

  it('gives search results the card crop as their thumbnail, and never a byline portrait', () => {
    const dir = path.join(site, 'pagefind/fragment');
    const meta = new Map(
      readdirSync(dir).map((name) => {
        const fragment = JSON.parse(gunzipSync(readFileSync(path.join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string; meta: { image?: string } };
        return [fragment.url, fragment.meta.image];
      }),
    );
    expect(meta.get('/articles/pictures/')).toMatch(/^\/_images\/[0-9a-f]{16}-400x267\.jpg$/);
    expect(existsSync(path.join(site, meta.get('/articles/pictures/')!))).toBe(true);
    // Ada Quill's byline has her portrait; the article has no lead picture.
    expect(meta.get('/articles/marker-top-level/')).toBeUndefined();
  });

  it('logs what it processed and how long it took, for the benchmark', () => {
    expect(buildLog('fixture')).toMatch(/images: \d+ processed, \d+ from the cache/);
    expect(buildLog('fixture')).toMatch(/phase images: \d+ ms/);
  });
});

describe('the paywall rule for pictures', () => {
  const sites = { fixture: '', keyed: '', edition: '' };
  beforeAll(() => {
    for (const name of ['fixture', 'keyed', 'edition'] as const) sites[name] = builtSite(name);
  });

  it('never processes, names or links a picture from after the free limit in a public build', async () => {
    const site = sites.fixture;
    expect(findInSite(site, ['paid-lighthouse-foxglove', 'Paid caption larkspurtrombone', 'marigoldcomet', paidHash, paidHash.slice(0, 16)])).toEqual([]);
    expect(listFiles(site).filter((file) => file.includes(paidHash.slice(0, 16)))).toEqual([]);
    expect(await madeFromPaidPicture(site)).toEqual([]);
  });

  it('seals the paid picture with the text, in files that decrypt with the key to exactly its WebP variants, and to nothing without it', async () => {
    const site = sites.keyed;
    expect(findInSite(site, ['paid-lighthouse-foxglove', paidHash, paidHash.slice(0, 16)])).toEqual([]);
    expect(await madeFromPaidPicture(site)).toEqual([]);
    const opened = await openEnvelope(envelopeOf(site, 'pictures'), parseKeyToken(CURRENT_KEY), 'pictures');
    const whole = parse(opened.html);
    // The paid figure: its caption, alt text and size, and no file a reader without the key could load.
    const sealed = whole.querySelectorAll('img[data-sealed]');
    expect(sealed).toHaveLength(1);
    const img = sealed[0]!;
    expect(text(img.closest('figure')?.querySelector('figcaption'))).toBe('Paid caption larkspurtrombone under the picture');
    expect([img.getAttribute('alt'), img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('src')]).toEqual(['Paid picture alt marigoldcomet', '700', '500', undefined]);
    // Each width's sealed file opens, with the article's key and under its own name, to the very file the pipeline makes.
    const files = [...img.getAttribute('data-sealed')!.matchAll(/(\/_sealed\/([0-9a-f]{32})\.bin) (\d+)w/g)];
    const clear = await makeVariants(PAID_PICTURE, sealedVariants(paidSource));
    expect(files.map((match) => Number(match[3]))).toEqual(clear.map((_, index) => sealedVariants(paidSource)[index]!.width));
    for (const [index, [, url, name]] of files.entries()) {
      const bytes = readFileSync(path.join(site, url!));
      expect(Buffer.from(await opened.openFile(name!, new Uint8Array(bytes))).equals(clear[index]!), url).toBe(true);
      // Without the key the file is noise: no picture format, nothing the colour check decodes.
      expect(bytes.subarray(0, 16).toString('latin1')).not.toMatch(/RIFF|WEBP|JFIF|PNG|ftyp/);
    }
    // The free pictures come back whole when the article is unlocked, from files the public build wrote.
    for (const free of whole.querySelectorAll('img[src]')) expect(existsSync(path.join(site, free.getAttribute('src')!))).toBe(true);
  });

  it('publishes the paid picture in no form: no variant, crop, original or base64 of one in any file, and no sealed file name in clear', async () => {
    const site = sites.keyed;
    // Every file the picture pipeline could make of the paid picture, in every use and format, and the original.
    const variants = [...(['content', 'card', 'portrait', 'social'] as const).flatMap((use) => imageVariants(paidSource, use)), ...sealedVariants(paidSource)];
    const made = await makeVariants(PAID_PICTURE, variants);
    const needles = [
      { label: 'original', bytes: readFileSync(PAID_PICTURE) },
      ...made.map((bytes, index) => ({ label: `${variants[index]!.file} (${variants[index]!.crop ? 'crop' : 'whole'})`, bytes })),
    ];
    expect(findBytesInSite(site, needles)).toEqual([]);
    // The check finds them where they are: the subscriber edition publishes the paid picture.
    expect(findBytesInSite(sites.edition, needles).length).toBeGreaterThan(0);
    // The sealed files are named only inside the envelope; every one there is named by a sealed article, none is left over.
    const written = listFiles(path.join(site, '_sealed'));
    expect(written.length).toBeGreaterThan(0);
    expect(findInSite(site, written.map((file) => file.replace(/\.bin$/, '')))).toEqual([]);
    const named = new Set<string>();
    for (const slug of listFiles(path.join(site, 'articles')).map((file) => path.dirname(file))) {
      const envelope = envelopeOfOrNone(site, slug);
      if (!envelope) continue;
      for (const match of (await openEnvelope(envelope, parseKeyToken(CURRENT_KEY), slug)).html.matchAll(/\/_sealed\/([0-9a-f]{32}\.bin)/g)) named.add(match[1]!);
    }
    expect([...named].sort()).toEqual(written);
  });

  it('shows paid pictures in the subscriber edition', async () => {
    const site = sites.edition;
    const figures = page(site, '/articles/pictures/').querySelectorAll('.article__body figure');
    expect(figures.map((figure) => text(figure.querySelector('figcaption')))).toContain('Paid caption larkspurtrombone under the picture');
    expect(await madeFromPaidPicture(site)).not.toEqual([]);
  });

  it('keeps the public build’s picture cache free of paid pictures', async () => {
    expect(listFiles(path.join(bodyCacheDir(), 'images', 'public')).length).toBeGreaterThan(20);
    expect(await madeFromPaidPicture(path.join(bodyCacheDir(), 'images', 'public'))).toEqual([]);
    // The subscriber edition's own cache does hold it: that is why it is kept apart.
    expect(await madeFromPaidPicture(path.join(bodyCacheDir(), 'images', 'subscribers'))).not.toEqual([]);
  });
});

describe('pictures under a base path', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('subpath');
  });

  it('are named under the base path, and every file named is there', () => {
    const urls = pictureUrls(site);
    expect(urls.length).toBeGreaterThan(20);
    for (const { file, url } of urls) {
      expect(url, file).toMatch(/^\/paper\/_images\/[0-9a-f]{16}-\d+(x\d+)?\.(avif|webp|jpg|png)$/);
      expect(existsSync(path.join(site, url.slice('/paper/'.length))), url).toBe(true);
    }
  });
});
