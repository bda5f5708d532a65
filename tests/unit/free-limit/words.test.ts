import { describe, expect, it } from 'vitest';
import { countWords, freeLimitNote, freeLimitWords } from '../../../src/free-limit/words';
import { FreeLimitError } from '../../../src/free-limit/errors';

describe('where the free limit falls, in words (the dev note)', () => {
  it('counts the words before the marker and in the whole body', () => {
    const words = freeLimitWords('One two three.\n\nFour five.\n\n<!-- free-limit -->\n\nSix seven eight nine.\n', 'subscribers', 3);
    expect(words).toEqual({ free: 5, total: 9, cutBy: 'marker' });
    expect(freeLimitNote(words, 'subscribers', 3)).toBe('Free limit — 5 of 9 words free (at the marker)');
  });

  it('places the cut after the free paragraphs when there is no marker, as the build does', () => {
    const words = freeLimitWords('A.\n\nB.\n\nC.\n\nD and e.\n', 'subscribers', 3);
    expect(freeLimitNote(words, 'subscribers', 3)).toBe('Free limit — 3 of 6 words free (after the first 3 paragraphs: no marker)');
  });

  it('says when nothing is cut, for a free article and for a short one', () => {
    expect(freeLimitNote(freeLimitWords('All of it.\n\n<!-- free-limit -->\n\nMore.\n', 'free', 3), 'free', 3)).toBe('Free limit — none: access: free, all 4 words free');
    expect(freeLimitNote(freeLimitWords('Short.\n', 'subscribers', 3), 'subscribers', 3)).toBe('Free limit — none: nothing comes after the free part, all 1 word free');
  });

  it('refuses what the build refuses', () => {
    expect(() => freeLimitWords('A\n\n<!-- free-limit -->\n\nB\n\n<!-- free-limit -->\n', 'subscribers', 3)).toThrow(FreeLimitError);
  });

  it('counts contractions, numbers and hyphenated words as one word each', () => {
    expect(countWords('Don’t pay £1,000 for a well-known half-truth.')).toBe(7);
  });
});
