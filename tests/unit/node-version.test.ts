import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro-build';

// npm's own range parser, installed with Astro's dependencies; typed by hand (no @types/semver).
const semver = createRequire(path.join(projectRoot, 'package.json'))('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { version: string } | null;
};

const read = (file: string) => readFileSync(path.join(projectRoot, file), 'utf8');
const engines = (JSON.parse(read('package.json')) as { engines: { node: string } }).engines.node;
const minimum = semver.minVersion(engines)!.version;

/** Every installed package that states the Node versions it runs on. */
function dependencyEngines(): Array<{ name: string; range: string }> {
  const found: Array<{ name: string; range: string }> = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.')) continue;
      const full = path.join(dir, name);
      if (name.startsWith('@')) {
        walk(full);
        continue;
      }
      const manifest = path.join(full, 'package.json');
      if (existsSync(manifest)) {
        const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
        if (json.engines?.node) found.push({ name: `${json.name}@${json.version}`, range: json.engines.node });
      }
      if (existsSync(path.join(full, 'node_modules'))) walk(path.join(full, 'node_modules'));
    }
  };
  walk(path.join(projectRoot, 'node_modules'));
  return found;
}

describe('the Node version Masthead asks for', () => {
  it('is one every installed dependency accepts', () => {
    const refusing = dependencyEngines().filter(({ range }) => !semver.satisfies(minimum, range));
    expect(refusing, `engines.node ${engines} lets Node ${minimum} in, which these refuse`).toEqual([]);
  });

  it('is no higher than the dependencies need: one of them refuses the release before it', () => {
    const [major, minor] = minimum.split('.').map(Number) as [number, number];
    const before = `${major}.${minor - 1}.99`;
    expect(dependencyEngines().some(({ range }) => !semver.satisfies(before, range))).toBe(true);
  });

  it('is what CI checks for, and .nvmrc names a release that meets it', () => {
    const [major, minor] = minimum.split('.').map(Number);
    expect(read('.ci/run')).toContain(`a > ${major} || (a === ${major} && b >= ${minor})`);
    expect(semver.satisfies(`${read('.nvmrc').trim()}.0.0`, engines)).toBe(true);
  });
});
