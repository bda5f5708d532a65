import { describe, expect, it } from 'vitest';
import { idKey, reservedIdReason } from '../../src/schemas/id';
import { defineSettings } from '../../src/schemas/settings';
import { textProblem } from '../../src/lib/text-check';

describe('textProblem', () => {
  it('accepts ordinary text with tabs, accents, emoji and any script', () => {
    expect(textProblem('Café\tdu Port — 港口 🚢')).toBeUndefined();
  });

  it.each([
    ['\u0000', 'U+0000'],
    ['\u0008', 'U+0008'],
    ['\u000B', 'U+000B'],
    ['\u001F', 'U+001F'],
    ['\u007F', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\u009F', 'U+009F'],
    ['\uFFFE', 'U+FFFE'],
    ['\uD800', 'U+D800'],
  ])('refuses %j anywhere, naming its code point', (character, name) => {
    expect(textProblem(`ab${character}c`, { multiline: true })).toBe(
      `contains an invisible control character (${name}, at character 3); delete it: feeds cannot carry it`,
    );
  });

  it('accepts a character outside the Basic Multilingual Plane, whose surrogates come in a pair', () => {
    expect(textProblem('Harbour 𝄞')).toBeUndefined();
  });

  it.each(['\n', '\r', '\u2028', '\u2029'])('refuses the line break %j in a one-line field only', (character) => {
    expect(textProblem(`one${character}two`)).toMatch(/^must be on one line \(it has a line break, U\+\w{4}, at character 4\)$/);
    expect(textProblem(`one${character}two`, { multiline: true })).toBeUndefined();
  });
});

describe('defineSettings', () => {
  it('refuses a control character in the site name, which every feed carries', () => {
    expect(() => defineSettings({ siteName: 'The Ledger\u0007' })).toThrow(
      'src/settings.ts: siteName contains an invisible control character (U+0007, at character 11)',
    );
  });
});

describe('reserved ids', () => {
  it('names why a slug is taken, whatever its case', () => {
    expect(reservedIdReason('Search')).toMatch(/search page/);
    expect(reservedIdReason('INDEX.HTML')).toMatch(/Writers page/);
    expect(reservedIdReason('sitemap-12.xml')).toMatch(/sitemap page/);
  });

  it('leaves ordinary slugs alone, including ones that start like reserved names', () => {
    for (const slug of ['searching-for-the-wreck', 'index-linked-pensions', 'page-one', '404-buses', 'rss', 'unlocked']) {
      expect(reservedIdReason(slug)).toBeUndefined();
    }
  });

  it('compares ids the way macOS and Windows compare file names', () => {
    expect(idKey('Café')).toBe(idKey('cafe\u0301'));
    expect(idKey('News')).toBe(idKey('news'));
    expect(idKey('news')).not.toBe(idKey('new'));
  });
});
