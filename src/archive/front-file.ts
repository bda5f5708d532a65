import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseFrontPlan, type FrontPins, type SlugStatus } from '../lib/front-plan';
import type { StoredArticle } from '../schemas/article';
import { listMarkdownFiles } from './content-files';
import type { ContentIssue } from './errors';
import { FrontmatterError, parseYamlText } from './frontmatter';
import type { Entry } from './read-archive';

/**
 * Reads `<content>/front.yaml`, if there is one, against the articles of an
 * archive read: the pins for the front page, or every problem, named with
 * front.yaml and the field. An article the read left out (a draft, or under
 * embargo, in a public build) is held back, not unknown.
 */
export function readFrontFile(
  contentDir: string,
  show: (file: string) => string,
  articles: readonly Entry<Pick<StoredArticle, 'draft' | 'embargoedUntil'>>[],
): { pins: FrontPins; issues: ContentIssue[] } {
  const file = path.join(contentDir, 'front.yaml');
  if (!existsSync(file)) return { pins: {}, issues: [] };
  const shown = show(file);
  let parsed: ReturnType<typeof parseYamlText>;
  try {
    parsed = parseYamlText(readFileSync(file, 'utf8'), { what: '' });
  } catch (error) {
    const message = error instanceof FrontmatterError ? error.message : `cannot be read (${(error as Error).message.split('\n')[0]})`;
    return { pins: {}, issues: [{ file: shown, message }] };
  }
  const inArchive = new Map(articles.map((article) => [article.id, article.data]));
  let onDisk: Set<string> | undefined;
  const status = (slug: string): SlugStatus => {
    const data = inArchive.get(slug);
    if (data?.draft) return { state: 'held', why: 'is a draft' };
    if (data?.embargoedUntil) return { state: 'held', why: `is under embargo until ${data.embargoedUntil.toISOString()}` };
    if (data) return { state: 'published' };
    onDisk ??= new Set(listMarkdownFiles(path.join(contentDir, 'articles'), { recursive: true }).files.map((article) => path.basename(article, '.md')));
    return onDisk.has(slug) ? { state: 'held', why: 'is not published in this build (a draft, or under embargo)' } : { state: 'unknown' };
  };
  const { pins, issues } = parseFrontPlan(parsed.data, status, parsed.lineOf);
  return {
    pins,
    issues: issues.map(({ field, message, line }) => ({ file: shown, field, message: line ? `${message} (line ${line})` : message })),
  };
}

const KEY = Symbol.for('masthead.front-pins');
type Holder = typeof globalThis & { [KEY]?: FrontPins };

/** Hands the front page its pins from the content loader (same process, not always the same module instance: see article-bodies.ts). */
export function setFrontPins(pins: FrontPins): void {
  (globalThis as Holder)[KEY] = pins;
}

/** The pins of the latest read of front.yaml; none before one. */
export function frontPins(): FrontPins {
  return (globalThis as Holder)[KEY] ?? {};
}
