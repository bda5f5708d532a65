import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFolder } from '../helpers/content-folder';
import { runScript } from '../helpers/run-script';

const { dir, cleanup } = contentFolder();
afterAll(cleanup);
const env = { CONTENT_DIR: dir, BUILD_TIME: '2026-07-20T07:30:00Z', MASTHEAD_CACHE_DIR: 'off', MASTHEAD_THREADS: '1' };

describe('npm run new', () => {
  it('writes a dated article under its year, with the free-limit marker, that npm run check passes', () => {
    const result = runScript('new', ['Harbour baths: the council’s £2m plan', '--section', 'arts', '--author', 'ben'], env);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const file = path.join(dir, 'articles/2026/harbour-baths-the-councils-2m-plan.md');
    expect(result.stdout.trim()).toBe(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('title: "Harbour baths: the council’s £2m plan"\n');
    expect(text).toContain('author: ben\nsection: arts\n');
    // 07:30 UTC is 08:30 in London in July: the paper's zone, with its offset.
    expect(text).toContain('date: 2026-07-20T08:30+01:00\n');
    expect(text).toMatch(/\n<!-- free-limit -->\n/);

    const checked = runScript('check', [], env);
    expect(checked.code, checked.stdout + checked.stderr).toBe(0);
    // Valid, but the writer is reminded that the placeholders are still there.
    expect(checked.stdout).toMatch(/harbour-baths-the-councils-2m-plan\.md: still has TODO: placeholders/);
  });

  it('takes a standfirst, and then warns only of the body placeholders', () => {
    const result = runScript('new', ['Tide tables', '--section', 'news', '--author', 'ada', '--standfirst', 'When the water comes in.'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(result.stdout.trim(), 'utf8')).toContain('standfirst: "When the water comes in."\n');
  });

  it('refuses an unknown section and author, listing the known ones, and writes nothing', () => {
    const result = runScript('new', ['Something new', '--section', 'sport', '--author', 'bob'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('section "sport" is not a known section (known: news, arts)');
    expect(result.stderr).toContain('author "bob" is not a known author (known: ada, ben)');
    expect(existsSync(path.join(dir, 'articles/2026/something-new.md'))).toBe(false);
  });

  it('refuses a slug another article has, in any folder and any case', () => {
    const result = runScript('new', ['FIRST', '--section', 'news', '--author', 'ada'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/slug "first" is taken by .*articles\/2024\/first\.md; choose another with --slug/);
    expect(existsSync(path.join(dir, 'articles/2026/first.md'))).toBe(false);
  });

  it('asks for a slug when the headline has no Latin letters', () => {
    const result = runScript('new', ['Αθήνα', '--section', 'news', '--author', 'ada'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no slug can be made .* give one with --slug/);
    const given = runScript('new', ['Αθήνα', '--section', 'news', '--author', 'ada', '--slug', 'athens-letter'], env);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout.trim()).toBe(path.join(dir, 'articles/2026/athens-letter.md'));
  });
});
