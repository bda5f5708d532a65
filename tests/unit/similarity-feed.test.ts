import { describe, expect, it } from 'vitest';
import type { AnalysedDoc } from '../../src/similar-stories/doc-analyser';
import { createSimilarityFeed } from '../../src/archive/stages/similarity-feed';
import { createSimilarityIndex } from '../../src/similar-stories/similar-stories';

/** An article of the model: words of its own and one shared word, so every pair is similar. */
const doc = (id: string): AnalysedDoc => ({ terms: [`${id}-word`, 'harbour'], weights: [2, 1], tagTerms: [] });
const meta = (id: string) => ({ id, section: 'news', date: new Date('2026-06-01T00:00:00Z') });
const ids = ['a', 'b', 'c', 'd'];

/** Feeds the four articles with these digests against `expected`; returns the feed, what was read again, and the model's size after feeding. */
function feedAll(expected: string[] | undefined, digests = ids) {
  const similarity = createSimilarityIndex({ limit: 3 });
  const reread: string[] = [];
  const feed = createSimilarityFeed(similarity, expected, (from) => {
    reread.push(from);
    return doc(from.replace('key-', ''));
  });
  ids.forEach((id, index) => feed.add({ meta: meta(id), analysed: doc(id), from: `key-${id}`, digest: digests[index]! }));
  return { feed, similarity, reread, sizeAfterFeeding: similarity.size };
}

describe('the similarity feed', () => {
  const fromScratch = () => {
    const similarity = createSimilarityIndex({ limit: 3 });
    for (const id of ids) similarity.addAnalysed(meta(id), doc(id));
    return similarity.compute();
  };

  it('leaves the model empty while every article is the last build’s, and fills it in order when asked', () => {
    const { feed, reread, sizeAfterFeeding } = feedAll(ids);
    expect(sizeAfterFeeding).toBe(0);
    expect(feed.noted).toBe(4);
    expect(reread).toEqual([]);
    expect(feed.model().compute()).toEqual(fromScratch());
    expect(reread).toEqual(['key-a', 'key-b', 'key-c', 'key-d']);
  });

  it('adds the noted articles, read again, at the first one that differs, and every later one as it comes', () => {
    const { feed, reread, sizeAfterFeeding } = feedAll(ids, ['a', 'b', 'changed', 'd']);
    expect(sizeAfterFeeding).toBe(4);
    expect(reread).toEqual(['key-a', 'key-b']);
    expect(feed.noted).toBe(0);
    expect(feed.model().compute()).toEqual(fromScratch());
  });

  it('feeds every article at once without the last build’s digests, or with fewer of them', () => {
    expect(feedAll(undefined).sizeAfterFeeding).toBe(4);
    const shorter = feedAll(['a', 'b']);
    expect(shorter.sizeAfterFeeding).toBe(4);
    expect(shorter.feed.model().compute()).toEqual(fromScratch());
  });

  it('stops the build with a clear message when a noted article’s words are gone from the cache', () => {
    const feed = createSimilarityFeed(createSimilarityIndex({ limit: 3 }), ['a'], () => undefined);
    feed.add({ meta: meta('a'), analysed: doc('a'), from: 'key-a', digest: 'a' });
    expect(() => feed.model()).toThrow(/the analysed words of "a" are gone from the body cache \(key-a\).*Build again/);
  });
});
