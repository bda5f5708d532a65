import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTagsFile } from '../../src/archive/tags-file';

const folders: string[] = [];
/** Reads a content folder holding only `tags.yaml` with the given text (none when `undefined`). */
function read(text: string | undefined) {
  const dir = mkdtempSync(path.join(tmpdir(), 'masthead-tags-'));
  folders.push(dir);
  if (text !== undefined) writeFileSync(path.join(dir, 'tags.yaml'), text);
  return readTagsFile(dir, (file) => path.relative(dir, file), (words) => words.replace(/'/g, '’'));
}
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('content/tags.yaml', () => {
  it('is optional', () => {
    expect(read(undefined)).toEqual({ texts: {}, issues: [] });
    expect(read('# nothing yet\n')).toEqual({ texts: {}, issues: [] });
  });

  it('gives tags display names and standfirsts by slug, typeset', () => {
    const { texts, issues } = read("Kittle bay:\n  name: Kittle Bay\nfishermen's co-operative:\n  name: Fishermen's Co-operative\n  standfirst: The co-op's catch, prices and boats.\n");
    expect(issues).toEqual([]);
    expect(texts).toEqual({
      'kittle-bay': { name: 'Kittle Bay' },
      'fishermen-s-co-operative': { name: 'Fishermen’s Co-operative', standfirst: 'The co-op’s catch, prices and boats.' },
    });
  });

  it('names the file, the field and the line of each mistake', () => {
    const { issues } = read('harbour:\n  title: The harbour\nferry:\n  name: ""\nquay: just a word\n');
    expect(issues.map(({ file, field, line, code }) => ({ file, field, line, code }))).toEqual([
      { file: 'tags.yaml', field: 'harbour', line: 1, code: 'field-invalid' },
      { file: 'tags.yaml', field: 'ferry.name', line: 4, code: 'field-invalid' },
      { file: 'tags.yaml', field: 'quay', line: 5, code: 'field-invalid' },
    ]);
    expect(issues[0]!.message).toMatch(/title/);
    expect(issues[1]!.message).toBe('must not be empty');
  });

  it('refuses two entries for one tag, and a tag that can have no page', () => {
    const { issues } = read('Harbour:\n  name: The harbour\nharbour:\n  name: Harbour\n港口:\n  name: Port\n');
    expect(issues.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'harbour', code: 'tag-duplicate' },
      { field: '港口', code: 'tag-no-page' },
    ]);
    expect(issues[0]!.message).toBe('is the same tag as "Harbour" (both are /tags/harbour/); keep one entry');
  });

  it('refuses a file that is not a mapping of tags', () => {
    const { issues } = read('- harbour\n- ferry\n');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'tags.yaml', code: 'field-invalid', message: 'must be a mapping of tags, each with name and/or standfirst' });
  });
});
