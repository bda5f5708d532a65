import type { PublishedArchive } from '../archive/published';
import { searchRecord, type SearchRecord } from './records';
import { createUrls } from '../lib/urls';
import { splitSearchParts, type SearchParts } from './parts';

type PublishedArticle = PublishedArchive['archive']['articles'][number];

/** Makes the search record of an article of a public-edition read, from its free HTML (see `src/search/records.ts`). */
function recordMaker({ archive, options }: PublishedArchive, dateFormat: { locale: string; timeZone: string }): (article: PublishedArticle) => SearchRecord {
  const urls = createUrls(options.basePath ?? '/');
  const authors = new Map(archive.authors.map((author) => [author.id, author.data]));
  const sections = new Map(archive.sections.map((section) => [section.id, section]));
  const context = { urls, dateFormat, lang: dateFormat.locale };
  return ({ id, data, html }) =>
    searchRecord(
      {
        slug: id,
        title: data.title,
        standfirst: data.standfirst,
        date: data.date,
        dateHasTime: data.dateHasTime,
        updated: data.updated,
        updatedHasTime: data.updatedHasTime,
        image: data.image,
        author: authors.get(data.author)!,
        otherAuthors: (data.authors ?? []).slice(1).map((id) => authors.get(id)!),
        section: sections.get(data.section)!,
        label: data.label,
        access: data.access,
        freeHtml: html,
      },
      context,
    );
}

/** One search record per article of a public-edition read, in the archive's order. */
export function archiveSearchRecords(published: PublishedArchive, dateFormat: { locale: string; timeZone: string }): SearchRecord[] {
  return published.archive.articles.map(recordMaker(published, dateFormat));
}

/**
 * The articles of a public-edition read in the search index's parts
 * (`src/search/parts.ts`), by publication year, and a function that makes a
 * part's records: made part by part, so that a large archive's records are
 * never all held at once.
 */
export function archiveSearchParts(
  published: PublishedArchive,
  dateFormat: { locale: string; timeZone: string },
): SearchParts<PublishedArticle> & { records: (articles: readonly PublishedArticle[]) => SearchRecord[] } {
  const make = recordMaker(published, dateFormat);
  return {
    ...splitSearchParts(published.archive.articles, (article) => article.data.date, dateFormat.timeZone),
    records: (articles) => articles.map(make),
  };
}
