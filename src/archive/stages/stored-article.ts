import { articleFrontmatterSchema, type StoredArticle } from '../../schemas/article';
import { keepAsWritten } from '../../lib/field-meta';
import { noLists } from '../../similar-stories/article-lists';
import type { StoredImage } from '../../pictures/schema';
import type { PendingArticle } from './article-file';

/** What the body stage adds to an article: whether it was cut, and whether it was sealed. */
export interface RenderedParts {
  cut: boolean;
  sealed: boolean;
  image?: StoredImage | undefined;
}

/**
 * What the articles collection stores for an article: the fields kept as
 * written (texts typeset), dates resolved in the paper's zone, the label as
 * the settings spell it, and what the read worked out. The lists
 * are filled once every article is known.
 */
export function storedArticle(pending: PendingArticle, parts: RenderedParts, typeset: (text: string) => string): StoredArticle {
  const { meta, published, updated, corrections, label, state } = pending;
  return {
    // The fields a newsroom declares with `stored` meta (headline, standfirst, section, tags…) come across by themselves.
    ...keepAsWritten(articleFrontmatterSchema.shape, meta, typeset),
    author: meta.author[0]!,
    authors: meta.author,
    date: published.date,
    dateHasTime: published.hasTime,
    ...(updated
      ? // A bare update on the day of a timed publication starts before it; machines get the publication time instead.
        { updated: new Date(Math.max(updated.date.getTime(), published.date.getTime())), updatedHasTime: updated.hasTime }
      : {}),
    ...(parts.image ? { image: parts.image } : {}),
    access: pending.access,
    cut: parts.cut,
    sealed: parts.sealed,
    source: pending.shown,
    ...(label === undefined ? {} : { label: typeset(label) }),
    ...(corrections.length > 0
      ? // A bare correction date on the day of a timed publication is given as the publication time, as `updated` is.
        {
          corrections: corrections.map(({ date, hasTime, text }) => ({
            date: new Date(Math.max(date.getTime(), published.date.getTime())),
            dateHasTime: hasTime,
            text: typeset(text),
          })),
        }
      : {}),
    ...(state.state === 'draft' ? { draft: true } : {}),
    ...(state.state === 'embargoed' ? { embargoedUntil: state.until } : {}),
    ...(meta.related && meta.related.length > 0 ? { related: meta.related } : {}),
    ...(meta.similar === false ? { hideFromSimilar: true } : {}),
    ...noLists(),
  };
}
