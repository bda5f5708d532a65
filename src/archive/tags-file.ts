import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { contentIssue, type ContentIssue } from '../errors/content-issue';
import { tagSlug } from '../lib/tags';
import { tagsFileSchema, type TagTexts } from '../schemas/tags-file';
import { FrontmatterError, parseYamlText } from './frontmatter';
import { schemaIssues, yamlIssue } from './stages/markdown-file';

/**
 * Reads `<content>/tags.yaml`, if there is one: each tag's display name and
 * standfirst, typeset, by the tag's slug (so any spelling of the tag finds
 * them), or every problem, named with tags.yaml and the field.
 */
export function readTagsFile(
  contentDir: string,
  show: (file: string) => string,
  typeset: (text: string) => string,
): { texts: Record<string, TagTexts>; issues: ContentIssue[] } {
  const file = path.join(contentDir, 'tags.yaml');
  if (!existsSync(file)) return { texts: {}, issues: [] };
  const shown = show(file);
  let parsed: ReturnType<typeof parseYamlText>;
  try {
    parsed = parseYamlText(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof FrontmatterError) return { texts: {}, issues: [yamlIssue(error, shown)] };
    return { texts: {}, issues: [contentIssue('file-unreadable', { file: shown }, { reason: (error as Error).message.split('\n')[0]! })] };
  }
  // An empty file (or one of comments only) names no tags.
  const raw: unknown = parsed.data ?? {};
  const result = tagsFileSchema.safeParse(raw);
  if (!result.success) return { texts: {}, issues: schemaIssues(shown, result.error, raw, parsed.lineOf, 'tags') };
  const texts: Record<string, TagTexts> = {};
  const issues: ContentIssue[] = [];
  const firstBySlug = new Map<string, string>();
  for (const [tag, entry] of Object.entries(result.data)) {
    const slug = tagSlug(tag);
    const place = { file: shown, field: tag, line: parsed.lineOf([tag]) };
    if (!slug) {
      issues.push(contentIssue('tag-no-page', place));
      continue;
    }
    const first = firstBySlug.get(slug);
    if (first !== undefined) {
      issues.push(contentIssue('tag-duplicate', place, { first, slug }));
      continue;
    }
    firstBySlug.set(slug, tag);
    texts[slug] = {
      ...(entry.name === undefined ? {} : { name: typeset(entry.name) }),
      ...(entry.standfirst === undefined ? {} : { standfirst: typeset(entry.standfirst) }),
    };
  }
  return { texts, issues };
}
