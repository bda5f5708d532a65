import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../src/lib/dates';
import { newArticleMarkdown, slugFromHeadline, zonedDateTime } from '../../src/cli/new-article-file';
import { PLACEHOLDER } from '../../src/lib/field-meta';
import { splitFrontmatter } from '../../src/archive/frontmatter';
import { articleFrontmatterSchema } from '../../src/schemas/article';

describe('slugFromHeadline', () => {
  it('makes lowercase ASCII words joined by hyphens', () => {
    expect(slugFromHeadline('First dredger arrives as port costs climb to £81m')).toBe('first-dredger-arrives-as-port-costs-climb-to-81m');
  });

  it('folds accents and letters without a decomposition, and drops apostrophes', () => {
    expect(slugFromHeadline('Café owner’s Straße: Øresund, Łódź and Þórsmörk')).toBe('cafe-owners-strasse-oresund-lodz-and-thorsmork');
  });

  it('cuts a long headline at a word boundary within the limit', () => {
    const slug = slugFromHeadline('Council votes to close the old harbour baths after a century of swimming, protests and repairs');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('council-votes-to-close-the-old-harbour-baths-after-a-century');
  });

  it('is empty for a headline with no Latin letters or digits', () => {
    expect(slugFromHeadline('Αθήνα — 東京')).toBe('');
  });
});

describe('zonedDateTime', () => {
  it('writes the time in the paper’s zone with its summer offset', () => {
    expect(zonedDateTime(new Date('2026-07-20T07:30:45Z'), 'Europe/London')).toBe('2026-07-20T08:30+01:00');
  });

  it('writes the winter offset, and the local day when it differs from UTC’s', () => {
    expect(zonedDateTime(new Date('2026-11-20T23:30:00Z'), 'Europe/London')).toBe('2026-11-20T23:30+00:00');
    expect(zonedDateTime(new Date('2026-11-20T23:30:00Z'), 'Pacific/Auckland')).toBe('2026-11-21T12:30+13:00');
    expect(zonedDateTime(new Date('2026-11-21T02:15:00Z'), 'America/New_York')).toBe('2026-11-20T21:15-05:00');
  });

  it('keeps the instant across a clock change, to the minute', () => {
    for (const instant of ['2026-03-29T00:59:00Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:00Z', '2026-10-25T01:00:00Z']) {
      const written = parseIsoDate(zonedDateTime(new Date(instant), 'Europe/London'));
      expect(written?.hasTime && written.instant.toISOString()).toBe(new Date(instant).toISOString());
    }
  });
});

describe('newArticleMarkdown', () => {
  it('quotes a headline so that a colon or hash stays part of it', () => {
    const markdown = newArticleMarkdown({ title: 'Budget: what changes #1', section: 'news', author: 'ada', date: '2026-07-20T08:30+01:00' });
    expect(markdown).toContain('title: "Budget: what changes #1"\n');
    expect(markdown).toMatch(/\n\n<!-- free-limit -->\n\n/);
  });

  it('writes every field the schema requires, in its order, and the file passes the schema as written', () => {
    const markdown = newArticleMarkdown({ title: 'Quay vote', section: 'news', author: 'ada', date: '2026-07-20T08:30+01:00' });
    const { data } = splitFrontmatter(markdown);
    const parsed = articleFrontmatterSchema.safeParse(data);
    expect(parsed.success).toBe(true);
    const required = Object.entries(articleFrontmatterSchema.shape)
      .filter(([, schema]) => !schema.safeParse(undefined).success)
      .map(([name]) => name);
    expect(Object.keys(data as object)).toEqual(required);
    // Ids and dates bare, as writers write them; the standfirst a placeholder `npm run check` warns about.
    expect(markdown).toContain('\nauthor: ada\nsection: news\ndate: 2026-07-20T08:30+01:00\n');
    expect((data as { standfirst: string }).standfirst.startsWith(PLACEHOLDER)).toBe(true);
  });
});
