import type { PublishedArchive } from '../archive/published';
import { searchRecord, type SearchRecord } from './records';
import { createUrls } from '../lib/urls';

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
