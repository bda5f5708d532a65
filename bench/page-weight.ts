/**
 * What a reader's phone downloads for an article page: the page's HTML and the
 * stylesheets it links, each gzipped as a static host serves them, and the
 * scripts it would run. Read from a built site by bench.ts after the cold build.
 *
 * Run by Node directly (type stripping): erasable TypeScript only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** Article pages measured. */
  pages: number;
  /** gzip bytes of HTML plus linked CSS: the median page and the heaviest. */
  medianBytes: number;
  maxBytes: number;
  /** The heaviest page, by its path in the site. */
  heaviest: string;
  /** The heaviest page with the cut-off: a paywalled story's free part; a free story shows its whole text, however long. */
  maxCutBytes: number | undefined;
  /** Scripts on article pages (JSON-LD data is not a script): `<script src>` and inline code together. */
  scripts: number;
  /**
   * Bytes of the font files the heaviest page preloads (WOFF2, already compressed), counted apart from
   * its HTML and CSS: a reader's first page fetches them, later pages find them in the cache.
   */
  fontBytes: number;
}

const gzipped = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** Measures every `articles/<slug>/index.html` under `outDir` (a site at the root path). */
export function articlePageWeight(outDir: string): PageWeight | undefined {
  const articles = path.join(outDir, 'articles');
  if (!existsSync(articles)) return undefined;
  const cssBytes = new Map<string, number>();
  const css = (href: string) => {
    let size = cssBytes.get(href);
    if (size === undefined) {
      const file = path.join(outDir, new URL(href, 'https://site.invalid/').pathname);
      size = existsSync(file) ? gzipped(readFileSync(file)) : 0;
      cssBytes.set(href, size);
    }
    return size;
  };
  const weights: Array<{ page: string; bytes: number; cut: boolean }> = [];
  let scripts = 0;
  for (const slug of readdirSync(articles)) {
    const file = path.join(articles, slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    let bytes = gzipped(html);
    for (const [, href] of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) bytes += css(href!);
    for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) if (!/type="application\/ld\+json"/.test(tag)) scripts += 1;
    weights.push({ page: `/articles/${slug}/`, bytes, cut: html.includes('class="free-limit') });
  }
  if (weights.length === 0) return undefined;
  weights.sort((a, b) => a.bytes - b.bytes);
  const heaviest = weights.at(-1)!;
  const cut = weights.filter((weight) => weight.cut);
  const heaviestHtml = readFileSync(path.join(outDir, heaviest.page, 'index.html'), 'utf8');
  let fontBytes = 0;
  for (const [tag] of heaviestHtml.matchAll(/<link\b[^>]*\brel="preload"[^>]*>/g)) {
    const href = /\bas="font"/.test(tag) ? /\bhref="([^"]+)"/.exec(tag)?.[1] : undefined;
    const file = href && path.join(outDir, new URL(href, 'https://site.invalid/').pathname);
    if (file && existsSync(file)) fontBytes += readFileSync(file).length;
  }
  return {
    pages: weights.length,
    medianBytes: weights[weights.length >> 1]!.bytes,
    maxBytes: heaviest.bytes,
    heaviest: heaviest.page,
    maxCutBytes: cut.at(-1)?.bytes,
    scripts,
    fontBytes,
  };
}
