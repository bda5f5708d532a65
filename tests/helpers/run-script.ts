import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { astroBuildEnv, projectRoot } from './astro-build';

export interface ScriptResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs an npm script of package.json (`check`, `new`) as `npm run <name> -- args`
 * would, with this Node: the script's own command line, so a test exercises the
 * wiring a newsroom uses, without npm starting a second Node of another version.
 */
export function runScript(name: string, args: readonly string[], env: Record<string, string>, cwd = projectRoot): ScriptResult {
  const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const command = scripts[name]?.split(/\s+/);
  if (!command || command[0] !== 'node') throw new Error(`package.json script "${name}" is not a plain node command: ${scripts[name]}`);
  // Relative paths in the script are the project's; the script may run elsewhere (a hook runs from the repository root).
  const scriptArgs = command.slice(1).map((arg) => (/^\.?\.?\/?src\//.test(arg) ? path.join(projectRoot, arg) : arg));
  const result = spawnSync(process.execPath, [...scriptArgs, ...args], { cwd, env: astroBuildEnv(env), encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
