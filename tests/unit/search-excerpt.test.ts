import { describe, expect, it } from 'vitest';
import { resultExcerpt, type ExcerptPart, type WordLocation } from '../../src/search/excerpt';

/** The excerpt as the page shows it, with marked words in [brackets]. */
const shown = (parts: ExcerptPart[]) => parts.map((part) => (part.mark ? `[${part.text}]` : part.text)).join('');

const title = 'Valley council approves new footbridge';
const standfirst = 'A timber bridge will cross the river by spring.';
const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i + 1} says little of note here.`).join(' ');
/** What Pagefind returns as a record's indexed text: headline, standfirst, free part, with a full stop after the headline. */
const content = `${title}. ${standfirst} ${body} The footbridge opens in May.`;
const words = content.split(/\s+/);
/** Pagefind's locations of every word equal to `word` (punctuation aside), scored as body text. */
const at = (word: string, score = 1): WordLocation[] =>
  words.flatMap((candidate, location) => (candidate.replace(/[.,]$/, '').toLowerCase() === word ? [{ location, balanced_score: score }] : []));

describe('resultExcerpt', () => {
  it('starts at the standfirst when the query matched only the headline, which the result already shows', () => {
    const parts = resultExcerpt({ content, title, weighted_locations: at('valley', 7) });
    expect(shown(parts)).toMatch(/^A timber bridge will cross the river by spring\. Paragraph 1 says/);
    expect(shown(parts)).not.toContain('Valley');
    expect(shown(parts).endsWith(' …')).toBe(true);
    expect(parts.some((part) => part.mark)).toBe(false);
  });

  it('shows the passage of the free part where the matched words are, marked, with ellipses where it is cut', () => {
    const parts = resultExcerpt({ content, title, weighted_locations: [...at('footbridge', 7), ...at('opens')] });
    const text = shown(parts);
    expect(text).toMatch(/^… /);
    expect(text).toContain('here. The [footbridge] [opens] in');
    // The headline's "footbridge" is not shown, marked or not.
    expect(text).not.toContain(title);
    expect(text.split(' ').filter((word) => word !== '…')).toHaveLength(30);
  });

  it('centres on the densest matches, not the first one', () => {
    const parts = resultExcerpt({ content, title, weighted_locations: [...at('timber'), ...at('paragraph').slice(8, 12), ...at('note').slice(8, 12)] });
    expect(shown(parts)).toContain('[Paragraph] 10 says little of [note] here.');
    expect(shown(parts)).not.toContain('[timber]');
  });

  it('shows the whole text after the headline when it is short, without ellipses', () => {
    const short = `${title}. ${standfirst}`;
    const parts = resultExcerpt({ content: short, title, weighted_locations: at('river') });
    expect(shown(parts)).toBe('A timber bridge will cross the [river] by spring.');
  });

  it('keeps the first words when the text does not start with the headline', () => {
    const parts = resultExcerpt({ content: standfirst, title: 'Another headline', weighted_locations: [] });
    expect(shown(parts)).toBe(standfirst);
    expect(resultExcerpt({ content: standfirst, weighted_locations: [] })).toEqual([{ text: standfirst, mark: false }]);
  });

  it('gives nothing for a page with no text besides its headline', () => {
    expect(resultExcerpt({ content: `${title}.`, title, weighted_locations: at('valley', 7) })).toEqual([]);
    expect(resultExcerpt({ content: '', title, weighted_locations: [] })).toEqual([]);
  });
});
