import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro-build';

const src = path.join(projectRoot, 'src');

/** Every source file under `src/`. */
function sources(dir = src): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? sources(full) : /\.(ts|mjs|astro)$/.test(name) ? [full] : [];
  });
}

/** The top-level folder (or file) of `src/` a path is in: `archive`, `site.ts`. */
const room = (file: string) => path.relative(src, file).split(path.sep)[0]!;

/** The imports between the top-level folders of `src/`, read by TypeScript's own parser, with one file pair for each. */
function roomImports(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sources()) {
    const text = readFileSync(file, 'utf8');
    // An Astro component's imports are in its frontmatter and its scripts; the parser reads them as plain imports.
    const { importedFiles } = ts.preProcessFile(file.endsWith('.astro') ? text.replace(/^---$/gm, '') : text, true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), fileName);
      if (!target.startsWith(src + path.sep)) continue;
      const [from, to] = [room(file), room(target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      edges.get(from)!.set(to, `${path.relative(src, file)} → ${fileName}`);
    }
  }
  return edges;
}

describe('the layers of src/', () => {
  const edges = roomImports();

  it('have no import that runs back up: no two folders import each other, however indirectly', () => {
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean => {
      for (const next of edges.get(from)?.keys() ?? []) {
        if (next === to) return true;
        if (!seen.has(next)) {
          seen.add(next);
          if (reaches(next, to, seen)) return true;
        }
      }
      return false;
    };
    const cycles = [...edges].flatMap(([from, targets]) => [...targets].filter(([to]) => reaches(to, from)).map(([, example]) => example));
    expect(cycles).toEqual([]);
  });

  it('keep the archive below the integrations and the pages, and the cut below everything that renders', () => {
    const imports = (from: string) => [...(edges.get(from)?.keys() ?? [])];
    expect(imports('archive')).not.toContain('integrations');
    expect(imports('archive')).not.toContain('pages');
    expect(imports('free-limit').filter((to) => !['errors', 'lib'].includes(to))).toEqual([]);
  });

  it('hold no globalThis slot outside the build context', () => {
    const holders = sources().filter((file) => /Symbol\.for\(|globalThis as/.test(readFileSync(file, 'utf8')));
    expect(holders.map((file) => path.relative(src, file))).toEqual(['context/build-context.ts']);
  });
});
