import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild } from '../helpers/astro-build';
import { article, contentFolder } from '../helpers/content-folder';

/** Builds a broken folder the way a newsroom would, and returns what it printed. */
function failedBuild(changes: Record<string, string | null>) {
  const { dir, cleanup } = contentFolder(changes);
  const outDir = path.join(dir, 'out');
  try {
    const result = astroBuild({ CONTENT_DIR: dir, OUT_DIR: outDir });
    return { ...result, dir, wroteSite: existsSync(outDir) };
  } finally {
    cleanup();
  }
}

describe('building broken content', () => {
  it.each([
    ['an unknown author', { 'articles/x.md': article({ author: 'bob' }) }, /articles\/x\.md: author "bob" is not a known author \(.*authors\/bob\.md not found\)/],
    ['a missing headline', { 'articles/2024/y.md': article({ title: undefined }) }, /articles\/2024\/y\.md: title is required/],
    ['two free-limit markers', { 'articles/z.md': article({}, 'A\n\n<!-- free-limit -->\n\nB\n\n<!-- free-limit -->\n') }, /articles\/z\.md: body has 2 free-limit markers \(lines 10, 14\)/],
    ['a duplicate slug', { 'articles/2023/first.md': article({}) }, /duplicate slug "first": .*articles\/2023\/first\.md and .*articles\/2024\/first\.md/],
    ['broken YAML', { 'articles/w.md': '---\ntitle: [unclosed\n---\nBody\n' }, /articles\/w\.md: frontmatter is not valid YAML/],
  ])('fails with %s, naming the file and field, and writes no site', (_name, changes, message) => {
    const result = failedBuild(changes);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(message);
    expect(result.wroteSite).toBe(false);
  }, 60_000);
});
