import type { PublishedArchive } from '../archive/published';
import { searchRecord, type SearchRecord } from './records';
import { createUrls } from '../lib/urls';
import { splitSearchParts, type SearchParts } from './parts';

/**
 * One search record per article of a public-edition read, from its free HTML
 * (see `src/search/records.ts`), in the archive's order.
 */
export function archiveSearchRecords({ archive, options }: PublishedArchive, dateFormat: { locale: string; timeZone: string }): SearchRecord[] {
  const urls = createUrls(options.basePath ?? '/');
  const authors = new Map(archive.authors.map((author) => [author.id, author.data]));
  const sections = new Map(archive.sections.map((section) => [section.id, section]));
  const context = { urls, dateFormat, lang: dateFormat.locale };
  return archive.articles.map(({ id, data, html }) =>
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
        freeHtml: html,
      },
      context,
    ),
  );
}

/** The records of a public-edition read in the search index's parts (`src/search/parts.ts`), by publication year. */
export function archiveSearchParts(published: PublishedArchive, dateFormat: { locale: string; timeZone: string }): SearchParts<SearchRecord> {
  const records = archiveSearchRecords(published, dateFormat);
  const dates = published.archive.articles.map((article) => article.data.date);
  const parts = splitSearchParts(
    records.map((record, index) => ({ record, date: dates[index]! })),
    (item) => item.date,
    dateFormat.timeZone,
  );
  return {
    main: parts.main.map((item) => item.record),
    archive: parts.archive.map((part) => ({ folder: part.folder, items: part.items.map((item) => item.record) })),
  };
}
