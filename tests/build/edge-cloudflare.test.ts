import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe } from 'vitest';
import { projectRoot } from '../helpers/astro-build';
import { builtSite } from '../helpers/built-site';
import { EDGE_TEST_SECRET, edgeBehaviour } from '../helpers/edge-behaviour';

/**
 * The Worker (src/edge/cloudflare.ts) in Cloudflare's own runtime (workerd,
 * through Miniflare), with the `edge` build as its static assets, run first
 * for every request as `assets.run_worker_first` deploys it. Bundled here as
 * `wrangler deploy` would; started once for the file, stopped after.
 */
describe('the Cloudflare Worker, in workerd, over a build with the edge on', () => {
  let worker: Miniflare | undefined;
  let bundleDir = '';
  let origin = '';
  let site = '';
  beforeAll(async () => {
    site = builtSite('edge');
    bundleDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-worker-'));
    const scriptPath = path.join(bundleDir, 'worker.js');
    await build({
      entryPoints: [path.join(projectRoot, 'src/edge/cloudflare.ts')],
      bundle: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['workerd', 'worker', 'browser'],
      outfile: scriptPath,
      logLevel: 'silent',
    });
    worker = new Miniflare({
      modules: true,
      // Module names are relative to this folder: the bundle sits outside the project.
      modulesRoot: bundleDir,
      scriptPath,
      compatibilityDate: '2026-01-01',
      bindings: { MASTHEAD_EDGE_SECRET: EDGE_TEST_SECRET },
      assets: { directory: site, binding: 'ASSETS', routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } },
      host: '127.0.0.1',
      port: 0,
    });
    origin = (await worker.ready).origin;
  });
  afterAll(async () => {
    await worker?.dispose();
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });

  edgeBehaviour(
    () => origin,
    () => site,
  );
});
