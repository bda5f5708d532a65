import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from './astro-build';

export interface DevServer extends SpawnedDevServer {
  /** Where it listens, e.g. `http://127.0.0.1:23456`. */
  origin: string;
}

/** `astro dev` started, whether or not it has said where it listens yet. */
export interface SpawnedDevServer {
  child: ChildProcess;
  /** Everything it printed so far. */
  log: () => string;
}

/**
 * Spawns `astro dev` on a localhost port in its own process group (so
 * `stopDevServer` ends everything it started), without waiting for it. Port 0
 * is not accepted, so Vite takes the first free port from a random start.
 */
export function spawnDevServer(env: Record<string, string>): SpawnedDevServer {
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
  return { child, log: () => log };
}

/** Resolves with what `check` finds in the server's log, or rejects after `ms` or when the server exits first. */
export function waitForLog<T>({ child, log }: SpawnedDevServer, check: (log: string) => T | undefined, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const poll = setInterval(() => {
      const found = check(log());
      if (found !== undefined) finish(() => resolve(found));
      else if (child.exitCode !== null) finish(() => reject(new Error(`astro dev exited (${child.exitCode}):\n${log()}`)));
    }, 100);
    const timer = setTimeout(() => finish(() => reject(new Error(`astro dev gave nothing expected after ${ms / 1000} s:\n${log()}`))), ms);
    const finish = (settle: () => void) => {
      clearInterval(poll);
      clearTimeout(timer);
      settle();
    };
  });
}

/** Starts `astro dev` (see `spawnDevServer`) and waits, bounded, until it says where it listens. */
export async function startDevServer(env: Record<string, string>, ms = 120_000): Promise<DevServer> {
  const started = spawnDevServer(env);
  try {
    const origin = await waitForLog(started, (log) => /Local\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(log)?.[1], ms);
    return { ...started, origin };
  } catch (error) {
    await stopDevServer(started.child);
    throw error;
  }
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
