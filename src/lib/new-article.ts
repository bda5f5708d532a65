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

/** The words `npm run new` puts where the writer has still to write; `npm run check` warns while they are there. */
export const PLACEHOLDER = 'TODO:';

export interface NewArticle {
  title: string;
  section: string;
  author: string;
  /** ISO date-time with offset (`zonedDateTime`). */
  date: string;
  /** Omitted: a placeholder that passes validation and says what to write. */
  standfirst?: string | undefined;
}

/**
 * The Markdown file of a new article: frontmatter every field of which passes
 * validation, a first paragraph to replace, and the free-limit marker on its
 * own line, with a paragraph after it for the subscribers' part.
 */
export function newArticleMarkdown({ title, section, author, date, standfirst }: NewArticle): string {
  // JSON strings are YAML double-quoted strings: any headline, with `: ` or `#` in it, stays one value.
  const quote = (text: string) => JSON.stringify(text);
  return [
    '---',
    `title: ${quote(title)}`,
    `author: ${author}`,
    `section: ${section}`,
    `date: ${date}`,
    `standfirst: ${quote(standfirst ?? `${PLACEHOLDER} one or two sentences that sum the story up, under the headline and in lists`)}`,
    '---',
    `${PLACEHOLDER} the opening paragraphs, which every reader sees.`,
    '',
    '<!-- free-limit -->',
    '',
    `${PLACEHOLDER} the rest of the story, for subscribers.`,
    '',
  ].join('\n');
}
