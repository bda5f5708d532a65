import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/similar-stories/tokenize';
import { quoteStyle, smartenRuns, smartenText } from '../../src/lib/typography';

describe('smartenText, for headlines, standfirsts, names and settings texts', () => {
  it.each([
    ['en-GB', `He said "the 'new' plan" was late.`, 'He said ‘the “new” plan’ was late.'],
    ['en-US', `He said "the 'new' plan" was late.`, 'He said “the ‘new’ plan” was late.'],
    // The level decides, not the straight quote typed: a writer's single quotes outside become the locale's first marks.
    ['en-GB', `Trial of 'living' panels`, 'Trial of ‘living’ panels'],
    ['en-US', `Trial of 'living' panels`, 'Trial of “living” panels'],
    ['en-GB', `"She told me 'it's "fine"' and left."`, '‘She told me “it’s ‘fine’” and left.’'],
  ])('puts quotes by level in %s: %s', (locale, input, expected) => {
    expect(smartenText(input, locale)).toBe(expected);
  });

  it('curls apostrophes in contractions, possessives, plurals and decades in every locale', () => {
    for (const locale of ['en-GB', 'en-US']) {
      expect(smartenText(`The paper's readers don't like the workers' union's '80s logo`, locale)).toBe(
        'The paper’s readers don’t like the workers’ union’s ’80s logo',
      );
    }
  });

  it('reads a quotation that opens a sentence and one that closes before a comma', () => {
    expect(smartenText(`"So we just won't go," she says. "That's it."`, 'en-GB')).toBe('‘So we just won’t go,’ she says. ‘That’s it.’');
    expect(smartenText(`"So we just won't go," she says. "That's it."`, 'en-US')).toBe('“So we just won’t go,” she says. “That’s it.”');
  });

  it('keeps a quotation that runs on into the next paragraph open', () => {
    expect(smartenText(`"The first paragraph of a long quote.`, 'en-GB')).toBe('‘The first paragraph of a long quote.');
  });

  it('makes -- an en dash and --- an em dash, and leaves single hyphens in ranges and scores', () => {
    expect(smartenText('Kilnbank -- the old town -- voted', 'en-GB')).toBe('Kilnbank – the old town – voted');
    expect(smartenText('It was---at last---done', 'en-US')).toBe('It was—at last—done');
    expect(smartenText('A 3-1 win, pages 10-12, a well-known co-op', 'en-GB')).toBe('A 3-1 win, pages 10-12, a well-known co-op');
  });

  it('makes three dots, spaced or not, an ellipsis', () => {
    expect(smartenText('Wait... and then. . . nothing', 'en-GB')).toBe('Wait… and then… nothing');
  });

  it('writes feet and inches as primes, not quotes', () => {
    expect(smartenText(`a 6'2" goalkeeper`, 'en-GB')).toBe('a 6′2″ goalkeeper');
  });

  it('leaves text that is already typographic, or has nothing to change, as it is', () => {
    expect(smartenText('The paper’s ‘new’ plan – at last…', 'en-GB')).toBe('The paper’s ‘new’ plan – at last…');
    expect(smartenText('Budget passes, library saved', 'en-GB')).toBe('Budget passes, library saved');
    expect(smartenText('', 'en-GB')).toBe('');
  });
});

describe('smartenRuns, for a paragraph in pieces', () => {
  it('pairs quotes across pieces and never changes the code between them', () => {
    const runs = ['She typed "', { opaque: 'word' as const }, `" -- it's `, 'done', '...'];
    expect(smartenRuns(runs, 'en-US')).toEqual(['She typed “', undefined, '” – it’s ', 'done', '…']);
  });

  it('leaves a dash split between two pieces as typed', () => {
    expect(smartenRuns(['one -', '- two'], 'en-GB')).toEqual(['one -', '- two']);
  });
});

describe('quoteStyle', () => {
  it.each([
    ['en-GB', '‘', '“'],
    ['en-IE', '‘', '“'],
    ['en-AU', '‘', '“'],
    ['en-US', '“', '‘'],
    ['en', '“', '‘'],
    ['de-DE', '„', '‚'],
    ['nl-NL', '“', '‘'],
    ['not a locale', '“', '‘'],
  ])('gives %s its first and second opening marks', (locale, first, second) => {
    const style = quoteStyle(locale);
    expect([style.first.open, style.second.open]).toEqual([first, second]);
  });
});

describe('typeset text and the similar-stories terms', () => {
  it('gives the same terms for a text as typed and as typeset', () => {
    const typed = `The harbour's "new" dredger won't start -- engineers' reports...`;
    expect(tokenize(smartenText(typed, 'en-GB'))).toEqual(tokenize(typed));
    expect(tokenize('don’t harbour’s')).toEqual(tokenize("don't harbour's"));
  });
});
