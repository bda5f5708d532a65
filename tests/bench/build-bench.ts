/**
 * The project's build benchmark: generates a synthetic archive of N articles
 * and builds it in this process, reporting wall time, per-article time and
 * peak memory.
 *
 *   npm run bench -- 5000          # N articles (default 2000)
 *
 * Run by Node directly (type stripping): plain TypeScript, no project imports.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const count = Number(process.argv[2] ?? 2000);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: npm run bench -- <number of articles>');
  process.exit(2);
}

/** A small seeded PRNG (mulberry32), so every run builds the same archive. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const syllables = ['har', 'bour', 'dredg', 'coun', 'cil', 'tide', 'wall', 'sea', 'grass', 'club', 'fest', 'val', 'quay', 'ferr', 'ry', 'mar', 'ket', 'lib', 'rar', 'port'];
const vocabulary = Array.from({ length: 6000 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(syllables)).join(''));
const common = 'the a of to in and on for with that was said by at from it as has will be'.split(' ');
// 200 latent topics, each a cluster of 40 words, so similar stories have something to find.
const topics = Array.from({ length: 200 }, () => Array.from({ length: 40 }, () => pick(vocabulary)));

function sentence(topic: readonly string[]): string {
  const words = Array.from({ length: 12 + Math.floor(rand() * 14) }, () =>
    rand() < 0.45 ? pick(common) : rand() < 0.6 ? pick(topic) : pick(vocabulary),
  );
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-bench-'));
const sections = Array.from({ length: 8 }, (_, i) => `section-${i + 1}`);
const authors = Array.from({ length: 40 }, (_, i) => `author-${i + 1}`);
mkdirSync(path.join(dir, 'authors'));
writeFileSync(path.join(dir, 'sections.yaml'), sections.map((id) => `- id: ${id}\n  name: Section ${id.slice(8)}\n`).join(''));
for (const id of authors) writeFileSync(path.join(dir, 'authors', `${id}.md`), `---\nname: Writer ${id.slice(7)}\n---\nA writer.\n`);
for (let n = 0; n < count; n++) {
  const topic = pick(topics);
  const date = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 11 * 365) * 86_400_000).toISOString().slice(0, 10);
  const paragraphs = Array.from({ length: 8 + Math.floor(rand() * 10) }, () =>
    Array.from({ length: 3 + Math.floor(rand() * 3) }, () => sentence(topic)).join(' '),
  );
  const roll = rand();
  if (roll < 0.6) paragraphs.splice(2 + Math.floor(rand() * 3), 0, '<!-- free-limit -->');
  const year = date.slice(0, 4);
  mkdirSync(path.join(dir, 'articles', year), { recursive: true });
  writeFileSync(
    path.join(dir, 'articles', year, `story-${n + 1}.md`),
    `---\ntitle: "${sentence(topic).slice(0, 70)}"\nauthor: ${pick(authors)}\nsection: ${pick(sections)}\ndate: ${date}\nstandfirst: "${sentence(topic)}"\n${roll > 0.8 ? 'access: free\n' : ''}${rand() < 0.5 ? `tags: [${topic.slice(0, 2).join(', ')}]\n` : ''}---\n${paragraphs.join('\n\n')}\n`,
  );
}

const outDir = path.join(dir, 'out');
process.env.CONTENT_DIR = dir;
process.env.OUT_DIR = outDir;
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { build } = await import('astro');
const started = performance.now();
await build({ root: path.resolve(import.meta.dirname, '../..'), logLevel: (process.env.BENCH_LOG as 'info' | 'warn' | undefined) ?? 'warn' });
const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `${count} articles: build ${seconds.toFixed(1)} s (${((seconds * 1000) / count).toFixed(2)} ms per article), peak RSS ${peakMb.toFixed(0)} MB`,
);
rmSync(dir, { recursive: true, force: true });
