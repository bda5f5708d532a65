import { articleFrontmatterSchema } from '../schemas/article';
import { describeFields, PLACEHOLDER } from '../lib/field-meta';

/**
 * What `npm run new` writes: a slug from the headline, the moment in the
 * paper's zone, and a Markdown file that passes `npm run check` as written.
 * Pure: the caller passes the clock, the settings and what is in the folder.
 */

/** Slugs are cut at a word boundary at or before this many characters: long enough to read, short enough to share. */
export const SLUG_MAX_LENGTH = 60;

/** Letters that Unicode does not decompose into a base letter and an accent. */
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/**
 * A URL slug from a headline: lowercase ASCII letters and digits joined by
 * hyphens, accents folded (`Café` → `cafe`, `Straße` → `strasse`),
 * apostrophes dropped (`port's` → `ports`), cut at a word boundary to at most
 * `maxLength` characters. Empty when the headline has no Latin letters or
 * digits (the caller asks for a slug then).
 */
export function slugFromHeadline(headline: string, maxLength = SLUG_MAX_LENGTH): string {
  const folded = headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => FOLDED[letter] ?? letter)
    .replace(/['’‘`]/g, '');
  const words = folded.split(/[^a-z0-9]+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength) break;
    slug = next;
  }
  // One word longer than the limit: cut it rather than return nothing.
  return slug || (words[0] ?? '').slice(0, maxLength);
}

/**
 * `instant` as an ISO date-time in `timeZone`, to the minute, with the zone's
 * offset that day (`2026-07-20T08:30+01:00`): what a writer would type, and
 * the same instant anywhere it is read.
 */
export function zonedDateTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map(({ type, value }) => [type, value]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;
  const minute = Math.floor(instant.getTime() / 60_000) * 60_000;
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  const offset = Math.round((local - minute) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}${sign}${hours}:${minutes}`;
}


/**
 * What the writer gave `npm run new`, by frontmatter field: headline,
 * section, author, date (ISO date-time with offset, `zonedDateTime`). A
 * required field left out gets its placeholder (`placeholder` in its meta).
 */
export type NewArticle = Partial<Record<string, string>>;

/** A YAML value that reads as itself unquoted: an id, a slug, a date or date-time. */
const PLAIN_VALUE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}._+:-]*$/u;

/**
 * The Markdown file of a new article: every field the schema requires, in
 * its order, each of which passes validation; a first paragraph to replace;
 * and the free-limit marker on its own line, with a paragraph after it for
 * the subscribers' part.
 */
export function newArticleMarkdown(values: NewArticle): string {
  const frontmatter = describeFields(articleFrontmatterSchema)
    .filter((field) => field.required)
    .map(({ name, placeholder, stored }) => {
      const value = values[name] ?? (placeholder === undefined ? undefined : `${PLACEHOLDER} ${placeholder}`);
      if (value === undefined) throw new Error(`npm run new has no value for the required field "${name}": give it one, or a placeholder in its meta`);
      // Free text is quoted (a JSON string is a YAML double-quoted one: `: ` or `#` stay part of it); ids and dates are written bare, as writers write them.
      return `${name}: ${stored === 'text' || !PLAIN_VALUE.test(value) ? JSON.stringify(value) : value}`;
    });
  return [
    '---',
    ...frontmatter,
    '---',
    `${PLACEHOLDER} the opening paragraphs, which every reader sees.`,
    '',
    '<!-- free-limit -->',
    '',
    `${PLACEHOLDER} the rest of the story, for subscribers.`,
    '',
  ].join('\n');
}
