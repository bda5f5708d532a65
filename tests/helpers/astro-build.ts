import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const astroBin = fileURLToPath(new URL('../../node_modules/astro/bin/astro.mjs', import.meta.url));

export interface BuildResult {
  code: number | null;
  /** stdout and stderr together, as a newsroom would read them in a terminal. */
  output: string;
  durationMs: number;
}

/**
 * Runs `astro build` the way a newsroom does, in a child process, with extra
 * environment (CONTENT_DIR, OUT_DIR, SITE_URL, BASE_PATH...).
 */
export function astroBuild(env: Record<string, string>): BuildResult {
  const started = performance.now();
  const result = spawnSync(process.execPath, [astroBin, 'build'], {
    cwd: projectRoot,
    env: astroBuildEnv(env),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    durationMs: performance.now() - started,
  };
}

/** The environment of a child `astro build`: this process's, plus `env`. */
export function astroBuildEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  // Vitest mirrors its own import.meta.env (BASE_URL, MODE, PROD...) into
  // process.env; a child build must not inherit them, or they override Astro's.
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(BASE_URL|MODE|DEV|PROD|SSR|SITE|ASSETS_PREFIX|VITEST.*|TEST|NODE_ENV)$/.test(key),
    ),
  );
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env };
}
