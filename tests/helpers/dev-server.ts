import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './astro-build';

export interface DevServer {
  child: ChildProcess;
  /** Where it listens, e.g. `http://127.0.0.1:23456`. */
  origin: string;
  /** Everything it printed so far. */
  log: () => string;
}

/**
 * Starts `astro dev` on a localhost port in its own process group (so `stop`
 * ends everything it started) and waits, bounded, until it says where it
 * listens. Port 0 is not accepted, so Vite takes the first free port from a
 * random start. The same way as tests/build/dev-server.test.ts starts its own.
 */
export async function startDevServer(env: Record<string, string>, ms = 120_000): Promise<DevServer> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|SITE|ASSETS_PREFIX|VITEST.*|TEST|NODE_ENV)$/.test(key)),
  );
  const port = String(20_000 + Math.floor(Math.random() * 20_000));
  // --ignore-lock: run beside any dev server a developer has open, without taking over its lock file.
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', port, '--ignore-lock'], {
    cwd: projectRoot,
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const found = /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(log)?.[1];
      if (found) finish(() => resolve(found));
      else if (child.exitCode !== null) finish(() => reject(new Error(`astro dev exited (${child.exitCode}):\n${log}`)));
    }, 100);
    const timer = setTimeout(() => finish(() => reject(new Error(`astro dev did not say where it listens after ${ms / 1000} s:\n${log}`))), ms);
    const finish = (settle: () => void) => {
      clearInterval(poll);
      clearTimeout(timer);
      settle();
    };
  }).catch(async (error: unknown) => {
    await stopDevServer(child);
    throw error;
  });
  return { child, origin, log: () => log };
}

/** Stops a dev server and everything it started (its process group). */
export async function stopDevServer(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const killed = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(killed);
}
