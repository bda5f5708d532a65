import { describe, expect, it } from 'vitest';
import {
  dayLine,
  articleDateLine,
  calendarDay,
  compareNewestFirst,
  formatDate,
  formatDateTime,
  formatTime,
  isTimeZone,
  parseIsoDate,
  resolveIsoDate,
  startOfDay,
  updatedBeforePublished,
  type Dated,
} from '../../src/lib/dates';

const london = { locale: 'en-GB', timeZone: 'Europe/London' };
/** Parses and resolves a frontmatter date the way the content reader does. */
const dated = (value: string, timeZone = 'Europe/London'): Dated => resolveIsoDate(parseIsoDate(value)!, timeZone);

describe('parseIsoDate', () => {
  it('keeps a calendar date as a day, with no time of day', () => {
    expect(parseIsoDate('2023-06-08')).toEqual({ hasTime: false, year: 2023, month: 6, day: 8 });
  });

  it('reads date-times with Z, offsets, or no zone (as UTC)', () => {
    const instant = (value: string) => {
      const parsed = parseIsoDate(value);
      return parsed?.hasTime ? parsed.instant.toISOString() : parsed;
    };
    expect(instant('2023-06-08T07:30:00Z')).toBe('2023-06-08T07:30:00.000Z');
    expect(instant('2023-06-08T07:30+01:00')).toBe('2023-06-08T06:30:00.000Z');
    expect(instant('2023-06-08T07:30:15.5-0500')).toBe('2023-06-08T12:30:15.500Z');
    expect(instant('2023-06-08 07:30')).toBe('2023-06-08T07:30:00.000Z');
  });

  it.each(['yesterday', '2023-02-29', '2023-13-01', '08/06/2023', '2023-06-08T25:00Z', ''])('rejects %j', (value) => {
    expect(parseIsoDate(value)).toBeUndefined();
  });
});

describe('a bare date is the start of that day in the paper’s time zone', () => {
  it('is local midnight in London in winter (GMT) and in summer (BST)', () => {
    expect(dated('2026-11-20').date.toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(dated('2023-06-08').date.toISOString()).toBe('2023-06-07T23:00:00.000Z');
  });

  it('follows London across the clock changes in March and October', () => {
    // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October 2026.
    expect(dated('2026-03-28').date.toISOString()).toBe('2026-03-28T00:00:00.000Z');
    expect(dated('2026-03-29').date.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(dated('2026-03-30').date.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(dated('2026-10-25').date.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(dated('2026-10-26').date.toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('is a day earlier in UTC for a zone far ahead of it, and later for one far behind', () => {
    expect(dated('2026-11-20', 'Pacific/Kiritimati').date.toISOString()).toBe('2026-11-19T10:00:00.000Z');
    expect(dated('2026-11-20', 'Pacific/Auckland').date.toISOString()).toBe('2026-11-19T11:00:00.000Z');
    expect(dated('2026-11-20', 'Pacific/Pago_Pago').date.toISOString()).toBe('2026-11-20T11:00:00.000Z');
  });

  it('starts when the clocks jump, where they skip midnight itself', () => {
    // Chile moves from -04 to -03 at 24:00 on Saturday 5 September 2026: Sunday starts at 01:00 local.
    expect(startOfDay(2026, 9, 6, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(startOfDay(2026, 9, 5, 'America/Santiago').toISOString()).toBe('2026-09-05T04:00:00.000Z');
  });

  it('prints as that same day in the paper’s zone', () => {
    for (const timeZone of ['Europe/London', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'America/Santiago']) {
      expect(formatDate(dated('2026-09-06', timeZone).date, { locale: 'en-GB', timeZone }), timeZone).toBe('6 September 2026');
      expect(calendarDay(dated('2026-09-06', timeZone).date, timeZone), timeZone).toBe('2026-09-06');
    }
  });

  it('leaves a date-time where it is, whatever the zone', () => {
    expect(dated('2026-11-20T01:30:00Z', 'Pacific/Kiritimati')).toEqual({ date: new Date('2026-11-20T01:30:00Z'), hasTime: true });
  });
});

describe('printing dates and times', () => {
  it('prints dates the way a British paper does', () => {
    expect(formatDate(new Date('2023-06-08T12:00:00Z'), london)).toBe('8 June 2023');
  });

  it('follows the locale setting', () => {
    expect(formatDate(new Date('2023-06-08T12:00:00Z'), { locale: 'en-US', timeZone: 'UTC' })).toBe('June 8, 2023');
    expect(formatDate(new Date('2023-06-08T12:00:00Z'), { locale: 'de-DE', timeZone: 'UTC' })).toBe('8. Juni 2023');
    expect(formatDateTime(new Date('2026-11-20T14:05:00Z'), { locale: 'en-US', timeZone: 'UTC' })).toBe('November 20, 2026, 2:05 PM');
  });

  it('uses the paper’s time zone for late-evening stories', () => {
    const lateInLondon = new Date('2023-06-08T23:30:00Z'); // 00:30 on 9 June, BST
    expect(formatDate(lateInLondon, london)).toBe('9 June 2023');
    expect(formatDateTime(lateInLondon, london)).toBe('9 June 2023, 00:30');
  });

  it('prints a time with its date, comma-separated, in the paper’s zone', () => {
    expect(formatDateTime(new Date('2026-11-20T01:30:00Z'), london)).toBe('20 November 2026, 01:30');
    expect(formatTime(new Date('2026-07-01T13:05:00Z'), london)).toBe('14:05');
    expect(formatDateTime(new Date('2026-11-20T01:30:00Z'), { locale: 'en-GB', timeZone: 'Asia/Kolkata' })).toBe('20 November 2026, 07:00');
  });

  it('knows real time zones from misspelt ones', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Europe/Londres')).toBe(false);
    expect(isTimeZone('GMT+25')).toBe(false);
  });
});

describe('articleDateLine', () => {
  const line = (date: string, updated?: string, options = london) =>
    articleDateLine({ published: dated(date, options.timeZone), updated: updated ? dated(updated, options.timeZone) : undefined }, options);

  it('shows a date-time article’s time in the paper’s zone', () => {
    expect(line('2026-11-20T01:30:00Z').published).toEqual({ datetime: '2026-11-20T01:30:00.000Z', text: '20 November 2026, 01:30' });
    expect(line('2026-07-20T00:30:00Z').published.text).toBe('20 July 2026, 01:30');
  });

  it('shows a bare date as the date only, with a date for its datetime', () => {
    expect(line('2026-11-20')).toEqual({ published: { datetime: '2026-11-20', text: '20 November 2026' } });
    expect(line('2026-07-20').published).toEqual({ datetime: '2026-07-20', text: '20 July 2026' });
  });

  it('says only the time of an update on the day of publication', () => {
    expect(line('2026-11-20T01:30:00Z', '2026-11-20T14:05:00Z').updated).toEqual({ datetime: '2026-11-20T14:05:00.000Z', text: '14:05' });
    expect(line('2026-11-20', '2026-11-20T14:05:00Z').updated?.text).toBe('14:05');
  });

  it('gives the date and time of an update on a later day, or the date alone when bare', () => {
    expect(line('2026-11-20T01:30:00Z', '2026-11-21T09:10:00Z').updated?.text).toBe('21 November 2026, 09:10');
    expect(line('2026-11-20T01:30:00Z', '2026-11-21').updated).toEqual({ datetime: '2026-11-21', text: '21 November 2026' });
  });

  it('judges “the same day” in the paper’s zone, not in UTC', () => {
    // 23:30 UTC on 20 November is already 21 November in Auckland, and the same evening in London.
    const options = { locale: 'en-GB', timeZone: 'Pacific/Auckland' };
    expect(line('2026-11-20T10:00:00Z', '2026-11-20T23:30:00Z', options).updated?.text).toBe('21 November 2026, 12:30');
    expect(line('2026-11-20T10:00:00Z', '2026-11-20T23:30:00Z').updated?.text).toBe('23:30');
  });

  it('has no update when there is none', () => {
    expect(line('2026-11-20T01:30:00Z').updated).toBeUndefined();
  });
});

describe('updatedBeforePublished', () => {
  it('compares two date-times by the instant', () => {
    expect(updatedBeforePublished(dated('2026-11-20T09:00Z'), dated('2026-11-20T10:00Z'), 'Europe/London')).toBe(true);
    expect(updatedBeforePublished(dated('2026-11-20T11:00Z'), dated('2026-11-20T10:00Z'), 'Europe/London')).toBe(false);
  });

  it('accepts a bare update on the day of a timed publication, and refuses one the day before', () => {
    expect(updatedBeforePublished(dated('2026-11-20'), dated('2026-11-20T14:00Z'), 'Europe/London')).toBe(false);
    expect(updatedBeforePublished(dated('2026-11-19'), dated('2026-11-20T14:00Z'), 'Europe/London')).toBe(true);
    expect(updatedBeforePublished(dated('2026-11-19T23:59Z'), dated('2026-11-20'), 'Europe/London')).toBe(true);
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

describe('the front page’s date line', () => {
  it('gives the day in the paper’s zone, not the server’s: late on Friday in New York is Saturday in London', () => {
    const lateFriday = new Date('2026-11-21T03:30:00Z');
    expect(dayLine(lateFriday, { locale: 'en-GB', timeZone: 'Europe/London' })).toEqual({ datetime: '2026-11-21', text: 'Saturday, 21 November 2026' });
    expect(dayLine(lateFriday, { locale: 'en-US', timeZone: 'America/New_York' })).toEqual({ datetime: '2026-11-20', text: 'Friday, November 20, 2026' });
  });
});
