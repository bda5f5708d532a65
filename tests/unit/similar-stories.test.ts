import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimilarityIndex, similarStories } from '../../src/similar-stories/similar-stories';
import type { SimilarInput, SimilarOptionsInput } from '../../src/similar-stories/similar-stories';
import { createWordIndex, stem, tagTerm, tokenize, words } from '../../src/similar-stories/tokenize';
import { prng } from '../helpers/prng';

interface LabelledDoc extends SimilarInput {
  readonly topic: string;
}

interface RawDoc {
  id: string;
  title: string;
  standfirst: string;
  tags: string[];
  section: string;
  date: string;
  body: string;
  topic: string;
}

function isRawDoc(x: unknown): x is RawDoc {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    ['id', 'title', 'standfirst', 'section', 'date', 'body', 'topic'].every((k) => typeof r[k] === 'string') &&
    Array.isArray(r['tags']) &&
    r['tags'].every((t) => typeof t === 'string')
  );
}

function loadCorpus(): LabelledDoc[] {
  const url = new URL('../fixtures/related-corpus/corpus.json', import.meta.url);
  const raw: unknown = JSON.parse(readFileSync(url, 'utf8'));
  if (!Array.isArray(raw) || !raw.every(isRawDoc)) throw new Error('corpus.json: unexpected shape');
  return raw.map((r) => ({ ...r, date: new Date(`${r.date}T12:00:00Z`) }));
}


function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const rand = prng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function run(docs: readonly SimilarInput[], options?: SimilarOptionsInput): Map<string, string[]> {
  const index = createSimilarityIndex(options);
  for (const doc of docs) index.add(doc);
  return index.compute();
}

/** Precision of returned items (same topic) over docs that have topic-mates; plus coverage. */
function precision(docs: readonly LabelledDoc[], result: Map<string, string[]>) {
  const topicOf = new Map(docs.map((d) => [d.id, d.topic]));
  const topicSize = new Map<string, number>();
  for (const d of docs) topicSize.set(d.topic, (topicSize.get(d.topic) ?? 0) + 1);
  let returned = 0;
  let relevant = 0;
  let queries = 0;
  let covered = 0;
  for (const d of docs) {
    if ((topicSize.get(d.topic) ?? 0) < 2) continue;
    queries++;
    const items = result.get(d.id) ?? [];
    if (items.length > 0) covered++;
    returned += items.length;
    relevant += items.filter((id) => topicOf.get(id) === d.topic).length;
  }
  return { precision: returned === 0 ? 0 : relevant / returned, coverage: covered / queries, returned };
}

const corpus = loadCorpus();

describe('similar stories', () => {
  it('finds same-topic neighbours on a labelled corpus', () => {
    const withTags = precision(corpus, run(corpus, { limit: 3 }));
    const untagged = corpus.map((d) => ({ ...d, tags: [] }));
    const textOnly = precision(untagged, run(untagged, { limit: 3 }));
    console.log(
      `precision@3 with tags: ${withTags.precision.toFixed(3)} (coverage ${withTags.coverage.toFixed(2)}, ${withTags.returned} items); ` +
        `text alone: ${textOnly.precision.toFixed(3)} (coverage ${textOnly.coverage.toFixed(2)}, ${textOnly.returned} items)`,
    );
    expect(withTags.precision).toBeGreaterThanOrEqual(0.85);
    expect(textOnly.precision).toBeGreaterThanOrEqual(0.8);
    // Precision must not come from returning almost nothing.
    expect(withTags.coverage).toBeGreaterThanOrEqual(0.9);
    expect(textOnly.coverage).toBeGreaterThanOrEqual(0.9);
  });

  it('never lists an article as similar to itself', () => {
    const result = run(corpus, { limit: 10, minScore: 0 });
    expect(result.size).toBe(corpus.length);
    for (const [id, items] of result) {
      expect(items).not.toContain(id);
      expect(new Set(items).size).toBe(items.length);
    }
  });

  it('returns the same lists whatever order the articles were added in', () => {
    const reference = run(corpus);
    for (const seed of [1, 7, 42, 2025]) {
      const result = run(shuffled(corpus, seed));
      expect([...result.entries()]).toEqual([...reference.entries()]);
    }
    // …also without tags, and with tags/text varied so near-ties occur.
    const untagged = corpus.map((d) => ({ ...d, tags: [] }));
    expect([...run(shuffled(untagged, 3)).entries()]).toEqual([...run(untagged).entries()]);
  });

  it('gives fewer items rather than noise when nothing is related', () => {
    const limit = 4;
    const result = run(corpus, { limit });
    for (const items of result.values()) expect(items.length).toBeLessThanOrEqual(limit);
    const singletons = corpus.filter((d) => d.topic.startsWith('singleton-'));
    expect(singletons.length).toBe(2);
    for (const d of singletons) {
      const items = result.get(d.id) ?? [];
      console.log(`singleton ${d.id}: ${items.length} item(s) ${JSON.stringify(items)}`);
      expect(items.length).toBeLessThanOrEqual(1);
    }
    // A lone article, or one about nothing shared, gets nothing at all.
    expect(run(corpus.slice(0, 1)).get(corpus[0]?.id ?? '')).toEqual([]);
    const alien: SimilarInput = {
      id: 'zz-alien',
      title: 'Quokka xylophone symposium',
      standfirst: 'Marmalade gyroscope.',
      tags: [],
      section: 'misc',
      date: new Date('2025-01-01T00:00:00Z'),
      body: 'Zephyr quibble ombudsman kaleidoscope.',
    };
    expect(run([...corpus, alien]).get('zz-alien')).toEqual([]);
  });

  it('respects the limit option', () => {
    for (const limit of [0, 1, 2, 5]) {
      const result = run(corpus, { limit, minScore: 0 });
      for (const items of result.values()) expect(items.length).toBeLessThanOrEqual(limit);
      if (limit > 0) expect(Math.max(...[...result.values()].map((l) => l.length))).toBe(limit);
    }
    // Default limit is 4.
    const result = similarStories(corpus, { minScore: 0 });
    expect(Math.max(...[...result.values()].map((l) => l.length))).toBe(4);
  });

  it('breaks ties deterministically', () => {
    const base = corpus.find((d) => d.id === 'northmoor-walkout-day-one');
    const query = corpus.find((d) => d.id === 'northmoor-strike-ballot');
    if (base === undefined || query === undefined) throw new Error('fixture missing');
    const others = corpus.filter((d) => d.topic !== 'rail-strike');
    // Identical text, same date: equal scores, so id ascending.
    const twinB = { ...base, id: 'twin-b' };
    const twinA = { ...base, id: 'twin-a' };
    for (const order of [
      [twinB, twinA, query],
      [query, twinA, twinB],
    ]) {
      const result = run([...others, ...order]);
      expect(result.get('northmoor-strike-ballot')?.slice(0, 2)).toEqual(['twin-a', 'twin-b']);
      expect(result.get('twin-a')?.[0]).toBe('twin-b');
      expect(result.get('twin-b')?.[0]).toBe('twin-a');
    }
    // Identical text, different dates, no recency boost: newer first.
    const older = { ...base, id: 'twin-a', date: new Date('2025-01-01T00:00:00Z') };
    const newer = { ...base, id: 'twin-b', date: new Date('2025-02-01T00:00:00Z') };
    const result = run([...others, older, newer, query], { recencyBoost: 0 });
    expect(result.get('northmoor-strike-ballot')?.slice(0, 2)).toEqual(['twin-b', 'twin-a']);
  });

  it('rejects duplicate ids', () => {
    const index = createSimilarityIndex();
    const first = corpus[0];
    if (first === undefined) throw new Error('fixture missing');
    index.add(first);
    expect(() => index.add(first)).toThrow(/duplicate id/);
  });
});

describe('tokenize', () => {
  it('drops stopwords, short tokens and pure numbers', () => {
    expect(tokenize('The cat and the 2024 ox were at it in 99 ways')).toEqual(['cat']);
  });

  it('stems plurals and common inflections onto one key', () => {
    expect(stem('bakeries')).toBe(stem('bakery'));
    expect(stem('harbours')).toBe(stem('harbour'));
    expect(stem('prices')).toBe(stem('price'));
    expect(stem('matches')).toBe('match');
    expect(stem('dredging')).toBe(stem('dredged'));
    expect(stem('dredging')).toBe(stem('dredge'));
    expect(stem('planned')).toBe('plan');
    expect(stem('chess')).toBe('chess');
    expect(stem('bus')).toBe('bus');
    expect(tokenize("the harbour's dredgers")).toEqual(['harbour', 'dredger']);
  });

  it('keeps Unicode words whole', () => {
    expect(tokenize('Café in Zürich, Łódź and São Paulo')).toEqual(['café', 'zürich', 'łódź', 'são', 'paulo']);
    // Decomposed accents (NFD) give the same term as precomposed ones.
    expect(tokenize('cafe\u0301')).toEqual(['café']);
    expect(tokenize('Москва и Київ')).toEqual(['москва', 'київ']);
  });

  it('scans text into the same words as the plain splitter', () => {
    const samples = [
      ...corpus.map((d) => `${d.title}\n${d.standfirst}\n${d.body}`),
      "Don't stop: the harbour's 'quoted' words, rock'n'roll ' ’ ''",
      'Café CAFE\u0301 Zürich Łódź São-Paulo İstanbul ΣΊΣΥΦΟΣ Москва 東京 المدينة',
      'Maths 𝒜𝒷𝒸 and emoji 🎉🎉 and a lone \ud800 surrogate, tabs\tand\nnewlines 2024-05-01',
    ];
    const seen: string[] = [];
    const index = createWordIndex((word) => seen.push(word) - 1);
    for (const text of samples) {
      const scanned: string[] = [];
      index.scan(text, (i) => scanned.push(seen[i] ?? '?'));
      expect(scanned).toEqual(words(text));
    }
    expect(index.size).toBe(new Set(samples.flatMap(words)).size);
  });

  it('turns tags into prefixed terms', () => {
    expect(tagTerm('  Rail Strike ')).toBe('#rail-strike');
    expect(tagTerm('   ')).toBe('');
  });
});
