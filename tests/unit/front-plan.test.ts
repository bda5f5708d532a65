import { describe, expect, it } from 'vitest';
import { parseFrontPlan, type SlugStatus } from '../../src/lib/front-plan';
import { frontPage } from '../../src/similar-stories/lists';

const day = (n: number) => new Date(Date.UTC(2026, 10, n));
// a1 newest … a7 oldest.
const articles = Array.from({ length: 7 }, (_, index) => ({ id: `a${index + 1}`, date: day(20 - index), section: index % 2 ? 'news' : 'arts' }));
const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

describe('the front page with pins from front.yaml', () => {
  it('leads with the newest story and fills top stories by date when nothing is pinned', () => {
    const page = frontPage(articles, ['news', 'arts'], { secondary: 3 });
    expect(page.lead?.id).toBe('a1');
    expect(ids(page.secondary)).toEqual(['a2', 'a3', 'a4']);
  });

  it('leads with the pinned story, shows the pinned top stories in order, and fills the slots left by date', () => {
    const page = frontPage(articles, ['news', 'arts'], { secondary: 3, pins: { lead: 'a6', top: ['a5', 'a2'] } });
    expect(page.lead?.id).toBe('a6');
    expect(ids(page.secondary)).toEqual(['a5', 'a2', 'a1']);
    // Never twice on the page.
    const below = page.sections.flatMap((group) => ids(group.items));
    expect(below).not.toContain('a6');
    expect(below).not.toContain('a1');
  });

  it('fills the lead by date when only top stories are pinned', () => {
    const page = frontPage(articles, ['news', 'arts'], { secondary: 2, pins: { top: ['a1', 'a7'] } });
    expect(page.lead?.id).toBe('a2');
    expect(ids(page.secondary)).toEqual(['a1', 'a7']);
  });
});

describe('parseFrontPlan', () => {
  const status = (slug: string): SlugStatus =>
    slug === 'later' ? { state: 'held', why: 'is under embargo until 2026-12-01T09:00:00.000Z' } : slug.startsWith('a') ? { state: 'published' } : { state: 'unknown' };

  it('returns the pins of a valid file, and none for an empty one', () => {
    expect(parseFrontPlan({ lead: 'a1', top: ['a2', 'a3'] }, status)).toEqual({ pins: { lead: 'a1', top: ['a2', 'a3'] }, issues: [] });
    expect(parseFrontPlan(null, status)).toEqual({ pins: {}, issues: [] });
  });

  it('names the field of an unknown, an embargoed and a twice-pinned slug, and an unknown field', () => {
    const { issues } = parseFrontPlan({ lead: 'nope', top: ['a1', 'later', 'a1'], pinned: 'a2' }, status, (path) => (path[0] === 'lead' ? 2 : undefined));
    expect(issues.map(({ field, line, code, message }) => ({ field, line, code, message }))).toEqual([
      { field: 'pinned', line: undefined, code: 'front-unknown-field', message: 'is not a front.yaml field (known: lead, top)' },
      { field: 'lead', line: 2, code: 'front-unknown-article', message: '"nope" is not an article (no articles/**/nope.md)' },
      { field: 'top.1', line: undefined, code: 'front-held', message: '"later" is under embargo until 2026-12-01T09:00:00.000Z, so it cannot be on the front page; pin it once it is published' },
      { field: 'top.2', line: undefined, code: 'front-pinned-twice', message: '"a1" is already pinned as top.0; pin a story once' },
    ]);
  });

  it('refuses a file that is not a mapping, and a top that is not a list', () => {
    expect(parseFrontPlan(['a1'], status).issues[0]?.message).toMatch(/must be a mapping/);
    expect(parseFrontPlan({ top: 'a1' }, status).issues).toEqual([expect.objectContaining({ field: 'top', code: 'front-top-not-list', message: 'must be a list of article slugs' })]);
  });
});
