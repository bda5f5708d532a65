import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleLists, frontPage, moreFromAuthor, newestFirst, paginate } from '../../src/similar-stories/lists';
import type { ArticleLists } from '../../src/similar-stories/article-lists';
import { createSimilarityIndex, type SimilarOptionsInput } from '../../src/similar-stories/similar-stories';
import { prng } from '../helpers/prng';

const day = (n: number) => new Date(Date.UTC(2024, 0, n));
const articles = [
  { id: 'a1', author: 'ada', section: 'news', date: day(1) },
  { id: 'a2', author: 'ada', section: 'news', date: day(2) },
  { id: 'a3', author: 'ada', section: 'arts', date: day(3) },
  { id: 'a4', author: 'ada', section: 'arts', date: day(4) },
  { id: 'a5', author: 'ada', section: 'sport', date: day(5) },
  { id: 'a6', author: 'ada', section: 'news', date: day(6) },
  { id: 'b1', author: 'ben', section: 'news', date: day(7) },
];

describe('moreFromAuthor', () => {
  it('lists the author’s most recent other articles, newest first', () => {
    const lists = moreFromAuthor(articles, 4);
    expect(lists.get('a1')).toEqual(['a6', 'a5', 'a4', 'a3']);
    expect(lists.get('a6')).toEqual(['a5', 'a4', 'a3', 'a2']);
    expect(lists.get('a4')).toEqual(['a6', 'a5', 'a3', 'a2']);
  });

  it('gives an author’s only article an empty list', () => {
    expect(moreFromAuthor(articles, 4).get('b1')).toEqual([]);
  });

  it('respects the limit', () => {
    expect(moreFromAuthor(articles, 2).get('a1')).toEqual(['a6', 'a5']);
    expect(moreFromAuthor(articles, 0).get('a1')).toEqual([]);
  });
});

describe('paginate', () => {
  it('splits into pages of the given size', () => {
    const pages = paginate(['a', 'b', 'c', 'd', 'e'], 2);
    expect(pages.map((page) => page.items)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(pages.map((page) => `${page.number}/${page.total}`)).toEqual(['1/3', '2/3', '3/3']);
  });

  it('still has one page for an empty list, so an empty section has a page', () => {
    expect(paginate([], 20)).toEqual([{ number: 1, total: 1, items: [] }]);
  });
});

describe('frontPage', () => {
  it('leads with the newest story and never shows an article twice', () => {
    const page = frontPage(articles, ['news', 'arts', 'sport', 'empty'], { secondary: 2, perSection: 2 });
    expect(page.lead?.id).toBe('b1');
    expect(page.secondary.map((item) => item.id)).toEqual(['a6', 'a5']);
    expect(page.sections.map((group) => [group.section, group.items.map((item) => item.id)])).toEqual([
      ['news', ['a2', 'a1']],
      ['arts', ['a4', 'a3']],
    ]);
  });

  it('handles an empty archive', () => {
    expect(frontPage([], ['news'])).toEqual({ lead: undefined, secondary: [], sections: [] });
  });
});

describe('articleLists: the two lists under every article', () => {
  interface Story {
    id: string;
    author: string;
    section: string;
    date: Date;
    title: string;
    body: string;
    tags?: string[];
    related?: string[];
    similar?: boolean;
  }
  const limits = { moreFromAuthor: 4, similar: 4 };

  /** The lists as the build computes them: the real similarity model over the stories' words. */
  function lists(stories: readonly Story[], listLimits = limits, options: SimilarOptionsInput = {}) {
    const index = createSimilarityIndex({ limit: listLimits.similar, ...options });
    for (const story of stories) {
      index.add({ id: story.id, title: story.title, standfirst: '', tags: story.tags ?? [], section: story.section, date: story.date, body: story.body });
    }
    return { lists: articleLists(stories, index, listLimits), index };
  }

  const harbour = 'harbour dredger channel deepening quay berth pilots tide';
  const story = (id: string, author: string, section: string, n: number, title: string, body = title): Story => ({ id, author, section, date: day(n), title, body });

  it('never repeats a story from More from this author in Similar stories, and fills it from the next best', () => {
    const stories = [
      ...[1, 2, 3, 4, 5].map((n) => story(`ada-${n}`, 'ada', 'business', n, `Harbour dredger story ${n}`, harbour)),
      ...[6, 7, 8].map((n) => story(`ben-${n}`, 'ben', 'news', n, `Dredger works at the quay ${n}`, harbour)),
      story('ben-cake', 'ben', 'culture', 9, 'Village bakery wins cake prize', 'sponge icing bakery prize judges'),
      story('cy-cake', 'cy', 'culture', 10, 'Second bakery joins cake fair', 'sponge icing bakery fair stalls'),
    ];
    const { lists: result } = lists(stories);
    const ada1 = result.get('ada-1')!;
    expect(ada1.moreFromAuthor).toEqual(['ada-5', 'ada-4', 'ada-3', 'ada-2']);
    // The model likes ada-2…5 best, but the page already shows them: Ben's harbour stories come next.
    expect(ada1.similar.slice(0, 3).sort()).toEqual(['ben-6', 'ben-7', 'ben-8']);
    expect(ada1.similar).toHaveLength(4);
    for (const [id, { moreFromAuthor, similar }] of result) {
      expect(similar.filter((other) => moreFromAuthor.includes(other)), id).toEqual([]);
    }
  });

  it('fills Similar stories with strong matches, then weaker ones, then the section’s latest, then the paper’s latest', () => {
    const stories = [
      story('meadow', 'solo', 'science', 10, 'Seagrass meadow survey finds seahorses', 'divers counted seahorses among the seagrass meadow shoots kelp'),
      story('strong', 'ann', 'news', 3, 'Seahorses return to the seagrass meadow', 'seahorses seagrass meadow divers counted shoots'),
      story('weak-ferry', 'bo', 'news', 2, 'Ferry timetable changes for winter', 'ferry timetable winter sailings crossings kelp harbourmaster tickets fares'),
      story('weak-rowing', 'cat', 'sport', 1, 'Rowing club buys new boats', 'rowing club boats oars regatta kelp ferry timetable sailings crossings tickets fares'),
      story('section-old', 'dan', 'science', 4, 'Comet visible at dusk', 'comet telescope dusk observatory'),
      story('section-new', 'eve', 'science', 8, 'Rainfall record for October', 'rainfall gauge october record'),
      story('paper-new', 'fay', 'sport', 12, 'Town win the derby', 'derby goal striker stadium'),
      story('paper-old', 'gus', 'sport', 5, 'Swimmers brave the cold', 'swimmers cold pier'),
    ];
    const { lists: result, index } = lists(stories);
    // The premise: the model sees one strong match and two weak ones (they share only "kelp").
    const scored = index.computeScored({ fillBelowMinScore: true }).get('meadow')!;
    expect(scored.map((item) => item.id)).toEqual(['strong', 'weak-rowing', 'weak-ferry']);
    expect(scored[0]!.cosine).toBeGreaterThanOrEqual(0.15);
    expect(scored.slice(1).every((item) => item.cosine > 0 && item.cosine < 0.15)).toBe(true);

    expect(result.get('meadow')!.similar).toEqual(['strong', 'weak-rowing', 'weak-ferry', 'section-new']);
    // With a longer list: the rest of the section newest first, then the paper's latest.
    const longer = lists(stories, { moreFromAuthor: 4, similar: 6 }).lists.get('meadow')!.similar;
    expect(longer).toEqual(['strong', 'weak-rowing', 'weak-ferry', 'section-new', 'section-old', 'paper-new']);
  });

  it('leaves Similar stories short or empty only when there is no other story to show', () => {
    expect(lists([story('only', 'ada', 'news', 1, 'The first story')]).lists.get('only')).toEqual({ moreFromAuthor: [], similar: [] });
    // Five stories, all by one writer: More from this author shows the other four, and nothing is left.
    const five = [1, 2, 3, 4, 5].map((n) => story(`s${n}`, 'ada', 'news', n, `Story number ${n}`));
    expect(lists(five).lists.get('s1')).toEqual({ moreFromAuthor: ['s5', 's4', 's3', 's2'], similar: [] });
    const six = [...five, story('s6', 'ada', 'news', 6, 'Story number 6')];
    expect(lists(six).lists.get('s1')).toEqual({ moreFromAuthor: ['s6', 's5', 's4', 's3'], similar: ['s2'] });
  });

  it('shows an article’s pinned stories first, in their order, then fills from the model', () => {
    const stories = [
      story('meadow', 'solo', 'science', 10, 'Seagrass meadow survey finds seahorses', 'divers counted seahorses among the seagrass meadow shoots'),
      story('strong', 'ann', 'news', 3, 'Seahorses return to the seagrass meadow', 'seahorses seagrass meadow divers counted shoots'),
      story('derby', 'fay', 'sport', 12, 'Town win the derby', 'derby goal striker stadium'),
      story('swim', 'gus', 'sport', 5, 'Swimmers brave the cold', 'swimmers cold pier'),
      story('comet', 'dan', 'science', 4, 'Comet visible at dusk', 'comet telescope dusk observatory'),
    ];
    const before = lists(stories).lists.get('meadow')!.similar;
    expect(before[0]).toBe('strong');
    const pinned = stories.map((each) => (each.id === 'meadow' ? { ...each, related: ['swim', 'derby'] } : each));
    const after = lists(pinned).lists.get('meadow')!.similar;
    expect(after.slice(0, 3)).toEqual(['swim', 'derby', 'strong']);
    expect(after).toHaveLength(4);
    expect(new Set(after).size).toBe(after.length);
  });

  it('shows every pinned story even past the list’s length, and takes a pinned story out of More from this author', () => {
    const stories = [1, 2, 3, 4, 5, 6].map((n) => story(`s${n}`, 'ada', 'news', n, `Story number ${n}`));
    const pinned = stories.map((each) => (each.id === 's1' ? { ...each, related: ['s6', 's2', 's3', 's4', 's5'] } : each));
    const { moreFromAuthor, similar } = lists(pinned).lists.get('s1')!;
    expect(similar).toEqual(['s6', 's2', 's3', 's4', 's5']);
    expect(moreFromAuthor).toEqual([]);
  });

  it('keeps an article with similar: false out of every other article’s Similar stories, while it keeps its own lists', () => {
    const stories = [
      story('obituary', 'ann', 'news', 9, 'Harbourmaster who dredged the channel dies', harbour),
      story('dredge-1', 'bo', 'news', 2, 'Dredger deepens the channel', harbour),
      story('dredge-2', 'cat', 'business', 3, 'Quay berth reopens after dredging', harbour),
      story('dredge-3', 'dan', 'news', 4, 'Pilots praise deeper channel', harbour),
      story('cake', 'eve', 'culture', 5, 'Village bakery wins cake prize', 'sponge icing bakery prize judges'),
    ].map((each) => (each.id === 'obituary' ? { ...each, similar: false } : each));
    const { lists: result } = lists(stories);
    for (const [id, { similar }] of result) expect(similar, id).not.toContain('obituary');
    // Fewer candidates than slots: the list still fills, from the others.
    expect(result.get('dredge-1')!.similar).toHaveLength(3);
    expect(result.get('obituary')!.similar.slice(0, 3).sort()).toEqual(['dredge-1', 'dredge-2', 'dredge-3']);
    // Pinned by name, it is shown: the editor asked for it.
    const pinning = stories.map((each) => (each.id === 'dredge-1' ? { ...each, related: ['obituary'] } : each));
    expect(lists(pinning).lists.get('dredge-1')!.similar[0]).toBe('obituary');
  });

  it('respects the lengths in the settings, zero included', () => {
    const stories = [1, 2, 3, 4, 5, 6, 7].map((n) => story(`s${n}`, n % 2 ? 'ada' : 'ben', 'news', n, `Harbour story ${n}`, harbour));
    for (const [moreFromAuthor, similar] of [[0, 0], [0, 3], [2, 1], [1, 5]] as const) {
      for (const [id, lists_] of lists(stories, { moreFromAuthor, similar }).lists) {
        expect(lists_.moreFromAuthor.length, id).toBeLessThanOrEqual(moreFromAuthor);
        expect(lists_.similar, id).toHaveLength(Math.min(similar, 6 - lists_.moreFromAuthor.length));
      }
    }
  });

  describe('on any archive (property test)', () => {
    const VOCABULARY = ['harbour', 'dredger', 'council', 'budget', 'library', 'seagrass', 'ferry', 'pilots', 'festival', 'kelp', 'storm', 'tide'];
    const arbitraryStory = fc.record({
      author: fc.constantFrom('ada', 'ben', 'cy', 'dee'),
      section: fc.constantFrom('news', 'science', 'sport'),
      // Few distinct days, so dates tie often.
      day: fc.integer({ min: 1, max: 6 }),
      title: fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 4 }),
      body: fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 12 }),
    });
    const archive = fc.array(arbitraryStory, { maxLength: 30 }).map((items) =>
      items.map(({ author, section, day: n, title, body }, i): Story => ({
        id: `story-${String(i).padStart(2, '0')}`,
        author,
        section,
        date: day(n),
        title: title.join(' '),
        body: body.join(' '),
      })),
    );
    const listLimits = fc.record({ moreFromAuthor: fc.integer({ min: 0, max: 5 }), similar: fc.integer({ min: 0, max: 5 }) });

    it('never repeats a story, never lists the article itself, and fills both lists as far as the archive allows', () => {
      fc.assert(
        fc.property(archive, listLimits, (stories, chosen) => {
          const { lists: result } = lists(stories, chosen);
          expect(result.size).toBe(stories.length);
          const byId = new Map(stories.map((item) => [item.id, item]));
          for (const item of stories) {
            const { moreFromAuthor, similar } = result.get(item.id)!;
            const sameAuthor = stories.filter((other) => other.author === item.author).length;
            expect(moreFromAuthor).toHaveLength(Math.min(chosen.moreFromAuthor, sameAuthor - 1));
            expect(moreFromAuthor.every((id) => byId.get(id)?.author === item.author)).toBe(true);
            const shown = [item.id, ...moreFromAuthor, ...similar];
            expect(new Set(shown).size).toBe(shown.length);
            expect(similar.every((id) => byId.has(id))).toBe(true);
            expect(similar).toHaveLength(Math.min(chosen.similar, stories.length - 1 - moreFromAuthor.length));
          }
        }),
        { numRuns: 150 },
      );
    });

    it('puts every story the model finds related before the fallbacks, and the fallbacks in their order', () => {
      fc.assert(
        fc.property(archive, listLimits, (stories, chosen) => {
          const { lists: result, index } = lists(stories, chosen);
          // Every positive candidate of every story, with its cosine (a list long enough to hold them all).
          const all = lists(stories, chosen, { limit: Math.max(stories.length, 1) }).index.computeScored({ fillBelowMinScore: true });
          const byId = new Map(stories.map((item) => [item.id, item]));
          for (const item of stories) {
            const cosine = new Map(all.get(item.id)!.map((candidate) => [candidate.id, candidate.cosine]));
            const { similar } = result.get(item.id)!;
            // Strong (≥ 0.15), then weak (> 0), then unrelated: never a weaker tier before a stronger one.
            const tier = (id: string) => ((cosine.get(id) ?? 0) >= 0.15 ? 0 : cosine.has(id) ? 1 : 2);
            const tiers = similar.map(tier);
            expect([...tiers].sort()).toEqual(tiers);
            // The unrelated fill: the same section first, each part newest first (ties by slug).
            const fill = similar.filter((id) => tier(id) === 2).map((id) => byId.get(id)!);
            const sameSection = fill.map((other) => (other.section === item.section ? 0 : 1));
            expect([...sameSection].sort()).toEqual(sameSection);
            for (const part of [0, 1]) {
              const ordered = fill.filter((_, i) => sameSection[i] === part);
              expect(ordered.map((other) => other.id)).toEqual(newestFirst(ordered).map((other) => other.id));
            }
          }
          expect(index.size).toBe(stories.length);
        }),
        { numRuns: 100 },
      );
    });

    it('gives the same lists whatever order the articles come in', () => {
      fc.assert(
        fc.property(archive, listLimits, fc.integer(), (stories, chosen, seed) => {
          const shuffled = [...stories];
          const rand = prng(seed);
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.floor(rand() * (i + 1));
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const sorted = (map: Map<string, ArticleLists>) => [...map].sort(([a], [b]) => (a < b ? -1 : 1));
          expect(sorted(lists(shuffled, chosen).lists)).toEqual(sorted(lists(stories, chosen).lists));
        }),
        { numRuns: 100 },
      );
    });
  });
});
