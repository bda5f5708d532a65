import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build';
import { article, contentFolder } from '../helpers/content-folder';
import { readPage } from '../helpers/site-files';

const stories = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7].map((n) => [`articles/2025/story-${n}.md`, article({ title: `Story ${n}`, date: `2025-03-0${n}` })]),
);
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.forEach((cleanup) => cleanup()));

function build(changes: Record<string, string>) {
  const { dir, cleanup } = contentFolder({ ...stories, ...changes });
  cleanups.push(cleanup);
  const outDir = path.join(dir, 'out');
  return { ...astroBuild({ CONTENT_DIR: dir, OUT_DIR: outDir, MASTHEAD_CACHE_DIR: 'off', BUILD_TIME: '2026-01-01T00:00:00Z' }), outDir };
}

describe('content/front.yaml', () => {
  it('puts the pinned lead and top stories first on the front page, in order, and fills the rest by date', () => {
    const result = build({ 'front.yaml': 'lead: story-1\ntop:\n  - story-3\n  - first\n' });
    expect(result.code, result.output).toBe(0);
    const page = parse(readPage(result.outDir, '/'));
    expect(page.querySelector('.lead-story__title')?.text.trim()).toBe('Story 1');
    const top = page.querySelectorAll('[data-list="top-stories"] .story__title').map((title) => title.text.trim());
    // Pinned in front.yaml's order, then the newest unpinned (story 7, then 6).
    expect(top).toEqual(['Story 3', 'First story', 'Story 7', 'Story 6']);
  });

  it('stops the build on a slug that is no article or is under embargo, naming front.yaml, the field and the line, and writes no site', () => {
    const result = build({
      // Dated after BUILD_TIME: left out of the build, so it cannot lead it.
      'articles/2026/tomorrow.md': article({ title: 'Not yet', date: '2026-06-01T09:00:00Z' }),
      'front.yaml': 'lead: tomorrow\ntop:\n  - story-3\n  - no-such-story\n',
    });
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/front\.yaml:1: lead: "tomorrow" is not published in this build \(a draft, or under embargo\), so it cannot be on the front page; pin it once it is published \[front-held\]/);
    expect(result.output).toMatch(/front\.yaml:4: top\.1: "no-such-story" is not an article \(no articles\/\*\*\/no-such-story\.md\) \[front-unknown-article\]/);
    expect(existsSync(result.outDir)).toBe(false);
  });
});
