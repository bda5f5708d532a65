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
  similarity: ReturnType<typeof createSimilarityIndex>,
  lists: Settings['lists'],
  kept?: KeptLists,
): boolean {
  const inputs = articles.map(({ id, data }) => ({
    id,
    date: data.date,
    author: data.author,
    authors: data.authors,
    section: data.section,
    related: data.related,
    similar: !data.hideFromSimilar,
  }));
  const key = kept && listsKey(inputs, lists, kept.analysedFrom);
  const file = kept && path.join(kept.dir, 'lists', `${kept.edition}.json`);
  const before = key && file ? readKept(file, key) : undefined;
  const computed = before ?? articleLists(inputs, similarity, lists);
  if (!before && key && file) writeKept(file, key, computed);
  for (const article of articles) {
    Object.assign(article.data, computed.get(article.id) ?? noLists());
  }
  return before !== undefined;
}

/** The key of everything the lists are computed from; `undefined` when an article's terms are of unknown origin. */
function listsKey(inputs: readonly object[], lists: Settings['lists'], analysedFrom: KeptLists['analysedFrom']): string | undefined {
  listsCode ??= codeVersion(modulesFrom('src/archive/stages/lists.ts'));
  const hash = createHash('sha256').update(listsCode).update('\0').update(JSON.stringify(lists));
  for (const input of inputs) {
    const from = analysedFrom((input as { id: string }).id);
    if (from === undefined) return undefined;
    hash.update('\0').update(JSON.stringify(input)).update('\0').update(from);
  }
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

function writeKept(file: string, key: string, computed: Map<string, ArticleLists>): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key, lists: [...computed] }));
    renameSync(temporary, file);
  } catch {
    // Keeping them is best effort: the next build computes them again.
  }
}
