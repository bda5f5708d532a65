import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateKeyToken } from '../../src/subscribers/keys';
import { projectRoot } from './astro-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's own folder for built sites, so runs side by side never clobber each other. */
    runDir: string;
    /**
     * The moment this run started (ISO): the build time of every site built without one of its own, so two
     * builds compared byte for byte print the same day (the front page's date line) even across midnight.
     */
    runStartedAt: string;
    /** This run's subscriber key tokens (see helpers/keys.ts): random, like real keys. */
    testKeys: { current: string; grace: string; retired: string; wrongSecret: string };
  }
}

const runsDir = path.join(projectRoot, 'tests/.output/runs');
const HOUR = 60 * 60 * 1000;

/**
 * Gives the run a fresh folder; `builtSite()` builds each site into it on first
 * use. Folders of earlier runs are removed once they are an hour old, and this
 * run's folder is removed when it ends, unless `KEEP_TEST_OUTPUT=1` asks to
 * keep it (built sites, their build logs, screenshots) for a look.
 */
export default function setup(project: TestProject) {
  mkdirSync(runsDir, { recursive: true });
  for (const name of readdirSync(runsDir)) {
    const dir = path.join(runsDir, name);
    if (Date.now() - statSync(dir).mtimeMs > HOUR) rmSync(dir, { recursive: true, force: true });
  }
  const runDir = path.join(runsDir, `${process.pid}-${Date.now()}`);
  mkdirSync(runDir);
  project.provide('runDir', runDir);
  project.provide('runStartedAt', new Date().toISOString());
  project.provide('testKeys', {
    current: generateKeyToken('test-current'),
    grace: generateKeyToken('test-grace'),
    retired: generateKeyToken('test-retired'),
    wrongSecret: generateKeyToken('test-current'),
  });
  return () => {
    if (process.env.KEEP_TEST_OUTPUT === '1') {
      console.log(`\nKEEP_TEST_OUTPUT=1: this run's built sites and logs are in ${path.relative(process.cwd(), runDir)}`);
      return;
    }
    rmSync(runDir, { recursive: true, force: true });
  };
}
