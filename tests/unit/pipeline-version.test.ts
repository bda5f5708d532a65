import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { bodyModules } from '../../src/archive/pipeline-version';
import { projectRoot } from '../helpers/astro-build';

/** Relative imports of a file as TypeScript's own parser finds them. */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(path.join(projectRoot, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => fileName).filter((name) => name.startsWith('.'));
}

describe('the body cache version', () => {
  const modules = bodyModules(projectRoot);

  it('hashes every module the body step imports, at any depth: no import escapes the set', () => {
    const known = new Set(modules);
    for (const file of modules) {
      for (const specifier of importsOf(file)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
        const found = [target, `${target}.ts`, `${target}.mjs`, `${target}/index.ts`].some((candidate) => known.has(candidate));
        expect(found, `${file} imports ${specifier}, which the body cache's version does not hash`).toBe(true);
      }
    }
  });

  it('holds the cut, the Markdown pipeline and the similarity model, and nothing the pages alone use', () => {
    for (const expected of ['src/archive/body-step.ts', 'src/free-limit/plan.ts', 'src/markdown/pipeline.ts', 'src/markdown/verify-cut.ts', 'src/similar-stories/similar-stories.ts']) {
      expect(modules).toContain(expected);
    }
    expect(modules.filter((file) => file.startsWith('src/pages/') || file.endsWith('.astro'))).toEqual([]);
  });
});
