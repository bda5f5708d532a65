import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  test: {
    root,
    include: ['tests/**/*.test.ts'],
    // Builds the fixture site once; build and browser tests read it.
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Astro builds use both cores on their own: running them side by side only thrashes.
    fileParallelism: false,
    // One worker for every file, one after another: a fresh process per file cost about 30 s a run. Test files share
    // no module state they change (settings are read-only; builds run in child processes).
    isolate: false,
    // Time limits catch a hang, nothing else: on a quiet 2-core machine the slowest test takes about 21 s and the
    // slowest hook (building a site) about 40 s, so ten minutes is out of reach of load alone. Tests set none of their
    // own; what a test checks is work done, and the few speed checks compare with generous, measured budgets.
    testTimeout: 600_000,
    hookTimeout: 600_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
