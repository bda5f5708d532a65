import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../helpers/astro-build';

const reporter = fileURLToPath(new URL('../helpers/summary-reporter.ts', import.meta.url));
const vitestBin = path.join(projectRoot, 'node_modules/vitest/vitest.mjs');
// In this run's folder inside the project, so the files can import 'vitest'; removed at the end.
const work = mkdtempSync(path.join(inject('runDir'), 'reporter-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs Vitest with only the summary reporter on the given test files; returns what it printed. */
function runVitest(files: Record<string, string>): { code: number | null; output: string; closing: string } {
  const dir = mkdtempSync(path.join(work, 'run-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  writeFileSync(
    path.join(dir, 'vitest.config.mjs'),
    `export default { test: { include: ['*.test.mjs'], reporters: [${JSON.stringify(reporter)}] } };\n`,
  );
  // This run's own Vitest variables must not leak into the child run.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST.*|TEST|NODE_ENV)$/.test(key)));
  const result = spawnSync(process.execPath, [vitestBin, 'run', '--root', dir, '--config', path.join(dir, 'vitest.config.mjs')], {
    cwd: dir,
    env: { ...env, NO_COLOR: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  const output = `${result.stdout}\n${result.stderr}`;
  const lines = result.stdout.trim().split('\n');
  return { code: result.status, output, closing: lines.at(-1) ?? '' };
}

const passing = `import { it } from 'vitest';\nit('passes', () => {});\nit.skip('is skipped', () => {});\n`;

describe('the closing summary line', () => {
  it('counts passing, failing and skipped tests', () => {
    const run = runVitest({
      'a.test.mjs': passing,
      'b.test.mjs': `import { expect, it } from 'vitest';\nit('fails', () => expect(1).toBe(2));\n`,
    });
    expect(run.closing, run.output).toBe('1 passed, 1 failed, 1 skipped');
  });

  it('counts a beforeAll that throws as a failure, though its tests never ran', () => {
    const run = runVitest({
      'a.test.mjs': passing,
      'hook.test.mjs': `import { beforeAll, describe, it } from 'vitest';
describe('a built site', () => {
  beforeAll(() => { throw new Error('the build failed'); });
  it('has pages', () => {});
  it('has feeds', () => {});
});\n`,
    });
    expect(run.code).not.toBe(0);
    expect(run.closing, run.output).toMatch(/^1 passed, [1-9]\d* failed, \d+ skipped$/);
    expect(run.output).toContain('failed besides tests: 1 failed beforeAll/afterAll hook');
  });

  it('counts a file-level beforeAll that throws as a failure', () => {
    const run = runVitest({
      'hook.test.mjs': `import { beforeAll, it } from 'vitest';\nbeforeAll(() => { throw new Error('no site'); });\nit('has pages', () => {});\n`,
    });
    expect(run.closing, run.output).toMatch(/^0 passed, [1-9]\d* failed, 1 skipped$/);
  });

  it('counts a test file that fails to load as a failure', () => {
    const run = runVitest({
      'a.test.mjs': passing,
      'broken.test.mjs': `import './missing-helper.mjs';\nimport { it } from 'vitest';\nit('never collected', () => {});\n`,
    });
    expect(run.code).not.toBe(0);
    expect(run.closing, run.output).toBe('1 passed, 1 failed, 1 skipped');
    expect(run.output).toContain('failed besides tests: 1 test file that failed to load');
  });

  it('counts an error thrown outside any test as a failure', () => {
    const run = runVitest({
      'late.test.mjs': `import { it } from 'vitest';\nit('passes but leaves a rejected promise', () => { Promise.reject(new Error('nobody awaited me')); });\n`,
    });
    expect(run.code).not.toBe(0);
    expect(run.closing, run.output).toBe('1 passed, 1 failed, 0 skipped');
    expect(run.output).toContain('failed besides tests: 1 unhandled error');
  });
});
