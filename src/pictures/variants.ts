import type { StoredImage } from './schema';
import type { Urls } from '../lib/urls';

/**
 * Which files a picture is made into, and the URLs pages print for them.
 * Pure: pages and the image writer both derive every file name from the
 * source's content hash, its size and the use, so they agree without talking.
 */

/** The folder of processed pictures in the built site: `/_images/<hash>-<width>.<ext>`. */
export const IMAGE_FOLDER = '_images';

/** Formats a variant is written in. */
export type ImageFormat = 'avif' | 'webp' | 'jpeg' | 'png';

/**
 * How a picture is shown, and so which files it needs:
 * - `content`: the whole picture at reading widths (lead and body pictures);
 * - `card`: a 3:2 crop for story cards;
 * - `portrait`: a square crop for an author's portrait;
 * - `social`: one 1200×630 JPEG crop for `og:image` and `twitter:image`.
 */
export type ImageUse = 'content' | 'card' | 'portrait' | 'social';

/** What a variant needs from its source. */
export type ImageSourceInfo = Pick<StoredImage, 'hash' | 'width' | 'height' | 'fallback'>;

/** One processed file. */
export interface ImageVariant {
  /** File name inside `IMAGE_FOLDER`. */
  file: string;
  format: ImageFormat;
  /** Pixel size of the file. */
  width: number;
  height: number;
  /** Cropped to `width`×`height` (cover), rather than resized whole. */
  crop: boolean;
}

/** Widths the whole picture is made in, before bounding by the source. */
export const CONTENT_WIDTHS = [400, 800, 1200, 1600] as const;
/** Widths of a story card's crop: a card is at most about 400 CSS pixels wide. */
export const CARD_WIDTHS = [400, 800] as const;
/** Widths of a portrait's square: 2.5rem beside a byline, up to 8rem on the author page, at 1x to 3x. */
export const PORTRAIT_WIDTHS = [96, 192, 384] as const;
/** A card's shape, width over height. */
export const CARD_RATIO = 3 / 2;
/** The social card's size, as Open Graph and X recommend for large pictures. */
export const SOCIAL_SIZE = { width: 1200, height: 630 } as const;

/** Characters of the content hash in a file name: 64 bits keep two pictures apart. */
const HASH_CHARS = 16;

/**
 * The widths to make from a source `sourceWidth` pixels wide: every step
 * narrower than the source, then the source's own width if it is narrower
 * than the widest step (never enlarged), so a 1000-pixel picture is made at
 * 400, 800 and 1000.
 */
export function boundedWidths(sourceWidth: number, steps: readonly number[]): number[] {
  const widest = Math.min(sourceWidth, Math.max(...steps));
  return [...new Set([...steps.filter((step) => step < widest), widest])].sort((a, b) => a - b);
}

/** Height for `width` at the source's aspect ratio, never 0. */
function heightAt(width: number, source: { width: number; height: number }): number {
  return Math.max(1, Math.round((width * source.height) / source.width));
}

/** The largest crop of ratio `ratio` inside the source: its size before any resizing. */
export function cropBox(source: { width: number; height: number }, ratio: number): { width: number; height: number } {
  return source.width / source.height > ratio
    ? { width: Math.max(1, Math.round(source.height * ratio)), height: source.height }
    : { width: source.width, height: Math.max(1, Math.round(source.width / ratio)) };
}

const extension: Record<ImageFormat, string> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png' };
const mimeType: Record<ImageFormat, string> = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg', png: 'image/png' };

function variant(source: ImageSourceInfo, format: ImageFormat, width: number, height: number, crop: boolean): ImageVariant {
  const size = crop ? `${width}x${height}` : `${width}`;
  return { file: `${source.hash.slice(0, HASH_CHARS)}-${size}.${extension[format]}`, format, width, height, crop };
}

/** The sizes (before formats) a use needs. */
function sizesFor(source: ImageSourceInfo, use: ImageUse): { width: number; height: number; crop: boolean }[] {
  switch (use) {
    case 'content':
      return boundedWidths(source.width, CONTENT_WIDTHS).map((width) => ({ width, height: heightAt(width, source), crop: false }));
    case 'card': {
      const box = cropBox(source, CARD_RATIO);
      return boundedWidths(box.width, CARD_WIDTHS).map((width) => ({ width, height: Math.max(1, Math.round(width / CARD_RATIO)), crop: true }));
    }
    case 'portrait': {
      const side = Math.min(source.width, source.height);
      return boundedWidths(side, PORTRAIT_WIDTHS).map((width) => ({ width, height: width, crop: true }));
    }
    case 'social':
      // Shared pictures are shown at this size whatever the source: a small source is enlarged.
      return [{ ...SOCIAL_SIZE, crop: true }];
  }
}

/** Formats a use is written in, modern first; the last one is the `<img>` fallback. */
function formatsFor(source: ImageSourceInfo, use: ImageUse): ImageFormat[] {
  // Link previews read one file, and not every reader of them knows AVIF or WebP.
  if (use === 'social') return ['jpeg'];
  return ['avif', 'webp', source.fallback];
}

/** Every file a use of a picture needs. */
export function imageVariants(source: ImageSourceInfo, use: ImageUse): ImageVariant[] {
  const sizes = sizesFor(source, use);
  return formatsFor(source, use).flatMap((format) => sizes.map((size) => variant(source, format, size.width, size.height, size.crop)));
}

/** The site URL of a processed file. */
export function imageUrl(file: string, urls: Pick<Urls, 'path'>): string {
  return urls.path(`${IMAGE_FOLDER}/${file}`);
}

/** What a `<picture>` element needs: one `<source>` per modern format and the fallback `<img>`. */
export interface PictureSources {
  sources: { type: string; srcset: string }[];
  /** The fallback's middle-sized file, for browsers without `srcset`. */
  src: string;
  srcset: string;
  /** The intrinsic size of the widest file: its ratio reserves the space before the picture loads. */
  width: number;
  height: number;
}

/** The `<picture>` sources of a use of a picture, under the site's base path. */
export function pictureSources(source: ImageSourceInfo, use: ImageUse, urls: Pick<Urls, 'path'>): PictureSources {
  const variants = imageVariants(source, use);
  const formats = formatsFor(source, use);
  const srcset = (format: ImageFormat) =>
    variants
      .filter((candidate) => candidate.format === format)
      .map((candidate) => `${imageUrl(candidate.file, urls)} ${candidate.width}w`)
      .join(', ');
  const fallback = formats.at(-1)!;
  const fallbacks = variants.filter((candidate) => candidate.format === fallback);
  const widest = fallbacks.at(-1)!;
  const middle = fallbacks[Math.floor((fallbacks.length - 1) / 2)]!;
  return {
    sources: formats.slice(0, -1).map((format) => ({ type: mimeType[format], srcset: srcset(format) })),
    src: imageUrl(middle.file, urls),
    srcset: srcset(fallback),
    width: widest.width,
    height: widest.height,
  };
}

/** The folder of sealed files (a keyed build's paid pictures, encrypted) in the built site: `/_sealed/<name>.bin`. */
export const SEALED_FOLDER = '_sealed';

/**
 * The files a paid picture is sealed as: the whole picture at reading widths,
 * in WebP only (every browser that runs the unlock script shows WebP; one
 * format keeps the sealed files and the script small).
 */
export function sealedVariants(source: ImageSourceInfo): ImageVariant[] {
  return boundedWidths(source.width, CONTENT_WIDTHS).map((width) => variant(source, 'webp', width, heightAt(width, source), false));
}

/** The site URL of a sealed file. */
export function sealedUrl(name: string, urls: Pick<Urls, 'path'>): string {
  return urls.path(`${SEALED_FOLDER}/${name}.bin`);
}

/** The URL of a picture's 1200×630 social crop (a JPEG), for `og:image` and `twitter:image`. */
export function socialImageUrl(source: ImageSourceInfo, urls: Pick<Urls, 'path'>): string {
  return imageUrl(imageVariants(source, 'social')[0]!.file, urls);
}
