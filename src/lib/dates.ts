/**
 * Dates in frontmatter are ISO 8601: a calendar date (`2023-06-08`) or a date-time
 * (`2023-06-08T07:30:00Z`, `2023-06-08T07:30+01:00`).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** What `parseIsoDate` accepts, for error messages. */
export const ISO_DATE_HINT = 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]';

/**
 * A date as the newsroom wrote it: an exact instant, or a calendar day with no
 * time of day, whose instant depends on the paper's time zone (see `resolveIsoDate`).
 */
export type IsoDate =
  | { hasTime: true; instant: Date }
  | { hasTime: false; year: number; month: number; day: number };

/** When something happened: the instant, and whether the newsroom gave a time of day. */
export interface Dated {
  date: Date;
  /** False for a bare calendar date: pages print the day only. */
  hasTime: boolean;
}

function validCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
  );
}

/**
 * Parses an ISO date or date-time. A date-time without an offset is read as
 * UTC. A bare calendar date stays a calendar day: which instant it stands for
 * depends on the paper's time zone. Returns `undefined` when invalid.
 */
export function parseIsoDate(value: string): IsoDate | undefined {
  const text = value.trim();
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
    return validCalendarDay(year, month, day) ? { hasTime: false, year, month, day } : undefined;
  }
  const dateTime = ISO_DATE_TIME.exec(text);
  if (!dateTime) return undefined;
  const [year, month, day, hour, minute] = dateTime.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (!validCalendarDay(year, month, day) || hour > 23 || minute > 59) return undefined;
  const zone = dateTime[7] ?? 'Z';
  const normalised = `${text.slice(0, 10)}T${text.slice(11).replace(/(Z|[+-]\d{2}:?\d{2})$/, '')}${
    zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`
  }`;
  const parsed = new Date(normalised);
  return Number.isNaN(parsed.getTime()) ? undefined : { hasTime: true, instant: parsed };
}

/**
 * The instant a frontmatter date stands for: a date-time is its own instant; a
 * bare date is the start of that day in the paper's `timeZone`, for every
 * machine-readable use (JSON-LD, Open Graph, feeds, sitemaps).
 */
export function resolveIsoDate(value: IsoDate, timeZone: string): Dated {
  return value.hasTime
    ? { date: value.instant, hasTime: true }
    : { date: startOfDay(value.year, value.month, value.day, timeZone), hasTime: false };
}

/** True when `timeZone` is an IANA zone (or `UTC`) that `Intl` knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time in `timeZone` at `instant`, written as if it were UTC (milliseconds dropped). */
function wallClock(instant: number, timeZone: string): number {
  let formatter = wallClocks.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClocks.set(timeZone, formatter);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(instant)) if (type !== 'literal') part[type] = Number(value);
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads years 0 to 99 as 1900 to 1999.
  wall.setUTCFullYear(part.year!, part.month! - 1, part.day!);
  wall.setUTCHours(part.hour!, part.minute!, part.second!, 0);
  return wall.getTime();
}

const HOUR = 60 * 60 * 1000;

/**
 * The first instant of a calendar day in `timeZone`: local midnight, or, where
 * the clocks jump over midnight (Chile and others change at 24:00), the moment
 * of the jump.
 */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  // An archive has far fewer days than articles: each day's start is worked out once (`Intl` is slow to ask).
  const known = `${timeZone}|${year}-${month}-${day}`;
  let start = dayStarts.get(known);
  if (start === undefined) {
    if (dayStarts.size >= DAY_STARTS_KEPT) dayStarts.clear();
    start = findStartOfDay(year, month, day, timeZone);
    dayStarts.set(known, start);
  }
  return new Date(start);
}

/** Days' starts worked out so far, by zone and day; a fresh `Date` is handed out each time, so callers may change theirs. */
const dayStarts = new Map<string, number>();
/** More days than a century of daily papers: a bound, not a budget. */
const DAY_STARTS_KEPT = 100_000;

function findStartOfDay(year: number, month: number, day: number, timeZone: string): number {
  const midnight = new Date(0);
  midnight.setUTCFullYear(year, month - 1, day);
  const target = midnight.getTime();
  // Two steps settle on the offset in force at local midnight, as long as midnight exists.
  let guess = target - (wallClock(target, timeZone) - target);
  guess = target - (wallClock(guess, timeZone) - guess);
  if (wallClock(guess, timeZone) === target) return guess;
  // Midnight was skipped: find the first instant whose wall clock is at or past it.
  // Every zone's offset is within ±14 hours, so the day starts in this window.
  let low = target - 15 * HOUR;
  let high = target + 15 * HOUR;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (wallClock(middle, timeZone) >= target) high = middle;
    else low = middle;
  }
  return high;
}

export interface DateFormatOptions {
  /** BCP 47 locale, e.g. `en-GB`. */
  locale: string;
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'time' | 'day', { locale, timeZone }: DateFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(
      locale,
      kind === 'date'
        ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
        : kind === 'day'
          ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone }
          : { timeStyle: 'short', timeZone },
    );
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * Formats a date the way a newspaper prints it: `8 June 2023` in `en-GB`,
 * `June 8, 2023` in `en-US`. Formatters are cached: a build prints many dates.
 */
export function formatDate(date: Date, options: DateFormatOptions): string {
  return formatter('date', options).format(date);
}

/** The time of day in the paper's zone: `14:05` in `en-GB`, `2:05 PM` in `en-US`. */
export function formatTime(date: Date, options: DateFormatOptions): string {
  return formatter('time', options).format(date);
}

/**
 * Date and time in the paper's zone: `20 November 2026, 01:30` in `en-GB`.
 * Written as date, comma, time rather than `Intl`'s long style, which says
 * `20 November 2026 at 01:30`, as no paper does.
 */
export function formatDateTime(date: Date, options: DateFormatOptions): string {
  return `${formatDate(date, options)}, ${formatTime(date, options)}`;
}

/**
 * A front page's date line: the day of `date` in the paper's zone, with its
 * weekday, as the locale writes it (`Saturday, 21 November 2026` in `en-GB`,
 * `Saturday, November 21, 2026` in `en-US`), and its `datetime`.
 */
export function dayLine(date: Date, options: DateFormatOptions): PrintedTime {
  return { datetime: calendarDay(date, options.timeZone), text: formatter('day', options).format(date) };
}

/** The calendar day of `date` in `timeZone`, as `YYYY-MM-DD`: a bare date's `datetime` value. */
export function calendarDay(date: Date, timeZone: string): string {
  return new Date(wallClock(date.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** One printed time: the `datetime` attribute of its `<time>` element, and its text. */
export interface PrintedTime {
  /** A valid HTML `datetime`: `2026-11-20` for a bare date, the UTC instant otherwise. */
  datetime: string;
  text: string;
}

/** The dates under an article's byline. */
export interface ArticleDateLine {
  published: PrintedTime;
  /** What follows "Updated ", when the article was updated. */
  updated?: PrintedTime | undefined;
}

/**
 * How an article page prints its dates, in the paper's zone. A date-time shows
 * its time (`20 November 2026, 01:30`), a bare date the day only. An update on
 * the day of publication shows its time alone (`14:05`); on a later day, its
 * date and time (`21 November 2026, 09:10`), or the date only when bare.
 */
export function articleDateLine(
  { published, updated }: { published: Dated; updated?: Dated | undefined },
  options: DateFormatOptions,
): ArticleDateLine {
  const printed = ({ date, hasTime }: Dated, text: string): PrintedTime => ({
    datetime: hasTime ? date.toISOString() : calendarDay(date, options.timeZone),
    text,
  });
  const full = (dated: Dated) => (dated.hasTime ? formatDateTime(dated.date, options) : formatDate(dated.date, options));
  const sameDay = updated && calendarDay(updated.date, options.timeZone) === calendarDay(published.date, options.timeZone);
  return {
    published: printed(published, full(published)),
    ...(updated
      ? { updated: printed(updated, sameDay && updated.hasTime ? formatTime(updated.date, options) : full(updated)) }
      : {}),
  };
}

/**
 * True when an update is dated before the publication it updates. A bare
 * date is compared by day, so `updated: 2026-11-20` is fine for an article
 * published at `2026-11-20T14:00`.
 */
export function updatedBeforePublished(updated: Dated, published: Dated, timeZone: string): boolean {
  if (updated.hasTime && published.hasTime) return updated.date < published.date;
  return calendarDay(updated.date, timeZone) < calendarDay(published.date, timeZone);
}

/** Newest first; equal dates fall back to the slug so order never depends on input order. */
export function compareNewestFirst(
  a: { id: string; date: Date },
  b: { id: string; date: Date },
): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
