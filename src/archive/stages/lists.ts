import { noLists } from '../../similar-stories/article-lists';
import { articleLists } from '../../similar-stories/lists';
import type { createSimilarityIndex } from '../../similar-stories/similar-stories';
import type { Settings } from '../../schemas/settings';
import type { ArchiveArticle } from '../types';

/** Fills the lists under every article (`ARTICLE_LISTS`: More from this author, Similar stories), computed once for the archive. */
export function fillLists(articles: ArchiveArticle[], similarity: ReturnType<typeof createSimilarityIndex>, lists: Settings['lists']): void {
  const computed = articleLists(
    articles.map(({ id, data }) => ({
      id,
      date: data.date,
      author: data.author,
      authors: data.authors,
      section: data.section,
      related: data.related,
      similar: !data.hideFromSimilar,
    })),
    similarity,
    lists,
  );
  for (const article of articles) {
    Object.assign(article.data, computed.get(article.id) ?? noLists());
  }
}
