import type { PictureSources } from './variants';

/** Escapes text for a double-quoted attribute or element content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface PictureHtmlOptions {
  /** Alt text; empty for a decorative picture. */
  alt: string;
  /** The `sizes` attribute: how wide the picture is shown. */
  sizes: string;
  /** `eager` only for the picture at the top of the page; everything else waits until it is near. */
  loading?: 'eager' | 'lazy';
  /** An advisory title, as written in the Markdown. */
  title?: string | undefined;
}

/**
 * A `<picture>` element as HTML, for pictures inside article bodies (the
 * components print the same markup from the same `PictureSources`). Width and
 * height are always set, so the browser reserves the space before the file
 * arrives.
 */
export function pictureHtml(picture: PictureSources, { alt, sizes, loading = 'lazy', title }: PictureHtmlOptions): string {
  const sources = picture.sources
    .map((source) => `<source type="${source.type}" srcset="${escapeHtml(source.srcset)}" sizes="${escapeHtml(sizes)}">`)
    .join('');
  const attributes = [
    `src="${escapeHtml(picture.src)}"`,
    `srcset="${escapeHtml(picture.srcset)}"`,
    `sizes="${escapeHtml(sizes)}"`,
    `width="${picture.width}"`,
    `height="${picture.height}"`,
    `alt="${escapeHtml(alt)}"`,
    ...(title ? [`title="${escapeHtml(title)}"`] : []),
    loading === 'eager' ? 'loading="eager" fetchpriority="high"' : 'loading="lazy"',
    'decoding="async"',
  ];
  return `<picture>${sources}<img ${attributes.join(' ')}></picture>`;
}

/** A paid picture sealed with the text: one sealed file per width, and what the `<img>` shows. */
export interface SealedPictureHtml {
  /** The sealed files' URLs, by the width of the picture each holds, narrowest first. */
  files: readonly { url: string; width: number }[];
  /** The intrinsic size of the widest file: it reserves the space before the picture is opened. */
  width: number;
  height: number;
  alt: string;
  title?: string | undefined;
}

/**
 * A paid picture's `<img>` inside the sealed article: no `src` (nothing a
 * reader without the key could load), the sealed files in `data-sealed`
 * (`<url> <width>w, …`), which the unlock script opens, choosing a width as
 * `srcset` would for the width it is laid out at, and shows as WebP. Width
 * and height are set, so the space is kept while it opens.
 */
export function sealedPictureHtml({ files, width, height, alt, title }: SealedPictureHtml): string {
  const attributes = [
    `data-sealed="${escapeHtml(files.map((file) => `${file.url} ${file.width}w`).join(', '))}"`,
    `width="${width}"`,
    `height="${height}"`,
    `alt="${escapeHtml(alt)}"`,
    ...(title ? [`title="${escapeHtml(title)}"`] : []),
    'decoding="async"',
  ];
  return `<img ${attributes.join(' ')}>`;
}
