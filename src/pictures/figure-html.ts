import type { Urls } from '../lib/urls';
import type { StoredImage } from './schema';
import { escapeHtml, pictureHtml } from './picture-html';
import { imageUrl, imageVariants, pictureSources } from './variants';

/** How wide the lead picture is shown: the article's measure, or the screen less its margins. */
export const LEAD_PICTURE_SIZES = '(min-width: 40rem) 36rem, calc(100vw - 2rem)';

/**
 * The lead picture of an article page, under the standfirst: a `<figure>`
 * with its caption and credit, the picture loaded first (`eager`, high
 * priority: it is the largest thing at the top of the page). A decorative
 * picture without a caption is not a figure: nothing about it is announced.
 *
 * One function for the page and its search record
 * (`src/search/records.ts`), so Pagefind reads the same markup in both.
 * The figure names the card crop as the search result's thumbnail
 * (Pagefind's `image` metadata), which would otherwise be the first picture
 * it meets, whatever its size.
 */
export function leadFigureHtml(image: StoredImage, urls: Pick<Urls, 'path'>): string {
  const picture = pictureHtml(pictureSources(image, 'content', urls), {
    alt: image.decorative ? '' : image.alt,
    sizes: LEAD_PICTURE_SIZES,
    loading: 'eager',
  });
  const caption = [
    image.caption ? `<span class="figure__caption">${escapeHtml(image.caption)}</span>` : '',
    image.credit ? `<span class="figure__credit">${escapeHtml(image.credit)}</span>` : '',
  ]
    .filter(Boolean)
    .join(' ');
  // A static value takes the whole attribute: nothing else can be listed beside it. The caption and credit are
  // not search words: a result's excerpt would run them into the text ("…on Monday. Illustration: The Ledger The…").
  const thumbnail = `data-pagefind-meta="image:${escapeHtml(searchThumbnailUrl(image, urls))}"`;
  if (!caption && image.decorative) return `<div class="figure figure--lead" ${thumbnail}>${picture}</div>`;
  return `<figure class="figure figure--lead" ${thumbnail}>${picture}${caption ? `<figcaption data-pagefind-ignore>${caption}</figcaption>` : ''}</figure>`;
}

/** The smallest 3:2 card crop in the fallback format, for a search result's thumbnail. */
export function searchThumbnailUrl(image: StoredImage, urls: Pick<Urls, 'path'>): string {
  return imageUrl(imageVariants(image, 'card').find((variant) => variant.format === image.fallback)!.file, urls);
}

/**
 * An author's portrait beside a byline: small, and decorative (the name is
 * right beside it), so `alt=""` whatever the portrait's own alt text.
 * Shared by the article page and its search record, like `leadFigureHtml`.
 * Pagefind ignores it altogether: it is no search result's thumbnail.
 */
export function bylinePortraitHtml(portrait: StoredImage, urls: Pick<Urls, 'path'>): string {
  return `<span class="byline__portrait" data-pagefind-ignore="all">${pictureHtml(pictureSources(portrait, 'portrait', urls), { alt: '', sizes: '2.5rem' })}</span>`;
}
