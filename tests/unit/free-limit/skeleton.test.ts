import { describe, expect, it } from 'vitest';
import { decodeEscapes, editDistance, likeness, skeleton } from '../../../src/free-limit/skeleton';

describe('the skeleton of a piece of text', () => {
  it('reads look-alike letters from other alphabets as the Latin ones (Unicode confusables)', () => {
    expect(skeleton('frее-lιmit')).toBe(skeleton('free-limit')); // Cyrillic е, Greek ι
    expect(skeleton('FREE-LIMIT')).toBe(skeleton('free-limit'));
    expect(skeleton('𝐟𝐫𝐞𝐞 𝐥𝐢𝐦𝐢𝐭')).toBe(skeleton('free limit')); // mathematical bold
    expect(skeleton('ｆｒｅｅ－ｌｉｍｉｔ')).toBe(skeleton('free-limit')); // full width
  });

  it('drops accents, invisible characters and everything that is not a letter', () => {
    expect(skeleton('fre\u0301e\u200B─limit')).toBe(skeleton('freelimit'));
    expect(skeleton('free\u3164limit')).toBe(skeleton('freelimit')); // Hangul filler, a default-ignorable letter
    expect(skeleton('free, limit!')).toBe(skeleton('freelimit'));
  });

  it('decodes character references, percent-encoding and backslash escapes, twice escaped too', () => {
    expect(decodeEscapes('&amp;lt;!-- free&#45;limit --&gt;')).toBe('<!-- free-limit -->');
    expect(decodeEscapes('free%2Dlimit %E2%80%94')).toBe('free-limit —');
    expect(decodeEscapes('\\<\\!-- free\\-limit --\\>')).toBe('<!-- free-limit -->');
    expect(decodeEscapes('100% sure & certain')).toBe('100% sure & certain');
  });
});

describe('likeness to the marker', () => {
  it('finds the marker within two edits', () => {
    for (const text of ['freelimit', 'free-limt', 'free-limited', 'fre-limit', 'freelimits', 'free-l1mit', 'free-Iimit', 'ferelimit']) {
      expect(likeness(skeleton(text), false), text).toBe('marker');
    }
  });

  it('finds both words anywhere only where that is asked for (comments and short lines, not prose)', () => {
    expect(likeness(skeleton('the free limit starts here'), true)).toBe('both-words');
    expect(likeness(skeleton('the free limit starts here'), false)).toBeUndefined();
  });

  it('leaves other words alone', () => {
    for (const text of ['freedom', 'limitless', 'free', 'limit', 'freelance', 'paywall', 'timeline']) expect(likeness(skeleton(text), false), text).toBeUndefined();
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit, and stops past the cap', () => {
    expect(editDistance('limti', 'limit')).toBe(1);
    expect(editDistance('free', 'fere')).toBe(1);
    expect(editDistance('limit', 'limit')).toBe(0);
    expect(editDistance('paywall', 'limit', 2)).toBe(3);
    expect(editDistance('', 'ab')).toBe(2);
    expect(editDistance('abc', '')).toBe(3);
  });
});
