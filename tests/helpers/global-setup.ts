import { rmSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { projectRoot } from './astro-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Identifies this test run, so each site is built at most once per run. */
    runId: string;
  }
}

/** Clears last run's builds; `builtSite()` builds each site on first use. */
export default function setup(project: TestProject) {
  rmSync(path.join(projectRoot, 'tests/.output'), { recursive: true, force: true });
  project.provide('runId', `${process.pid}-${Date.now()}`);
}
