import { describe, expect, it } from 'vitest';
import { parseIsoDate, resolveIsoDate } from '../../src/lib/dates';
import { resolveBuildEnv } from '../../src/context/env';
import { formatWait, nextEmbargo, nextEmbargoLine, publicationState } from '../../src/lib/publication';

/** The state of an article dated `date` (as written in frontmatter) at a build at `now`, in the paper's zone. */
const stateAt = (date: string, now: string, timeZone = 'Europe/London', draft?: boolean) =>
  publicationState({ draft, published: resolveIsoDate(parseIsoDate(date)!, timeZone).date }, new Date(now)).state;

describe('publicationState: the embargo edge', () => {
  it('publishes an article at the exact minute its date-time names, and not a millisecond before', () => {
    expect(stateAt('2026-07-01T09:00:00+01:00', '2026-07-01T08:00:00.000Z')).toBe('published');
    expect(stateAt('2026-07-01T09:00:00+01:00', '2026-07-01T07:59:59.999Z')).toBe('embargoed');
    expect(stateAt('2026-07-01T09:00:00+01:00', '2026-07-01T07:59:00Z')).toBe('embargoed');
    expect(stateAt('2026-07-01T09:00:00+01:00', '2026-07-01T08:01:00Z')).toBe('published');
  });

  it('reads a date-time without an offset as UTC, whatever the paper’s zone', () => {
    expect(stateAt('2026-07-01T09:00', '2026-07-01T08:30:00Z', 'Europe/London')).toBe('embargoed');
    expect(stateAt('2026-07-01T09:00', '2026-07-01T09:00:00Z', 'Asia/Tokyo')).toBe('published');
  });

  it('holds a bare future date until the start of that day in the paper’s zone', () => {
    // London summer time: 20 July starts at 23:00 UTC on the 19th.
    expect(stateAt('2026-07-20', '2026-07-19T22:59:00Z')).toBe('embargoed');
    expect(stateAt('2026-07-20', '2026-07-19T23:00:00Z')).toBe('published');
    // The same day starts nine hours earlier in Tokyo, and later in New York.
    expect(stateAt('2026-07-20', '2026-07-19T15:00:00Z', 'Asia/Tokyo')).toBe('published');
    expect(stateAt('2026-07-20', '2026-07-20T03:59:00Z', 'America/New_York')).toBe('embargoed');
    expect(stateAt('2026-07-20', '2026-07-20T04:00:00Z', 'America/New_York')).toBe('published');
  });

  it('follows the clocks across both daylight-saving changes', () => {
    // 29 March 2026: clocks go forward at 01:00 UTC, after midnight, so the day starts at 00:00 UTC;
    // the 30th is the first day to start in summer time, at 23:00 UTC on the 29th.
    expect(stateAt('2026-03-29', '2026-03-28T23:30:00Z')).toBe('embargoed');
    expect(stateAt('2026-03-29', '2026-03-29T00:00:00Z')).toBe('published');
    expect(stateAt('2026-03-30', '2026-03-29T22:59:00Z')).toBe('embargoed');
    expect(stateAt('2026-03-30', '2026-03-29T23:00:00Z')).toBe('published');
    // 25 October 2026: clocks go back at 01:00 UTC; the 25th still starts in summer time, the 26th in winter time.
    expect(stateAt('2026-10-25', '2026-10-24T23:00:00Z')).toBe('published');
    expect(stateAt('2026-10-26', '2026-10-25T23:30:00Z')).toBe('embargoed');
    expect(stateAt('2026-10-26', '2026-10-26T00:00:00Z')).toBe('published');
  });

  it('keeps a draft out whatever its date, and says when an embargo lifts', () => {
    expect(stateAt('2020-01-01', '2026-07-01T00:00:00Z', 'Europe/London', true)).toBe('draft');
    expect(stateAt('2030-01-01', '2026-07-01T00:00:00Z', 'Europe/London', true)).toBe('draft');
    const until = new Date('2026-07-01T08:00:00Z');
    expect(publicationState({ published: until }, new Date('2026-07-01T07:00:00Z'))).toEqual({ state: 'embargoed', until });
  });
});

describe('the next embargo in the build log', () => {
  it('names the piece that falls due first, with its instant and the wait', () => {
    const next = nextEmbargo([
      { slug: 'later', at: new Date('2026-07-02T09:00:00Z') },
      { slug: 'budget-day', at: new Date('2026-07-01T12:20:00Z') },
    ]);
    expect(nextEmbargoLine(next!, new Date('2026-07-01T09:00:00Z'))).toBe('next embargo: budget-day at 2026-07-01T12:20:00.000Z (in 3 h 20 min)');
  });

  it('breaks a tie by slug and has nothing to say when nothing waits', () => {
    const at = new Date('2026-07-01T12:00:00Z');
    expect(nextEmbargo([{ slug: 'b', at }, { slug: 'a', at }])?.slug).toBe('a');
    expect(nextEmbargo([])).toBeUndefined();
  });

  it('prints waits in minutes, hours and days, rounding up', () => {
    expect(formatWait(30_000)).toBe('1 min');
    expect(formatWait(0)).toBe('less than a minute');
    expect(formatWait(45 * 60_000)).toBe('45 min');
    expect(formatWait(2 * 3_600_000)).toBe('2 h');
    expect(formatWait((2 * 24 + 4) * 3_600_000 + 60_000)).toBe('2 d 4 h');
  });
});

describe('PREVIEW in the build environment', () => {
  const resolve = (PREVIEW?: string) =>
    resolveBuildEnv(PREVIEW === undefined ? {} : { PREVIEW }, { siteUrl: 'https://example.org', basePath: '/' }, '/srv/paper', new Date(0)).preview;

  it('builds the public site unless PREVIEW is 1, and refuses a value it cannot read', () => {
    expect(resolve()).toBe(false);
    expect(resolve('0')).toBe(false);
    expect(resolve('1')).toBe(true);
    expect(resolve('true')).toBe(true);
    expect(() => resolve('yes please')).toThrow('PREVIEW "yes please" is not 1 or 0');
  });
});
