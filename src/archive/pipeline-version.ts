import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project this module is part of: the body code is read from where it is, whatever folder a build shows paths from. */
const OWN_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the body work starts: everything it runs is what this module imports, at any depth. */
const BODY_ENTRY = 'src/archive/body-step.ts';

/** Relative module specifiers in a TypeScript or JavaScript source: static imports and exports, and `import()`. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"\n]+)\1/gm;

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.mjs`, `${base}.js`, path.join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/**
 * Every source file the body step imports, at any depth, as paths relative to
 * `projectRoot`, sorted: the files whose change must start the body cache
 * afresh. Found by following the imports themselves, so a module added to
 * the pipeline is counted without anyone listing it.
 */
export function bodyModules(projectRoot: string = OWN_ROOT): string[] {
  return modulesFrom(BODY_ENTRY, projectRoot);
}

/** Every source file `entry` imports, at any depth, itself included, relative to `projectRoot`, sorted. */
export function modulesFrom(entry: string, projectRoot: string = OWN_ROOT): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolve(file, match[2]!);
      if (target) visit(target);
    }
  };
  visit(path.join(projectRoot, entry));
  return [...seen].map((file) => path.relative(projectRoot, file).split(path.sep).join('/')).sort();
}

/**
 * The version of the body pipeline: a hash of every module the body step runs
 * (`bodyModules`) and of the lockfile, so a change to the code or to a
 * dependency starts the body cache afresh.
 */
export function pipelineVersion(projectRoot: string = OWN_ROOT): string {
  return codeVersion(bodyModules(projectRoot), projectRoot);
}

/** A hash of these modules and of the lockfile: another version of the code they run, another hash. */
export function codeVersion(modules: readonly string[], projectRoot: string = OWN_ROOT): string {
  const hash = createHash('sha256');
  for (const file of [...modules, 'package-lock.json']) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(path.join(projectRoot, file)));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}
