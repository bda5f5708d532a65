import { describe, expect, it } from 'vitest';
import { compareNewestFirst, formatDate, parseIsoDate } from '../../src/lib/dates';

describe('parseIsoDate', () => {
  it('pins a calendar date to midday UTC so every time zone prints the same day', () => {
    expect(parseIsoDate('2023-06-08')?.toISOString()).toBe('2023-06-08T12:00:00.000Z');
  });

  it('reads date-times with Z, offsets, or no zone (as UTC)', () => {
    expect(parseIsoDate('2023-06-08T07:30:00Z')?.toISOString()).toBe('2023-06-08T07:30:00.000Z');
    expect(parseIsoDate('2023-06-08T07:30+01:00')?.toISOString()).toBe('2023-06-08T06:30:00.000Z');
    expect(parseIsoDate('2023-06-08T07:30:15.5-0500')?.toISOString()).toBe('2023-06-08T12:30:15.500Z');
    expect(parseIsoDate('2023-06-08 07:30')?.toISOString()).toBe('2023-06-08T07:30:00.000Z');
  });

  it.each(['yesterday', '2023-02-29', '2023-13-01', '08/06/2023', '2023-06-08T25:00Z', ''])('rejects %j', (value) => {
    expect(parseIsoDate(value)).toBeUndefined();
  });
});

describe('formatDate', () => {
  it('prints dates the way a British paper does', () => {
    expect(formatDate(new Date('2023-06-08T12:00:00Z'), { locale: 'en-GB', timeZone: 'Europe/London' })).toBe('8 June 2023');
  });

  it('follows the locale setting', () => {
    expect(formatDate(new Date('2023-06-08T12:00:00Z'), { locale: 'en-US', timeZone: 'UTC' })).toBe('June 8, 2023');
    expect(formatDate(new Date('2023-06-08T12:00:00Z'), { locale: 'de-DE', timeZone: 'UTC' })).toBe('8. Juni 2023');
  });

  it('uses the paper’s time zone for late-evening stories', () => {
    const lateInLondon = new Date('2023-06-08T23:30:00Z'); // 00:30 on 9 June, BST
    expect(formatDate(lateInLondon, { locale: 'en-GB', timeZone: 'Europe/London' })).toBe('9 June 2023');
  });
});

describe('compareNewestFirst', () => {
  it('sorts newest first and breaks ties by slug', () => {
    const day = new Date('2024-01-01');
    const items = [
      { id: 'b', date: day },
      { id: 'c', date: new Date('2024-02-01') },
      { id: 'a', date: day },
    ];
    expect(items.sort(compareNewestFirst).map((item) => item.id)).toEqual(['c', 'a', 'b']);
  });
});
