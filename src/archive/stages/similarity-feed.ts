import type { AnalysedDoc } from '../../similar-stories/doc-analyser';
import type { SimilarMeta } from '../../similar-stories/doc-store';
import type { createSimilarityIndex } from '../../similar-stories/similar-stories';

type SimilarityIndex = ReturnType<typeof createSimilarityIndex>;

/** What the feed needs to know of an article: its place in the model, its analysed words, where they came from, and its lists' inputs. */
export interface FedArticle {
  meta: SimilarMeta;
  analysed: AnalysedDoc;
  /** The body-cache key the analysed words came from: `reread` finds them there again. */
  from: string;
  /** The article's list inputs and `from`, digested (`listInputDigest` in lists.ts). */
  digest: string;
}

/**
 * Hands each article's analysed words to the similarity model, in the
 * archive's order, unless the lists of the last build will serve again.
 *
 * The lists of the last build serve when every article's list inputs and body
 * are as they were (`fillLists`), and then the model is never used: adding
 * 10,000 articles to it costs most of a second. So while every article so far
 * is the one the last build had at that place (`expected`, the digests kept
 * with its lists), the feed only notes it. At the first article that differs,
 * it adds the noted ones, read again from the body cache, and from then on
 * adds each as it comes. `model()` adds whatever is still noted: the lists are
 * decided by their whole key in `fillLists`, never by this guess, so a wrong
 * guess costs a re-read, never a wrong list.
 */
export function createSimilarityFeed(similarity: SimilarityIndex, expected: readonly string[] | undefined, reread: (from: string) => AnalysedDoc | undefined) {
  const noted: Array<Pick<FedArticle, 'meta' | 'from'>> = [];
  let noting = expected !== undefined;
  const addNoted = () => {
    for (const { meta, from } of noted) {
      const analysed = reread(from);
      if (!analysed) {
        throw new Error(`Masthead: the analysed words of "${meta.id}" are gone from the body cache (${from}); was the cache folder removed during the build? Build again.`);
      }
      similarity.addAnalysed(meta, analysed);
    }
    noted.length = 0;
    noting = false;
  };
  return {
    add({ meta, analysed, from, digest }: FedArticle): void {
      if (noting && expected![noted.length] === digest) {
        noted.push({ meta, from });
        return;
      }
      if (noting) addNoted();
      similarity.addAnalysed(meta, analysed);
    },
    /** How many articles are only noted so far, not in the model (0 once one differed). */
    get noted(): number {
      return noting ? noted.length : 0;
    },
    /** The model with every article fed so far in it. */
    model(): SimilarityIndex {
      if (noting) addNoted();
      return similarity;
    },
  };
}
