import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/archive/frontmatter';
import { readArchive } from '../../src/archive/read-archive';
import { createYamlMemo, roundTrips } from '../../src/archive/yaml-memo';
import { contentFolder } from '../helpers/content-folder';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'masthead-yaml-memo-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the memo of parsed frontmatter', () => {
  it('gives back what the YAML parsed to in the last build, and lines only when asked, from the YAML itself', () => {
    const dir = path.join(scratch, 'a');
    const text = 'title: Crane\ntags: [harbour, crane]\nimage:\n  src: crane.jpg\n';
    const first = createYamlMemo(dir);
    const parsed = parseYamlText(text, { firstLine: 2, memo: first });
    first.save();
    const again = createYamlMemo(dir);
    expect(again.get(text)).toEqual(parsed.data);
    const memoised = parseYamlText(text, { firstLine: 2, memo: createYamlMemo(dir) });
    expect(memoised.data).toEqual(parsed.data);
    expect(memoised.lineOf(['image', 'src'])).toBe(parsed.lineOf(['image', 'src']));
    expect(memoised.lineOf(['tags', 1])).toBe(3);
    expect(again.get('title: Another\n')).toBeUndefined();
  });

  it('keeps only the parses a build used, so a removed file’s parse does not stay', () => {
    const dir = path.join(scratch, 'b');
    const memo = createYamlMemo(dir);
    parseYamlText('title: Kept\n', { memo });
    parseYamlText('title: Removed\n', { memo });
    memo.save();
    const next = createYamlMemo(dir);
    parseYamlText('title: Kept\n', { memo: next });
    next.save();
    const last = createYamlMemo(dir);
    expect(last.get('title: Kept\n')).toEqual({ title: 'Kept' });
    expect(last.get('title: Removed\n')).toBeUndefined();
    expect(readdirSync(path.join(dir, 'frontmatter'))).toHaveLength(1);
  });

  it('keeps no value that JSON would give back changed', () => {
    expect(roundTrips({ title: 'x', count: 3, list: [true, null, 'y'], nested: { a: 1.5 } })).toBe(true);
    for (const value of [Infinity, -Infinity, NaN, -0]) expect(roundTrips({ value }), String(value)).toBe(false);
    const memo = createYamlMemo(undefined);
    const text = 'size: .inf\nnothing: .nan\n';
    const parsed = parseYamlText(text, { memo });
    expect(parsed.data).toEqual({ size: Infinity, nothing: NaN });
    expect(memo.get(text)).toBeUndefined();
  });

  it('reads an archive from a damaged memo as from none, with the same problems on the same lines', async () => {
    const { dir, cleanup } = contentFolder({
      'articles/2024/third.md': '---\ntitle: Third story\nauthor: ada\nsection: news\ndate: 2024-06-10\nstandfirst: The third one.\nlabel: Nonsense\n---\nThree.\n',
    });
    const cacheDir = path.join(scratch, 'archive');
    const settings = { freeParagraphs: 1, defaultAccess: 'subscribers' as const, lists: { moreFromAuthor: 1, similar: 3 } };
    const read = (withCache: boolean) => readArchive({ contentDir: dir, displayRoot: path.dirname(dir), settings, cacheDir: withCache ? cacheDir : undefined }).then(
      () => 'read',
      (error: Error) => error.message,
    );
    try {
      const fresh = await read(false);
      expect(fresh).toMatch(/third\.md:7: label: /);
      expect(await read(true)).toBe(fresh);
      // Now from the memo: the same message, the line found by parsing the YAML again.
      expect(await read(true)).toBe(fresh);
      const [memoFile] = readdirSync(path.join(cacheDir, 'frontmatter'));
      writeFileSync(path.join(cacheDir, 'frontmatter', memoFile!), 'garbage\tnot json\nmore garbage');
      expect(await read(true)).toBe(fresh);
    } finally {
      cleanup();
    }
  });
});
