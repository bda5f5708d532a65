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
