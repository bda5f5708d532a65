import { articleLists } from '../../similar-stories/lists';
import type { createSimilarityIndex } from '../../similar-stories/similar-stories';
import type { Settings } from '../../schemas/settings';
import type { ArchiveArticle } from '../types';

/** Fills the two lists under every article (More from this author, Similar stories), computed once for the archive. */
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
    const { similar, moreFromAuthor } = computed.get(article.id) ?? { similar: [], moreFromAuthor: [] };
    article.data.similar = similar;
    article.data.moreFromAuthor = moreFromAuthor;
  }
}
