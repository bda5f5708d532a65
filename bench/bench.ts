/**
 * `npm run bench -- [options]`: Masthead's performance record.
 *
 * Generates a seeded synthetic archive (bench/corpus.ts), then builds it, each
 * build in a child process of its own (bench/build-child.ts) with its own
 * cache folder (Astro's data store, Vite's cache and Masthead's body cache,
 * `MASTHEAD_CACHE_DIR`), measuring wall time, CPU time and peak memory of the whole
 * process tree (bench/measure.ts) and the time of each phase from the build
 * log (bench/phases.ts):
 *
 *   cold         Masthead, empty caches
 *   baseline     the plain Astro site in bench/baseline-site, same articles, empty caches
 *   unchanged    Masthead again, nothing changed (cold's caches)
 *   one-changed  Masthead again after one article body changed (one from the middle
 *                of the archive: an earlier year, so the search index's archive part)
 *   newest-changed  then after the newest article's body changed (this year's part)
 *   keyed        Masthead with a fresh subscriber key ring, empty caches
 *
 * and prints a table and the ratios Masthead / baseline: the machine is shared
 * and noisy, so ratios from one run are what we quote. See docs/benchmarks.md.
 *
 * Run by Node directly (type stripping): erasable TypeScript only, `.ts` imports.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateKeyToken } from '../src/subscribers/keys.ts';
import { editOneArticle, generateCorpus, type Corpus } from './corpus.ts';
import { runMeasured } from './measure.ts';
import { articlePageWeight, type PageWeight } from './page-weight.ts';
import { parsePhases, type Phases } from './phases.ts';

const BUILDS = ['cold', 'baseline', 'unchanged', 'one-changed', 'newest-changed', 'keyed'] as const;
type BuildName = (typeof BUILDS)[number];

const USAGE = `Usage: npm run bench -- [options]

  --articles N     articles in the synthetic archive (default 1000)
  --seed N         corpus seed (default 1)
  --text-only      no lead pictures (one article in five has one by default): the
                   plain Astro baseline has none, so this is the like-for-like ratio
  --rounds N       run the cold and baseline builds N times each, alternating, and
                   report medians (default 1)
  --only LIST      comma-separated builds to run, of: ${BUILDS.join(', ')}
                   (default all; the rebuilds need cold)
  --skip-keyed     all builds but keyed
  --out FILE       where to write the JSON results (default bench/results/latest.json);
                   each build's log goes to logs/ beside it
  --json           print the JSON results instead of the table
  --work DIR       folder for the corpus, caches and sites (default a new temporary folder)
  --keep           keep the work folder afterwards`;

const repoRoot = path.resolve(import.meta.dirname, '..');
const baselineTemplate = path.join(repoRoot, 'bench', 'baseline-site');
const childScript = path.join(repoRoot, 'bench', 'build-child.ts');

/** What one build measured. */
interface BuildRun {
  name: BuildName;
  round: number;
  code: number | null;
  wallMs: number;
  cpuMs: number;
  peakTreeRssBytes: number;
  peakProcessRssBytes: number;
  phases: Phases;
  /** Pages copied from the last build by Astro's incremental build, not rendered. */
  reusedPages: number;
}

function fail(message: string): never {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) fail(`${name} needs a positive whole number (got ${value})`);
  return n;
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    seed: { type: 'string' },
    'text-only': { type: 'boolean' },
    rounds: { type: 'string' },
    only: { type: 'string' },
    'skip-keyed': { type: 'boolean' },
    out: { type: 'string' },
    json: { type: 'boolean' },
    work: { type: 'string' },
    keep: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const articles = positiveInt(values.articles, '--articles', 1000);
const seed = positiveInt(values.seed, '--seed', 1);
const rounds = positiveInt(values.rounds, '--rounds', 1);
const only = values.only ? values.only.split(',').map((name) => name.trim()) : [...BUILDS];
for (const name of only) if (!(BUILDS as readonly string[]).includes(name)) fail(`unknown build "${name}" in --only`);
const selected = new Set(only.filter((name) => !(values['skip-keyed'] && name === 'keyed')) as BuildName[]);
if ((selected.has('unchanged') || selected.has('one-changed') || selected.has('newest-changed')) && !selected.has('cold')) fail('unchanged, one-changed and newest-changed rebuild the cold build: add cold');
const outFile = path.resolve(values.out ?? path.join(repoRoot, 'bench', 'results', 'latest.json'));
// Each build's full log goes beside the results, for a look at what a phase did.
const logDir = path.join(path.dirname(outFile), 'logs');
const log = values.json ? (..._: unknown[]) => {} : (...args: unknown[]) => console.log(...args);

const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
mkdirSync(work, { recursive: true });
// Interrupted: stop the build running, then remove the work folder (the corpus and sites can be large).
let running: ChildProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    const exit = () => {
      if (!values.keep) rmSync(work, { recursive: true, force: true, maxRetries: 3 });
      process.exit(130);
    };
    if (running && running.exitCode === null && running.signalCode === null) {
      // The build is abandoned: nothing of it is worth a graceful stop.
      running.once('close', exit);
      running.kill('SIGKILL');
    } else exit();
  });
}

// Builds in this working tree by anyone else must not change what a child inherits.
const inherited: NodeJS.ProcessEnv = { ...process.env };
for (const key of ['CONTENT_DIR', 'OUT_DIR', 'SITE_URL', 'BASE_PATH', 'EDITION', 'PAYWALL_KEYS', 'PAYWALL_KEYS_FILE', 'MASTHEAD_CACHE_DIR', 'NODE_ENV']) {
  delete inherited[key];
}

/**
 * Waits until the last build's previous output (`<out>.previous-<pid>`, which
 * the atomic-output integration removes in a process of its own after the
 * build) is gone: a newsroom's builds are minutes apart, so the next build
 * does not share the disk with that removal, and neither does the benchmark's.
 */
async function previousOutputRemoved(outDir: string): Promise<void> {
  const parent = path.dirname(outDir);
  const prefix = `${path.basename(outDir)}.previous-`;
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline && existsSync(parent) && readdirSync(parent).some((name) => name.startsWith(prefix))) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

let baselineRoot: string | undefined;

/**
 * The plain Astro site, made once per run in the work folder: bench/baseline-site
 * with the corpus's articles in its src/content/articles, where an Astro user
 * keeps them, and the repository's node_modules beside it. (Until December 2026
 * the baseline read the articles from outside its root, which Astro renders
 * many times slower: the ratios recorded then flattered Masthead.)
 */
function baselineSite(corpus: Corpus): string {
  if (baselineRoot) return baselineRoot;
  const root = path.join(work, 'baseline-site');
  rmSync(root, { recursive: true, force: true });
  cpSync(baselineTemplate, root, { recursive: true });
  cpSync(path.join(corpus.dir, 'articles'), path.join(root, 'src', 'content', 'articles'), { recursive: true });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  baselineRoot = root;
  return root;
}

async function build(name: BuildName, round: number, corpus: Corpus, extraEnv: Record<string, string> = {}): Promise<BuildRun> {
  const site = name === 'baseline' ? 'baseline' : name === 'keyed' ? 'keyed' : 'masthead';
  const cacheDir = path.join(work, `cache-${site}`);
  const outDir = path.join(work, `out-${site}`);
  // Cold builds start without Astro's data store, Vite's cache or Masthead's body cache: all three live in cacheDir.
  if (name === 'cold' || name === 'baseline' || name === 'keyed') rmSync(cacheDir, { recursive: true, force: true });
  const root = site === 'baseline' ? baselineSite(corpus) : repoRoot;
  await previousOutputRemoved(outDir);
  log(`  ${name}${rounds > 1 && round > 0 ? ` (round ${round})` : ''}...`);
  const measured = await runMeasured(process.execPath, ['--experimental-strip-types', '--no-warnings', childScript, root, cacheDir, outDir], {
    cwd: root,
    onSpawn: (child) => (running = child),
    env: {
      ...inherited,
      ASTRO_TELEMETRY_DISABLED: '1',
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      CONTENT_DIR: corpus.dir,
      OUT_DIR: outDir,
      // Masthead's body cache (default node_modules/.cache/masthead, shared with every other build here).
      MASTHEAD_CACHE_DIR: path.join(cacheDir, 'masthead'),
      ...extraEnv,
    },
  });
  const output = `${measured.stdout}\n${measured.stderr}`;
  mkdirSync(logDir, { recursive: true });
  writeFileSync(path.join(logDir, `${name}-${round}.log`), output);
  const childLine = /^\[\+[\d.]+\] BENCH-CHILD (\{.*\})$/m.exec(output);
  const child = childLine ? (JSON.parse(childLine[1]!) as { maxRssBytes: number }) : undefined;
  if (measured.code !== 0) {
    const tail = output.split('\n').filter(Boolean).slice(-30).join('\n');
    throw new Error(`the ${name} build failed (exit code ${measured.code}):\n${tail}`);
  }
  return {
    name,
    round,
    code: measured.code,
    wallMs: measured.wallMs,
    cpuMs: measured.cpuMs,
    peakTreeRssBytes: measured.peakTreeRssBytes,
    peakProcessRssBytes: Math.max(measured.peakProcessRssBytes, child?.maxRssBytes ?? 0),
    phases: parsePhases(measured.stdout),
    reusedPages: [...output.matchAll(/├─ \S+ \((?:cached|restored)\)/g)].length,
  };
}

/** The article pages of the last cold Masthead build, weighed before the work folder goes. */
let weight: PageWeight | undefined;

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Metric = 'wallMs' | 'cpuMs' | 'peakTreeRssBytes' | 'peakProcessRssBytes';
const METRICS: Metric[] = ['wallMs', 'cpuMs', 'peakTreeRssBytes', 'peakProcessRssBytes'];
const PHASES = ['startup', 'content', 'bundle', 'pages', 'finish', 'search'] as const;

/** Medians over the rounds of each build, metric by metric. */
function summarise(runs: BuildRun[]) {
  const summary: Partial<Record<BuildName, Record<Metric, number> & { phases: Partial<Record<(typeof PHASES)[number], number>>; extra: Record<string, number>; pages?: number; reusedPages: number }>> = {};
  for (const name of BUILDS) {
    const mine = runs.filter((run) => run.name === name);
    if (mine.length === 0) continue;
    const metrics = Object.fromEntries(METRICS.map((metric) => [metric, median(mine.map((run) => run[metric]))])) as Record<Metric, number>;
    const phases: Partial<Record<(typeof PHASES)[number], number>> = {};
    for (const phase of PHASES) {
      const times = mine.map((run) => run.phases[phase]).filter((time): time is number => time !== undefined);
      if (times.length > 0) phases[phase] = median(times);
    }
    const extra: Record<string, number> = {};
    for (const key of new Set(mine.flatMap((run) => Object.keys(run.phases.extra)))) {
      extra[key] = median(mine.map((run) => run.phases.extra[key] ?? 0));
    }
    summary[name] = { ...metrics, phases, extra, pages: mine[0]!.phases.pageCount, reusedPages: mine[0]!.reusedPages };
  }
  return summary;
}

const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? undefined : Math.round((a / b) * 100) / 100);
const seconds = (ms: number | undefined) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const bytes = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GiB` : `${Math.round(n / 1024 ** 2)} MiB`);
const times = (r: number | undefined) => (r === undefined ? '—' : `${r.toFixed(2)}×`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

const LABELS: Record<BuildName, string> = {
  cold: 'Masthead, cold',
  baseline: 'plain Astro baseline, cold',
  unchanged: 'Masthead, rebuild, nothing changed',
  'one-changed': 'Masthead, rebuild, one article changed',
  'newest-changed': 'Masthead, rebuild, the newest changed',
  keyed: 'Masthead with keys, cold',
};

async function main(): Promise<void> {
  const loadBefore = os.loadavg();
  const started = new Date();
  rmSync(logDir, { recursive: true, force: true });
  log(`Generating ${articles} articles (seed ${seed}) in ${work}`);
  const generateStarted = performance.now();
  const corpus = generateCorpus({ dir: path.join(work, 'content'), articles, seed, pictures: !values['text-only'] });
  const generateMs = performance.now() - generateStarted;
  log(`  ${(corpus.words / 1e6).toFixed(2)} M words, ${corpus.sections} sections, ${corpus.authors} authors, ${corpus.pictures} lead pictures, ${seconds(generateMs)}`);

  const runs: BuildRun[] = [];
  try {
    for (let round = 1; round <= rounds; round++) {
      // Alternating, so both sites see the same kind of load.
      if (selected.has('cold')) {
        runs.push(await build('cold', round, corpus));
        weight = articlePageWeight(path.join(work, 'out-masthead'));
      }
      if (selected.has('baseline')) runs.push(await build('baseline', round, corpus));
    }
    if (selected.has('unchanged')) runs.push(await build('unchanged', 1, corpus));
    if (selected.has('one-changed')) {
      editOneArticle(corpus);
      runs.push(await build('one-changed', 1, corpus));
    }
    if (selected.has('newest-changed')) {
      // The generator writes oldest first: the last article is the newest, a story of the archive's latest year.
      editOneArticle(corpus, corpus.articles.length - 1);
      runs.push(await build('newest-changed', 1, corpus));
    }
    if (selected.has('keyed')) runs.push(await build('keyed', 1, corpus, { PAYWALL_KEYS: generateKeyToken('bench') }));
  } finally {
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }

  const summary = summarise(runs);
  const { cold, baseline, unchanged, keyed } = summary;
  const oneChanged = summary['one-changed'];
  const newestChanged = summary['newest-changed'];
  const ratios = {
    coldVsBaseline: cold && baseline && {
      wall: ratio(cold.wallMs, baseline.wallMs),
      cpu: ratio(cold.cpuMs, baseline.cpuMs),
      peakTreeMemory: ratio(cold.peakTreeRssBytes, baseline.peakTreeRssBytes),
      peakProcessMemory: ratio(cold.peakProcessRssBytes, baseline.peakProcessRssBytes),
      content: ratio(cold.phases.content, baseline.phases.content),
      pages: ratio(cold.phases.pages, baseline.phases.pages),
    },
    unchangedVsCold: unchanged && cold && { wall: ratio(unchanged.wallMs, cold.wallMs), cpu: ratio(unchanged.cpuMs, cold.cpuMs) },
    oneChangedVsCold: oneChanged && cold && { wall: ratio(oneChanged.wallMs, cold.wallMs), cpu: ratio(oneChanged.cpuMs, cold.cpuMs) },
    newestChangedVsCold: newestChanged && cold && { wall: ratio(newestChanged.wallMs, cold.wallMs), cpu: ratio(newestChanged.cpuMs, cold.cpuMs) },
    keyedVsCold: keyed && cold && {
      wall: ratio(keyed.wallMs, cold.wallMs),
      cpu: ratio(keyed.cpuMs, cold.cpuMs),
      peakTreeMemory: ratio(keyed.peakTreeRssBytes, cold.peakTreeRssBytes),
    },
  };
  const GiB = 1024 ** 3;
  /** The issue-20 targets (docs/benchmarks.md), each with what this run measured; `met` is undefined when not measured. */
  const targets = [
    { target: 'cold / plain Astro baseline ≤ 1.5× (wall)', measured: ratios.coldVsBaseline?.wall, met: ratios.coldVsBaseline?.wall === undefined ? undefined : ratios.coldVsBaseline.wall <= 1.5 },
    { target: 'rebuild, nothing changed / cold ≤ 0.15× (wall)', measured: ratios.unchangedVsCold?.wall, met: ratios.unchangedVsCold?.wall === undefined ? undefined : ratios.unchangedVsCold.wall <= 0.15 },
    { target: 'rebuild, one changed / cold ≤ 0.2× (wall)', measured: ratios.oneChangedVsCold?.wall, met: ratios.oneChangedVsCold?.wall === undefined ? undefined : ratios.oneChangedVsCold.wall <= 0.2 },
    { target: 'rebuild, one changed < 20 s', measured: oneChanged && oneChanged.wallMs / 1000, met: oneChanged && oneChanged.wallMs < 20_000 },
    { target: 'rebuild, the newest changed / cold ≤ 0.2× (wall)', measured: ratios.newestChangedVsCold?.wall, met: ratios.newestChangedVsCold?.wall === undefined ? undefined : ratios.newestChangedVsCold.wall <= 0.2 },
    { target: 'rebuild, the newest changed < 20 s', measured: newestChanged && newestChanged.wallMs / 1000, met: newestChanged && newestChanged.wallMs < 20_000 },
    { target: 'largest process < 3 GiB (cold)', measured: cold && cold.peakProcessRssBytes / GiB, met: cold && cold.peakProcessRssBytes < 3 * GiB },
    // Judged on the stories with a cut-off: a free story shows its whole text, and 5,000 words are more than 15 KB gzipped.
    { target: 'paywalled article page ≤ 15 KB gzip, HTML + CSS (heaviest)', measured: weight?.maxCutBytes && weight.maxCutBytes / 1024, met: weight?.maxCutBytes === undefined ? undefined : weight.maxCutBytes <= 15 * 1024 },
    { target: 'no script on article pages', measured: weight?.scripts, met: weight && weight.scripts === 0 },
  ];
  const astroVersion = (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', 'astro', 'package.json'), 'utf8')) as { version: string }).version;
  let commit: string | undefined;
  /** Files that differ from the commit: what was measured is the working tree. */
  let changedFiles: string[] = [];
  try {
    // Quietly: an exported tree (see docs/benchmarks.md) is not a repository.
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    commit = git('rev-parse', '--short', 'HEAD').trim();
    changedFiles = git('status', '--porcelain')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
  } catch {
    commit = undefined;
  }
  const results = {
    date: started.toISOString(),
    command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
    commit,
    changedFiles,
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryBytes: os.totalmem(),
      node: process.version,
      threads: process.env.MASTHEAD_THREADS ?? 'default (one per core)',
      astro: astroVersion,
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    corpus: { articles, seed, textOnly: Boolean(values['text-only']), pictures: corpus.pictures, words: corpus.words, sections: corpus.sections, authors: corpus.authors, generateMs },
    rounds,
    summary,
    ratios,
    articlePages: weight,
    targets,
    runs,
  };
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);

  if (values.json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  const extraPhases = [...new Set(Object.values(summary).flatMap((build) => Object.keys(build.extra)))];
  const rows = [
    ['build', 'wall', 'CPU', 'peak (tree)', 'peak (process)', 'startup', 'content', 'bundle', 'pages', 'after pages', 'search', ...extraPhases, 'pages built', 'reused'],
  ];
  for (const name of BUILDS) {
    const build = summary[name];
    if (!build) continue;
    rows.push([
      LABELS[name],
      seconds(build.wallMs),
      seconds(build.cpuMs),
      bytes(build.peakTreeRssBytes),
      bytes(build.peakProcessRssBytes),
      ...(['startup', 'content', 'bundle', 'pages', 'finish', 'search'] as const).map((phase) => seconds(build.phases[phase])),
      ...extraPhases.map((phase) => seconds(build.extra[phase])),
      String(build.pages ?? '—'),
      String(build.reusedPages),
    ]);
  }
  const load = (values: number[]) => values.map((v) => v.toFixed(1)).join(' ');
  log(`\n${articles} articles, seed ${seed}${rounds > 1 ? `, medians of ${rounds} rounds` : ''}; ${os.cpus().length} cores, load average ${load(loadBefore)} → ${load(os.loadavg())}\n`);
  log(table(rows));
  log('\nRatios (what to quote: the machine is shared)');
  const ratioRows = [['', 'wall', 'CPU', 'peak (tree)']];
  if (ratios.coldVsBaseline) ratioRows.push(['Masthead / baseline, cold', times(ratios.coldVsBaseline.wall), times(ratios.coldVsBaseline.cpu), times(ratios.coldVsBaseline.peakTreeMemory)]);
  if (ratios.unchangedVsCold) ratioRows.push(['rebuild, nothing changed / cold', times(ratios.unchangedVsCold.wall), times(ratios.unchangedVsCold.cpu), '']);
  if (ratios.oneChangedVsCold) ratioRows.push(['rebuild, one changed / cold', times(ratios.oneChangedVsCold.wall), times(ratios.oneChangedVsCold.cpu), '']);
  if (ratios.newestChangedVsCold) ratioRows.push(['rebuild, the newest changed / cold', times(ratios.newestChangedVsCold.wall), times(ratios.newestChangedVsCold.cpu), '']);
  if (ratios.keyedVsCold) ratioRows.push(['keyed / public, cold', times(ratios.keyedVsCold.wall), times(ratios.keyedVsCold.cpu), times(ratios.keyedVsCold.peakTreeMemory)]);
  if (ratioRows.length > 1) log(table(ratioRows));
  if (weight) log(`\nArticle pages: ${weight.pages}, gzip HTML + CSS median ${(weight.medianBytes / 1024).toFixed(1)} KB, heaviest ${(weight.maxBytes / 1024).toFixed(1)} KB (${weight.heaviest}), heaviest with the cut-off ${weight.maxCutBytes === undefined ? '—' : `${(weight.maxCutBytes / 1024).toFixed(1)} KB`}; ${weight.scripts} scripts; fonts preloaded apart from these, ${(weight.fontBytes / 1024).toFixed(1)} KB`);
  const measuredTargets = targets.filter((each) => each.met !== undefined);
  if (measuredTargets.length > 0) {
    log('\nTargets');
    log(table([['', 'measured', ''], ...measuredTargets.map((each) => [each.target, each.measured === undefined ? '—' : each.measured.toFixed(2), each.met ? 'met' : 'NOT MET'])]));
  }
  log(`\nResults: ${path.relative(process.cwd(), outFile) || outFile}${values.keep ? `; work folder kept: ${work}` : ''}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
