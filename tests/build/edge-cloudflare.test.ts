import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe } from 'vitest';
import { projectRoot } from '../helpers/astro-build';
import { builtSite } from '../helpers/built-site';
import { EDGE_TEST_SECRET, edgeBehaviour, meterBehaviour, meteredCopy } from '../helpers/edge-behaviour';

/**
 * The Worker (src/edge/cloudflare.ts) in Cloudflare's own runtime (workerd,
 * through Miniflare), with the `edge` build as its static assets, run first
 * for every request as `assets.run_worker_first` deploys it. Bundled here as
 * `wrangler deploy` would; started once for the file, stopped after.
 */
describe('the Cloudflare Worker, in workerd, over a build with the edge on', () => {
  let worker: Miniflare | undefined;
  let metered: Miniflare | undefined;
  let bundleDir = '';
  let copy = '';
  let origin = '';
  let meteredOrigin = '';
  let site = '';
  /** The Worker in workerd over `directory` as its static assets, run first for every request. */
  const start = async (scriptPath: string, directory: string) => {
    const runtime = new Miniflare({
      modules: true,
      // Module names are relative to this folder: the bundle sits outside the project.
      modulesRoot: bundleDir,
      scriptPath,
      compatibilityDate: '2026-01-01',
      bindings: { MASTHEAD_EDGE_SECRET: EDGE_TEST_SECRET },
      assets: { directory, binding: 'ASSETS', routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true } },
      host: '127.0.0.1',
      port: 0,
    });
    return { runtime, origin: (await runtime.ready).origin };
  };
  beforeAll(async () => {
    site = builtSite('edge');
    copy = meteredCopy(site);
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
    ({ runtime: worker, origin } = await start(scriptPath, site));
    ({ runtime: metered, origin: meteredOrigin } = await start(scriptPath, copy));
  });
  afterAll(async () => {
    await worker?.dispose();
    await metered?.dispose();
    for (const dir of [bundleDir, copy]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  edgeBehaviour(
    () => origin,
    () => site,
  );

  describe('with the meter on', () => {
    meterBehaviour(() => meteredOrigin);
  });
});
