/**
 * Times the phases of one Astro build from its log, as printed by
 * build-child.ts: every line prefixed with `[+<ms since the process started>] `.
 *
 * Phases (ms; `undefined` when the build did not print the marker):
 * - `startup`: process start, Astro's import, config and integrations, up to
 *   `[content] Syncing content`.
 * - `content`: the content layer sync, `Syncing content` → `Synced content`.
 *   For Masthead: reading the archive, parsing and cutting every body,
 *   rendering free parts, sealing (keyed builds) and the lists under each
 *   article. For the baseline: Astro's glob loader rendering every body.
 * - `bundle`: Vite's server and client builds, `Building static entrypoints`
 *   → `generating static routes`.
 * - `pages`: rendering every page to HTML, `generating static routes` → the
 *   next `✓ Completed in`.
 * - `finish`: everything after the pages, up to `[build] N page(s) built in`:
 *   Astro's own wrap-up and the integrations' `astro:build:done` hooks
 *   (sitemap, search index).
 * - `search`: part of `finish`, from the log line before the last line of
 *   Masthead's Pagefind integration (`[masthead-pagefind] indexed ...`; it
 *   runs after the sitemap) to that line, skipping Astro's "Waiting for
 *   integration" notes. While Pagefind read the built HTML
 *   afterwards, this was all the indexing; once it is fed while the pages
 *   render, it is only what is left to wait for and write.
 * - `total`: up to `[build] N page(s) built in`.
 *
 * Finer phases from Masthead's own code: any line holding
 * `phase <name>: <number> ms` (e.g. a loader logging `phase lists: 812 ms`)
 * is added under `extra`, summed when a name repeats.
 *
 * Pure; run by Node directly (type stripping): erasable TypeScript only.
 */

export interface Phases {
  startup?: number;
  content?: number;
  bundle?: number;
  pages?: number;
  finish?: number;
  search?: number;
  total?: number;
  /** Pages Astro says it built. */
  pageCount?: number;
  /** `phase <name>: <ms> ms` lines from the build's own code. */
  extra: Record<string, number>;
}

interface Line {
  at: number;
  text: string;
}

const STAMP = /^\[\+(\d+(?:\.\d+)?)\] (.*)$/;

/** Reads the stamped lines of a log, in time order (stdout and stderr may be concatenated). */
export function stampedLines(log: string): Line[] {
  const lines: Line[] = [];
  for (const raw of log.split('\n')) {
    const match = STAMP.exec(raw);
    if (match) lines.push({ at: Number(match[1]), text: match[2]! });
  }
  return lines.sort((a, b) => a.at - b.at);
}

/** The phases of one build log (see the module comment). */
export function parsePhases(log: string): Phases {
  const lines = stampedLines(log);
  const find = (pattern: RegExp, from = 0) => {
    const index = lines.findIndex((line, i) => i >= from && pattern.test(line.text));
    return index < 0 ? undefined : index;
  };
  const span = (start: number | undefined, end: number | undefined) =>
    start === undefined || end === undefined ? undefined : lines[end]!.at - lines[start]!.at;

  const syncStart = find(/\[content\] Syncing content/);
  const syncEnd = find(/\[content\] Synced content/, syncStart);
  const bundleStart = find(/\[build\] Building static entrypoints/);
  const pagesStart = find(/generating static routes/);
  const pagesEnd = pagesStart === undefined ? undefined : find(/✓ Completed in/, pagesStart + 1);
  const done = find(/\[build\] \d+ page\(s\) built in/);
  const searchEnd = lines.findLastIndex((line, i) => (done === undefined || i < done) && /\[masthead-pagefind\] /.test(line.text));
  // The line before Pagefind's own, not counting Astro's notes that a hook is still running.
  let searchStart = searchEnd - 1;
  while (searchStart > 0 && /\[masthead-pagefind\] |Waiting for integration/.test(lines[searchStart]!.text)) searchStart--;

  const extra: Record<string, number> = {};
  for (const { text } of lines) {
    const match = /\bphase ([\w-]+): (\d+(?:\.\d+)?) ms\b/.exec(text);
    if (match) extra[match[1]!] = (extra[match[1]!] ?? 0) + Number(match[2]);
  }
  const pageCount = done === undefined ? undefined : Number(/(\d+) page\(s\)/.exec(lines[done]!.text)?.[1]);

  return {
    startup: syncStart === undefined ? undefined : lines[syncStart]!.at,
    content: span(syncStart, syncEnd),
    bundle: span(bundleStart, pagesStart),
    pages: span(pagesStart, pagesEnd),
    finish: span(pagesEnd, done),
    search: searchEnd < 1 ? undefined : span(searchStart, searchEnd),
    total: done === undefined ? undefined : lines[done]!.at,
    pageCount,
    extra,
  };
}
