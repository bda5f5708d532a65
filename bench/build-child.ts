/**
 * One measured build, run by bench.ts in a child process of its own:
 *
 *   node bench/build-child.ts <site root> <cache dir> <out dir>
 *
 * Builds with Astro's programmatic `build()`, which is what `astro build` calls,
 * with three settings inline: Astro's cache folder (data store and any cache
 * kept under it), Vite's cache folder inside it, and the output folder, so a
 * cold build starts from nothing and the benchmark never touches
 * `node_modules/.astro`, which other builds in this working tree use. Every line the build prints is prefixed with the milliseconds
 * since this process started, `[+1234.5] `, so bench.ts can time the phases
 * more finely than the log's HH:MM:SS stamps. The last line is
 * `BENCH-CHILD {json}`: this process's own CPU time and peak RSS.
 *
 * Run by Node directly (type stripping): erasable TypeScript only.
 */
import { performance } from 'node:perf_hooks';

const [root, cacheDir, outDir] = process.argv.slice(2);
if (!root || !cacheDir || !outDir) {
  console.error('usage: node bench/build-child.ts <site root> <cache dir> <out dir>');
  process.exit(2);
}

/** Prefixes every complete line written to `stream` with the time since start. */
function stampLines(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: string) => boolean;
  let partial = '';
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    partial += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = partial.split('\n');
    partial = lines.pop() ?? '';
    const stamp = `[+${performance.now().toFixed(1)}] `;
    if (lines.length > 0) write(lines.map((line) => `${stamp}${line}\n`).join(''));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write;
}
stampLines(process.stdout);
stampLines(process.stderr);

const { build } = await import('astro');
let code = 0;
try {
  // Vite's cache too (pre-bundled dependencies), so that a cold build is cold and the repository stays untouched.
  await build({ root, cacheDir, outDir, logLevel: 'info', vite: { cacheDir: `${cacheDir}/vite` } });
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  code = 1;
}
const usage = process.resourceUsage();
console.log(
  `BENCH-CHILD ${JSON.stringify({
    code,
    buildEndMs: performance.now(),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssBytes: usage.maxRSS * 1024,
  })}`,
);
process.exit(code);
