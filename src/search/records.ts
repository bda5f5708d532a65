/**
 * Search records: what Pagefind indexes for one article, built from the free
 * HTML the loader already has (never read back from a page), as HTML so the
 * index is the page's own. Why and how: README.md in this folder.
 */
import { bylineParts } from '../lib/bylines';
import { articleDateLine, type DateFormatOptions } from '../lib/dates';
import { bylinePortraitHtml, leadFigureHtml } from '../pictures/figure-html';
import type { StoredImage } from '../pictures/schema';
import type { Urls } from '../lib/urls';

/** One article as its page shows it, before the cut-off. */
export interface SearchRecordInput {
  slug: string;
  title: string;
  standfirst: string;
  date: Date;
  /** False when the date was a bare calendar date: the page prints the day only. */
  dateHasTime: boolean;
  updated?: Date | undefined;
  updatedHasTime?: boolean | undefined;
  /** Lead picture, found and measured. */
  image?: StoredImage | undefined;
  author: { name: string; role?: string | undefined; portrait?: StoredImage | undefined };
  /** The other authors of a piece by several, in byline order: the byline then names them all, without role or portrait. */
  otherAuthors?: readonly { name: string }[] | undefined;
  /** The article's section: its id for the link, its name for the label and the `section` filter. */
  section: { id: string; name: string };
  /** The article's label (`Analysis`…), typeset: the result shows it over the headline. */
  label?: string | undefined;
  /** `subscribers` marks the result (meta and filter `access`); free stories carry nothing. */
  access: 'subscribers' | 'free';
  /** Sanitised HTML of the free part only: what `<Content />` renders in a public page. */
  freeHtml: string;
}

export interface SearchRecordContext {
  urls: Urls;
  /** The paper's locale and time zone, to print dates as the page does (`articleDateLine`). */
  dateFormat: DateFormatOptions;
  /** The page's `lang` (the settings' locale): Pagefind keeps one index per language. */
  lang: string;
}

/** What `index.addHTMLFile()` takes. */
export interface SearchRecord {
  /**
   * The page's URL relative to the site root (`/articles/x/`), as Pagefind
   * names a page it reads from the output folder. Pagefind's client puts the
   * folder its bundle is served from (the base path, `/paper/`) in front.
   */
  url: string;
  /** A document holding the page's `data-pagefind-body` region only. */
  content: string;
}

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes frontmatter for element text and double-quoted attributes. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => textEscapes[char]!);
}

/**
 * Builds the search record of one public article. Pure: the caller passes
 * the URL builder, date printing and language in.
 *
 * Keep this in step with the `<article data-pagefind-body>` element of
 * `src/components/ArticlePage.astro`; `tests/build/search-index.test.ts`
 * fails when they differ.
 */
export function searchRecord(article: SearchRecordInput, { urls, dateFormat, lang }: SearchRecordContext): SearchRecord {
  const { author, section } = article;
  const names = [author, ...(article.otherAuthors ?? [])].map((each) => `<a data-pagefind-filter="author">${escapeHtml(each.name)}</a>`);
  const byline =
    names.length === 1
      ? `${author.portrait ? bylinePortraitHtml(author.portrait, urls) : ''}By ${names[0]}${author.role ? `<span>, ${escapeHtml(author.role)}</span>` : ''}`
      : `By ${bylineParts(names.length, lang)
          .map((part) => ('author' in part ? names[part.author]! : escapeHtml(part.text)))
          .join('')}`;
  const dates = articleDateLine(
    {
      published: { date: article.date, hasTime: article.dateHasTime },
      updated: article.updated && { date: article.updated, hasTime: article.updatedHasTime ?? false },
    },
    dateFormat,
  );
  const updated = dates.updated ? `<span> · Updated <time>${escapeHtml(dates.updated.text)}</time></span>` : '';
  // The page's own figure markup: Pagefind takes its first picture as the result's thumbnail.
  const image = article.image ? leadFigureHtml(article.image, urls) : '';
  const content =
    `<!DOCTYPE html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"></head><body>` +
    (article.access === 'subscribers'
      ? `<article data-pagefind-body data-pagefind-filter="access:subscribers" data-pagefind-meta="access:subscribers"><header>`
      : `<article data-pagefind-body><header>`) +
    `<p data-pagefind-ignore><a href="${escapeHtml(urls.section(section.id))}" data-pagefind-filter="section" data-pagefind-meta="section_url[href]">${escapeHtml(section.name)}</a></p>` +
    (article.label ? `<p data-pagefind-ignore data-pagefind-meta="label">${escapeHtml(article.label)}</p>` : '') +
    `<h1>${escapeHtml(article.title)}</h1>` +
    `<p>${escapeHtml(article.standfirst)}</p>` +
    `<p data-pagefind-ignore>${byline}</p>` +
    `<p data-pagefind-ignore><time datetime="${escapeHtml(dates.published.datetime)}" data-pagefind-meta="date, datetime[datetime]">${escapeHtml(dates.published.text)}</time>${updated}</p>` +
    `</header>${image}<div>${article.freeHtml}</div></article></body></html>`;
  return { url: `/${urls.article(article.slug).slice(urls.base.length)}`, content };
}
