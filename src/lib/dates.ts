/**
 * Dates in frontmatter are ISO 8601: a calendar date (`2023-06-08`) or a date-time
 * (`2023-06-08T07:30:00Z`, `2023-06-08T07:30+01:00`).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** What `parseIsoDate` accepts, for error messages. */
export const ISO_DATE_HINT = 'expected YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM]';

function validCalendarDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return (
    probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
  );
}

/**
 * Parses an ISO date or date-time. A bare calendar date is pinned to 12:00 UTC so
 * that it prints as the same day in every time zone from UTC-11 to UTC+11.
 * A date-time without an offset is read as UTC. Returns `undefined` when invalid.
 */
export function parseIsoDate(value: string): Date | undefined {
  const text = value.trim();
  const dateOnly = ISO_DATE.exec(text);
  if (dateOnly) {
    const [year, month, day] = dateOnly.slice(1, 4).map(Number) as [number, number, number];
    if (!validCalendarDay(year, month, day)) return undefined;
    return new Date(Date.UTC(year, month - 1, day, 12));
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
  return Number.isNaN(parsed.getTime()) ? undefined : parsed;
}

export interface DateFormatOptions {
  /** BCP 47 locale, e.g. `en-GB`. */
  locale: string;
  /** IANA time zone, e.g. `Europe/London`. */
  timeZone: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Formats a date the way a newspaper prints it: `8 June 2023` in `en-GB`,
 * `June 8, 2023` in `en-US`. Formatters are cached: a build prints many dates.
 */
export function formatDate(date: Date, { locale, timeZone }: DateFormatOptions): string {
  const key = `${locale}|${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** Newest first; equal dates fall back to the slug so order never depends on input order. */
export function compareNewestFirst(
  a: { id: string; date: Date },
  b: { id: string; date: Date },
): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
