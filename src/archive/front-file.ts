import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentIssue } from '../errors/content-issue';
import { parseFrontPlan, type FrontPins, type SlugStatus } from '../lib/front-plan';
import type { StoredArticle } from '../schemas/article';
import { listMarkdownFiles } from './content-files';
import { FrontmatterError, parseYamlText } from './frontmatter';
import { yamlIssue } from './stages/markdown-file';
import type { Entry } from './types';

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
    parsed = parseYamlText(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof FrontmatterError) return { pins: {}, issues: [yamlIssue(error, shown)] };
    return { pins: {}, issues: [{ ...yamlIssue(new FrontmatterError('yaml-unreadable', undefined, { reason: (error as Error).message.split('\n')[0]! }), shown), code: 'file-unreadable' }] };
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
  return { pins, issues: issues.map((issue) => ({ ...issue, file: shown })) };
}
