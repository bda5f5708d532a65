import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { astroBuild, astroBuildEnv, astroBin, projectRoot } from '../helpers/astro-build';
import { article, contentFolder } from '../helpers/content-folder';
import { listFiles } from '../helpers/site-files';

/** Every file of a folder with a hash of its bytes: equal maps mean byte-identical folders. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [file, createHash('sha256').update(readFileSync(path.join(dir, file))).digest('hex')]),
  );
}

/** What lies beside the output folder besides itself: temporary or previous builds. */
function besideOutput(outDir: string): string[] {
  return readdirSync(path.dirname(outDir)).filter((name) => name.startsWith(`${path.basename(outDir)}.`));
}

/**
 * What lies beside the output folder once the previous build's removal, which
 * runs in the background after a successful build, has had time to finish.
 */
async function besideOutputSettled(outDir: string): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  while (besideOutput(outDir).some((name) => name.includes('.previous-')) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return besideOutput(outDir);
}

/** Starts a build and kills it (SIGKILL, as a CI timeout or a lost runner would) once it prints `line`. */
function killedBuild(env: Record<string, string>, line: string): Promise<{ output: string; killedAt: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [astroBin, 'build'], { cwd: projectRoot, env: astroBuildEnv(env) });
    let output = '';
    let killedAt = false;
    const watch = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (!killedAt && output.includes(line)) {
        killedAt = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', reject);
    child.on('close', () => resolve({ output, killedAt }));
  });
}

describe('the output folder is replaced only by a finished build', () => {
  const work = path.join(inject('runDir'), 'atomic-output');
  const outDir = path.join(work, 'site');
  const cacheDir = path.join(work, 'cache');
  const good = contentFolder();
  const broken = contentFolder({ 'articles/2024/first.md': article({ title: undefined }) });
  let first: Record<string, string>;

  beforeAll(() => {
    mkdirSync(outDir, { recursive: true });
    // What an earlier deploy left: a page the new build no longer makes.
    writeFileSync(path.join(outDir, 'stale.html'), 'an article since deleted');
    const result = astroBuild({ CONTENT_DIR: good.dir, OUT_DIR: outDir, MASTHEAD_CACHE_DIR: cacheDir });
    if (result.code !== 0) throw new Error(`Building the valid folder failed:\n${result.output}`);
    first = snapshot(outDir);
  });

  afterAll(() => {
    good.cleanup();
    broken.cleanup();
    rmSync(work, { recursive: true, force: true });
  });

  it('a successful build replaces the whole folder, files of the previous output included, and leaves nothing beside it', () => {
    expect(first['index.html']).toBeDefined();
    expect(first['articles/first/index.html']).toBeDefined();
    expect(first['stale.html']).toBeUndefined();
    // A small site's previous output is gone when the build ends: a `git clean` right after has nothing to race.
    expect(besideOutput(outDir)).toEqual([]);
  });

  it('a build that fails on content errors leaves the previous output byte-identical, with no temporary folder left', async () => {
    await besideOutputSettled(outDir);
    const result = astroBuild({ CONTENT_DIR: broken.dir, OUT_DIR: outDir, MASTHEAD_CACHE_DIR: cacheDir });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/first\.md: title: is required \[field-required\]/);
    expect(snapshot(outDir)).toEqual(first);
    expect(besideOutput(outDir)).toEqual([]);
  });

  it('a build killed while writing leaves the previous output byte-identical, and the next build removes what it left', async () => {
    // Astro empties its output folder just before it prints this line.
    const killed = await killedBuild({ CONTENT_DIR: good.dir, OUT_DIR: outDir, MASTHEAD_CACHE_DIR: cacheDir }, 'Building static entrypoints');
    expect(killed.killedAt, killed.output).toBe(true);
    expect(snapshot(outDir)).toEqual(first);
    expect(besideOutput(outDir)).toEqual([expect.stringMatching(/^site\.building-\d+$/)]);

    const next = astroBuild({ CONTENT_DIR: broken.dir, OUT_DIR: outDir, MASTHEAD_CACHE_DIR: cacheDir });
    expect(next.code, next.output).not.toBe(0);
    expect(next.output).toMatch(/removed .*site\.building-\d+, left by an interrupted build/);
    expect(besideOutput(outDir)).toEqual([]);
    expect(snapshot(outDir)).toEqual(first);
  });
});
