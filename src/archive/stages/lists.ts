import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../../context/env';
import { noLists, type ArticleLists } from '../../similar-stories/article-lists';
import { articleLists } from '../../similar-stories/lists';
import type { createSimilarityIndex } from '../../similar-stories/similar-stories';
import type { Settings } from '../../schemas/settings';
import { codeVersion, modulesFrom } from '../pipeline-version';
import type { ArchiveArticle } from '../types';

/** Where the lists of the last build are kept, and what each article's analysed terms came from. */
export interface KeptLists {
  /** The cache folder (`node_modules/.cache/masthead`). */
  dir: string;
  edition: Edition;
  /** The body-cache key an article's analysed terms came from: the same key, the same terms. */
  analysedFrom: (id: string) => string | undefined;
  /** The digests `readKeptDigests` found at the start of the read: written again only when they differ. */
  expected?: readonly string[];
}

type SimilarityIndex = ReturnType<typeof createSimilarityIndex>;

/** What an article's lists are computed from, besides its body's words. */
function listInput({ id, data }: Pick<ArchiveArticle, 'id' | 'data'>) {
  return {
    id,
    date: data.date,
    author: data.author,
    authors: data.authors,
    section: data.section,
    related: data.related,
    similar: !data.hideFromSimilar,
  };
}

/**
 * One article's part of the lists' key: its list inputs and the body-cache key
 * its analysed words came from, digested to 96 bits: no two inputs meet by
 * chance. The lists' key hashes them all (`listsKey`); the similarity feed
 * compares them one by one (`similarity-feed.ts`).
 */
export function listInputDigest(article: Pick<ArchiveArticle, 'id' | 'data'>, analysedFrom: string): string {
  return createHash('sha256').update(JSON.stringify(listInput(article))).update('\0').update(analysedFrom).digest('base64url').slice(0, 16);
}

const digestsFile = (dir: string, edition: Edition) => path.join(dir, 'lists', `${edition}.inputs.json`);

/** Each article's `listInputDigest` in the last build whose lists were kept, in the archive's order. */
export function readKeptDigests(dir: string, edition: Edition): string[] | undefined {
  try {
    const digests = JSON.parse(readFileSync(digestsFile(dir, edition), 'utf8')) as unknown;
    return Array.isArray(digests) && digests.every((digest) => typeof digest === 'string') ? digests : undefined;
  } catch {
    return undefined;
  }
}

let listsCode: string | undefined;

/**
 * Fills the lists under every article (`ARTICLE_LISTS`: More from this author,
 * Similar stories), computed once for the archive. With `kept`, the lists of
 * the last build are used again when nothing they are computed from has
 * changed: every article's slug, date, writers, section, pins and
 * similar-stories choice, the terms of its body (by the body-cache key they
 * came from), the list settings and the code that ranks them. One changed
 * word in one body computes them all again: a story's terms move every
 * other story's weights. Returns whether the kept lists were used.
 */
export function fillLists(
  articles: ArchiveArticle[],
  /** The similarity model, or a function that completes it (`createSimilarityFeed`): called only when the lists are computed. */
  similarity: SimilarityIndex | (() => SimilarityIndex),
  lists: Settings['lists'],
  kept?: KeptLists,
): boolean {
  const inputs = articles.map(listInput);
  const digests = kept && inputDigests(articles, kept.analysedFrom);
  const key = digests && listsKey(digests, lists);
  const file = kept && path.join(kept.dir, 'lists', `${kept.edition}.json`);
  const before = key && file ? readKept(file, key) : undefined;
  const computed = before ?? articleLists(inputs, typeof similarity === 'function' ? similarity() : similarity, lists);
  if (!before && key && file) writeKept(file, { key, lists: [...computed] });
  if (kept && digests && (!before || !sameDigests(kept.expected, digests))) writeKept(digestsFile(kept.dir, kept.edition), digests);
  for (const article of articles) {
    Object.assign(article.data, computed.get(article.id) ?? noLists());
  }
  return before !== undefined;
}

/** Each article's `listInputDigest`, in order; `undefined` when an article's terms are of unknown origin. */
function inputDigests(articles: readonly ArchiveArticle[], analysedFrom: KeptLists['analysedFrom']): string[] | undefined {
  const digests: string[] = [];
  for (const article of articles) {
    const from = analysedFrom(article.id);
    if (from === undefined) return undefined;
    digests.push(listInputDigest(article, from));
  }
  return digests;
}

function sameDigests(a: readonly string[] | undefined, b: readonly string[]): boolean {
  return a !== undefined && a.length === b.length && a.every((digest, index) => digest === b[index]);
}

/** The key of everything the lists are computed from: every article's inputs and terms, the list settings, the ranking code. */
function listsKey(digests: readonly string[], lists: Settings['lists']): string {
  listsCode ??= codeVersion(modulesFrom('src/archive/stages/lists.ts'));
  const hash = createHash('sha256').update(listsCode).update('\0').update(JSON.stringify(lists));
  for (const digest of digests) hash.update('\0').update(digest);
  return hash.digest('hex');
}

function readKept(file: string, key: string): Map<string, ArticleLists> | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { key: string; lists: Array<[string, ArticleLists]> };
    return kept.key === key ? new Map(kept.lists) : undefined;
  } catch {
    return undefined;
  }
}

function writeKept(file: string, value: unknown): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, file);
  } catch {
    // Keeping them is best effort: the next build computes them again.
  }
}
