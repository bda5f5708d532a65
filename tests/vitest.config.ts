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
    testTimeout: 30_000,
    hookTimeout: 240_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
