import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorsPage, fieldTable, withFieldTable } from '../../src/cli/docs-pages';
import { CATALOGUE } from '../../src/errors/catalogue';
import { articleFrontmatterSchema } from '../../src/schemas/article';
import { projectRoot } from '../helpers/astro-build';

const docs = (name: string) => readFileSync(path.join(projectRoot, 'docs', name), 'utf8');

describe('the generated parts of docs/', () => {
  it('docs/writing.md has the field table of today\'s schema (run npm run docs after changing a field)', () => {
    const page = docs('writing.md');
    expect(page).toBe(withFieldTable(page));
  });

  it('docs/errors.md has every code of today\'s catalogue (run npm run docs after changing one)', () => {
    expect(docs('errors.md')).toBe(errorsPage());
  });

  it('the field table has a row for every field a writer may write, and none for a retired one', () => {
    const rows = fieldTable()
      .split('\n')
      .slice(2)
      .map((row) => /^\| `([^`]+)` \| (yes|no) \|/.exec(row)?.slice(1));
    const names = Object.keys(articleFrontmatterSchema.shape).filter((name) => name !== 'imageAlt');
    expect(rows.map((row) => row?.[0])).toEqual(names);
    expect(rows.filter((row) => row?.[1] === 'yes').map((row) => row?.[0])).toEqual(['title', 'author', 'section', 'date', 'standfirst']);
  });

  it('each code has its own anchor, and shows its message with no argument left undefined', () => {
    const page = errorsPage();
    for (const code of Object.keys(CATALOGUE)) expect(page).toContain(`<a id="${code}"></a>`);
    expect(page).not.toMatch(/undefined|\[object /);
  });
});
