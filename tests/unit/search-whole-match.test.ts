import { describe, expect, it } from 'vitest';
import { answers, countAnswering, queryTerms, wholeLocations } from '../../src/search/whole-match';

describe('which indexed words answer a search word', () => {
  it.each([
    ['harbour', 'harbour'],
    ['harbour', 'Harbour,'],
    ['harb', 'harbour'],
    ['libraries', 'library'],
    ['flooded', 'flooding.'],
    ['dont', 'don’t'],
    ['coop', 'co-op'],
    ['cafe', 'Café'],
  ])('%j is answered by %j', (term, word) => {
    expect(answers(term, word)).toBe(true);
  });

  it.each([
    ['bequest', 'be'],
    ['contingency', 'co-op'],
    ['harbourmaster', 'harbour'],
    ['freelancers', 'Free'],
    ['valleyside', 'valley’s'],
  ])('%j is not answered by %j, a short piece of it', (term, word) => {
    expect(answers(term, word)).toBe(false);
  });

  it('reads the query as words, accents and apostrophes folded', () => {
    expect(queryTerms('  Don’t  Café-owners ')).toEqual(['dont', 'cafe', 'owners']);
  });
});

describe('wholeLocations', () => {
  const content = 'Headline here. The bequest was left to the quay. Be quick.';
  it('keeps the matches that answer the query and drops a result that answers only a piece of it', () => {
    const at = (location: number) => ({ location, balanced_score: 1 });
    expect(wholeLocations({ content, weighted_locations: [at(3), at(10)] }, ['bequest'])).toEqual([at(3)]);
    expect(wholeLocations({ content: 'Be quick, be kind.', weighted_locations: [at(0), at(2)] }, ['bequest'])).toBeUndefined();
  });

  it('asks every word of the query to be answered', () => {
    const at = (location: number) => ({ location, balanced_score: 1 });
    expect(wholeLocations({ content, weighted_locations: [at(3), at(0)] }, ['bequest', 'headlines'])).toEqual([at(3), at(0)]);
    expect(wholeLocations({ content, weighted_locations: [at(3), at(10)] }, ['bequest', 'bees'])).toBeUndefined();
  });
});

describe('countAnswering', () => {
  /** Results ranked best first: `answering` of them answer, the rest are prefix matches. */
  const ranking = (total: number, answering: number) => {
    const looked: number[] = [];
    const answersAt = async (index: number) => {
      looked.push(index);
      return index < answering;
    };
    return { answersAt, looked, firstPage: Array.from({ length: Math.min(total, 20) }, (_, index) => index < answering) };
  };

  it('counts the first page alone when it holds every result, or ends in prefix matches', async () => {
    const few = ranking(16, 0);
    expect(await countAnswering(16, few.firstPage, few.answersAt)).toBe(0);
    const some = ranking(40, 7);
    expect(await countAnswering(40, some.firstPage, some.answersAt)).toBe(7);
    expect(some.looked).toEqual([]);
  });

  it('finds where the answering results end past the first page in a handful of look-ups', async () => {
    const many = ranking(1000, 433);
    expect(await countAnswering(1000, many.firstPage, many.answersAt)).toBe(433);
    expect(many.looked.length).toBeLessThanOrEqual(10);
    const all = ranking(300, 300);
    expect(await countAnswering(300, all.firstPage, all.answersAt)).toBe(300);
  });
});
