import { createHash } from 'node:crypto';
import { codeVersion, modulesFrom } from '../archive/pipeline-version';
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
): SearchParts<PublishedArticle> & {
  records: (articles: readonly PublishedArticle[]) => SearchRecord[];
  /** One article's record, made when asked: a part's records need never be held at once. */
  record: (article: PublishedArticle) => SearchRecord;
  inputsKey: (articles: readonly PublishedArticle[]) => string | undefined;
} {
  const make = recordMaker(published, dateFormat);
  return {
    ...splitSearchParts(published.archive.articles, (article) => article.data.date, dateFormat.timeZone),
    records: (articles) => articles.map(make),
    record: make,
    inputsKey: (articles) => partInputsKey(published, dateFormat, articles),
  };
}

let recordsCode: string | undefined;

/**
 * A hash of everything a part's records are made from (`recordMaker`): the
 * code that makes them, the base path and date format, the writers and
 * sections, and each article's fields the record shows with its body's
 * digest, never the body itself. `undefined` when an article has no digest
 * (a read without a cache folder).
 */
export function partInputsKey(
  { archive, options }: PublishedArchive,
  dateFormat: { locale: string; timeZone: string },
  articles: readonly PublishedArticle[],
): string | undefined {
  recordsCode ??= codeVersion(modulesFrom('src/search/archive-records.ts'));
  const hash = createHash('sha256')
    .update(recordsCode)
    .update('\0')
    .update(JSON.stringify([options.basePath ?? '/', dateFormat, archive.authors.map(({ id, data }) => [id, data]), archive.sections]));
  for (const { id, data, bodyDigest } of articles) {
    if (bodyDigest === undefined) return undefined;
    const { title, standfirst, date, dateHasTime, updated, updatedHasTime, image, author, authors, section, label, access } = data;
    hash.update('\0').update(JSON.stringify([id, title, standfirst, date, dateHasTime, updated, updatedHasTime, image, author, authors, section, label, access, bodyDigest]));
  }
  return hash.digest('hex');
}
