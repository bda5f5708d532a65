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
    testTimeout: 30_000,
    hookTimeout: 240_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
