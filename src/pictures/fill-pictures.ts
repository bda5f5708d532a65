import type { Urls } from '../lib/urls';
import { PLACEHOLDER_PATTERN } from './rehype-figures';
import { pictureHtml } from './picture-html';
import { pictureSources, type ImageSourceInfo } from './variants';

/** How wide a picture in the text is shown: the reading measure, or the screen less its margins. */
export const BODY_PICTURE_SIZES = '(min-width: 40rem) 36rem, calc(100vw - 2rem)';

/** A body picture's placeholder data, with its source found and measured. */
export interface FilledPicture {
  source: ImageSourceInfo;
  alt: string;
  title?: string | undefined;
}

/**
 * Puts each body picture in its placeholder's place (`rehype-figures.ts`):
 * a `<picture>` with its sizes under the site's base path, loaded lazily.
 * A placeholder with no picture is an error upstream; it is removed rather
 * than published.
 */
export function fillPictures(html: string, pictures: readonly (FilledPicture | undefined)[], urls: Pick<Urls, 'path'>): string {
  return html.replace(PLACEHOLDER_PATTERN, (_placeholder, index: string) => {
    const picture = pictures[Number(index)];
    if (!picture) return '';
    return pictureHtml(pictureSources(picture.source, 'content', urls), { alt: picture.alt, title: picture.title, sizes: BODY_PICTURE_SIZES });
  });
}
