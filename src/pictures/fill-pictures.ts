import type { Urls } from '../lib/urls';
import { PLACEHOLDER_PATTERN } from './rehype-figures';
import { pictureHtml, sealedPictureHtml } from './picture-html';
import { pictureSources, type ImageSourceInfo } from './variants';

/** How wide a picture in the text is shown: the reading measure, or the screen less its margins. */
export const BODY_PICTURE_SIZES = '(min-width: 40rem) 36rem, calc(100vw - 2rem)';

/** A body picture's placeholder data, with its source found and measured. */
export interface FilledPicture {
  source: ImageSourceInfo;
  alt: string;
  title?: string | undefined;
  /** A paid picture sealed with the text: its sealed files' URLs by width, in place of public files. */
  sealed?: readonly { url: string; width: number; height: number }[];
}

/**
 * Puts each body picture in its placeholder's place (`rehype-figures.ts`):
 * a `<picture>` with its sizes under the site's base path, loaded lazily,
 * or, for a paid picture sealed with the text, an `<img>` naming its sealed files.
 * A placeholder with no picture is an error upstream; it is removed rather
 * than published.
 */
export function fillPictures(html: string, pictures: readonly (FilledPicture | undefined)[], urls: Pick<Urls, 'path'>): string {
  return html.replace(PLACEHOLDER_PATTERN, (_placeholder, index: string) => {
    const picture = pictures[Number(index)];
    if (!picture) return '';
    if (picture.sealed) {
      const widest = picture.sealed.at(-1)!;
      return sealedPictureHtml({ files: picture.sealed, width: widest.width, height: widest.height, alt: picture.alt, title: picture.title });
    }
    return pictureHtml(pictureSources(picture.source, 'content', urls), { alt: picture.alt, title: picture.title, sizes: BODY_PICTURE_SIZES });
  });
}
