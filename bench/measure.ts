/**
 * Runs a command as a child process and measures its whole process tree
 * (Linux only: it reads /proc).
 *
 * - Wall time: from spawn to exit.
 * - CPU time: user + system time of the child and of every descendant it
 *   waited for (esbuild, Pagefind's binary...), as the kernel adds them to
 *   this process's `cutime`/`cstime` (/proc/self/stat) when the child is
 *   reaped. Exact to a clock tick; not a sample.
 * - Peak memory of the tree: the largest sum of the RSS (VmRSS) of the child
 *   and all its descendants, sampled every `sampleMs` (100 ms). Pages shared
 *   between processes count once per process; a spike shorter than the
 *   interval can be missed.
 * - Peak memory of the largest process: the highest VmHWM (the kernel's own
 *   high-water mark of RSS) of any process of the tree, read at each sample.
 *
 * Run by Node directly (type stripping): erasable TypeScript only.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measured {
  code: number | null;
  /** stdout then stderr of the child. */
  stdout: string;
  stderr: string;
  wallMs: number;
  /** User + system CPU time of the whole tree. */
  cpuMs: number;
  /** Largest sampled sum of RSS over the tree. */
  peakTreeRssBytes: number;
  /** Largest RSS high-water mark of any one process of the tree. */
  peakProcessRssBytes: number;
  /** How many memory samples were taken. */
  samples: number;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Memory sampling interval. Default 100 ms. */
  sampleMs?: number;
  /** Called with the child once it is spawned (to stop it when the benchmark is interrupted). */
  onSpawn?: (child: ChildProcess) => void;
}

let clockTicks: number | undefined;
/** Clock ticks per second for /proc times (almost always 100). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time of this process's reaped children (and theirs), in ms. */
function childrenCpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // cutime and cstime are fields 16 and 17 of the whole line (1-based), so 13 and 14 here (0-based).
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / ticksPerSecond();
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process has just exited
  }
}

/** The pid's child processes, from every thread's `children` list. */
function childrenOf(pid: number): number[] {
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  return tasks.flatMap((tid) => (read(`/proc/${pid}/task/${tid}/children`) ?? '').split(' ').filter(Boolean).map(Number));
}

/** kB value of a field of /proc/<pid>/status, in bytes. */
function statusBytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

/** Runs `command args` and measures it (see the module comment). */
export function runMeasured(command: string, args: readonly string[], { cwd, env, sampleMs = 100, onSpawn }: RunOptions): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    onSpawn?.(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));

    let peakTree = 0;
    let peakProcess = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      let tree = 0;
      const pending = [child.pid];
      const seen = new Set<number>();
      while (pending.length > 0) {
        const pid = pending.pop()!;
        if (seen.has(pid)) continue;
        seen.add(pid);
        const status = read(`/proc/${pid}/status`);
        if (!status) continue;
        tree += statusBytes(status, 'VmRSS');
        peakProcess = Math.max(peakProcess, statusBytes(status, 'VmHWM'));
        pending.push(...childrenOf(pid));
      }
      peakTree = Math.max(peakTree, tree);
      samples++;
    };
    const timer = setInterval(sample, sampleMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({
        code,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        wallMs: performance.now() - started,
        cpuMs: childrenCpuMs() - cpuBefore,
        peakTreeRssBytes: peakTree,
        peakProcessRssBytes: peakProcess,
        samples,
      });
    });
  });
}
