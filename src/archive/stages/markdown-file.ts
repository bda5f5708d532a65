import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { contentIssue, issueFromData, type ContentIssue, type IssueCollector } from '../../errors/content-issue';
import { FrontmatterError, splitFrontmatter, type FrontmatterSplit } from '../frontmatter';
import type { YamlMemo } from '../yaml-memo';

/** A Markdown file of the content folder, its frontmatter parsed. */
export type ReadFile = FrontmatterSplit & { data: Record<string, unknown> };

/** Reads a Markdown file's frontmatter, or reports why it cannot. */
export function readMarkdownFile(file: string, shown: string, issues: IssueCollector, memo?: YamlMemo): ReadFile | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    // Listed a moment ago, so this is a race or a permission: say so, do not crash.
    issues.report('file-unreadable', { file: shown }, { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
    return undefined;
  }
  try {
    const split = splitFrontmatter(source, memo);
    const { data } = split;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      issues.report('frontmatter-not-mapping', { file: shown, field: 'frontmatter' });
      return undefined;
    }
    return { ...split, data: data as Record<string, unknown> };
  } catch (error) {
    if (error instanceof FrontmatterError) {
      // A YAML error is about the frontmatter; a file without any is about the file.
      issues.add(yamlIssue(error, shown, error.code.startsWith('yaml-') ? 'frontmatter' : undefined));
      return undefined;
    }
    throw error;
  }
}

/** A YAML or frontmatter error as a problem of `file`, under `field` when it is about part of the file. */
export function yamlIssue(error: FrontmatterError, file: string, field?: string): ContentIssue {
  return issueFromData(error, { file, line: error.line, field });
}

/**
 * A field's name as a newsroom reads it: `corrections[1].text`, `author[1]`, `image.alt`. An index
 * at the start (an entry of `sections.yaml`) stays `0.name`.
 */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key, index) => {
    if (typeof key === 'number') return index === 0 ? String(key) : `${name}[${key}]`;
    return index === 0 ? String(key) : `${name}.${String(key)}`;
  }, '');
}

/**
 * Turns zod issues into our problems, telling "missing" apart from "wrong",
 * with the line of the field in the file when the YAML says where it is.
 */
export function schemaIssues(file: string, error: z.ZodError, data: unknown, lineOf: FrontmatterSplit['lineOf'], root?: string): ContentIssue[] {
  return error.issues.map((issue) => {
    let value: unknown = data;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const missing = issue.path.length > 0 && (value === undefined || value === null);
    const place = { file, field: fieldName(issue.path) || root, line: issue.path.length > 0 ? lineOf(issue.path) : undefined };
    // A check of our own on a missing field (image.alt) says what to write; zod's own just say it is missing.
    return missing && issue.code !== 'custom' ? contentIssue('field-required', place) : contentIssue('field-invalid', place, { reason: issue.message });
  });
}

/** Fields the schema does not know, as warnings: a typo should not pass unnoticed, nor stop the build. */
export function unknownFields(file: string, read: ReadFile, known: readonly string[]): ContentIssue[] {
  return Object.keys(read.data)
    .filter((key) => !known.includes(key))
    .map((name) => contentIssue('unknown-field', { file, field: name, line: read.lineOf([name]) }, { name, known }));
}
