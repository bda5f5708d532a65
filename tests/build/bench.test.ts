import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/astro-build';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface BenchBuild {
  wallMs: number;
  cpuMs: number;
  peakTreeRssBytes: number;
  pages?: number;
  phases: Partial<Record<'content' | 'pages' | 'search', number>>;
  /** `phase <name>: <ms> ms` lines of the build's own code. */
  extra: Record<string, number>;
}

describe('npm run bench', () => {
  // The cold pair only (two builds of 20 articles): the rebuilds and the keyed build run the same code with other caches and env.
  it('builds a small archive with Masthead and the plain Astro baseline and reports ratios', () => {
    const out = path.join(tmp, 'results.json');
    // Vitest mirrors its own import.meta.env into process.env; the builds must not inherit it (as in helpers/astro-build.ts).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|SITE|ASSETS_PREFIX|VITEST.*|TEST|NODE_ENV)$/.test(key)),
    );
    const result = spawnSync(
      process.execPath,
      ['--experimental-strip-types', 'bench/bench.ts', '--articles', '20', '--only', 'cold,baseline', '--out', out],
      { cwd: projectRoot, env, encoding: 'utf8' },
    );
    // On failure, the bench's own message and the tail of the failed build's log.
    expect(result.status, result.stderr.slice(-3000)).toBe(0);
    expect(result.stderr).not.toMatch(/bench:/);
    expect(result.stdout).toMatch(/Masthead \/ baseline, cold\s+\d+\.\d+×\s+\d+\.\d+×\s+\d+\.\d+×/);

    const results = JSON.parse(readFileSync(out, 'utf8')) as {
      summary: Record<'cold' | 'baseline', BenchBuild>;
      ratios: { coldVsBaseline: { wall: number; cpu: number; peakTreeMemory: number } };
      articlePages: { pages: number; maxBytes: number; scripts: number };
      targets: Array<{ target: string; met?: boolean }>;
    };
    const { cold, baseline } = results.summary;
    // One page per article and an index for the baseline, which keeps them in its src/content; Masthead adds sections, authors...
    expect(baseline.pages).toBe(21);
    // What a reader downloads for an article: weighed from the cold build, every article page.
    expect(results.articlePages.pages).toBe(20);
    expect(results.articlePages.maxBytes).toBeGreaterThan(2000);
    expect(results.articlePages.scripts).toBe(0);
    expect(result.stdout).toMatch(/paywalled article page ≤ 15 KB gzip, HTML \+ CSS \(heaviest\)\s+\d+\.\d+\s+(met|NOT MET)/);
    expect(cold.pages).toBeGreaterThan(20);
    for (const build of [cold, baseline]) {
      expect(build.wallMs).toBeGreaterThan(0);
      expect(build.cpuMs).toBeGreaterThan(0);
      expect(build.peakTreeRssBytes).toBeGreaterThan(50 * 1024 ** 2);
      expect(build.phases.content).toBeGreaterThan(0);
      expect(build.phases.pages).toBeGreaterThan(0);
    }
    expect(cold.phases.search).toBeGreaterThan(0);
    // The corpus's lead pictures: their processing is a phase of its own.
    expect(cold.extra.images).toBeGreaterThan(0);
    expect(baseline.phases.search).toBeUndefined();
    expect(results.ratios.coldVsBaseline.wall).toBeGreaterThan(0);
  });
});
