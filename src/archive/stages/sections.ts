import { readFileSync } from 'node:fs';
import { idKey } from '../../schemas/id';
import { sectionsFileSchema, type Section } from '../../schemas/section';
import { FrontmatterError, parseYamlText, type ParsedYaml } from '../frontmatter';
import { schemaIssues, yamlIssue } from './markdown-file';
import { spellingClash } from './names';
import type { ReadContext } from './read-context';

export interface SectionsRead {
  sections: Section[];
  ids: ReadonlySet<string>;
  /** False when `sections.yaml` itself is broken: articles are then not told their section is unknown. */
  valid: boolean;
}

/** Reads `sections.yaml`: the sections in navigation order, their names and descriptions typeset. */
export function readSections({ paths, show, typeset, issues }: ReadContext): SectionsRead {
  const file = show(paths.sectionsFile);
  let sections: Section[] = [];
  let valid = true;
  let lineOf: ParsedYaml['lineOf'] = () => undefined;
  try {
    const parsedYaml = parseYamlText(readFileSync(paths.sectionsFile, 'utf8'));
    const { data } = parsedYaml;
    lineOf = parsedYaml.lineOf;
    const raw: unknown = data ?? [];
    const parsed = sectionsFileSchema.safeParse(raw);
    if (parsed.success) {
      sections = parsed.data.map((section) => ({
        ...section,
        name: typeset(section.name),
        ...(section.description === undefined ? {} : { description: typeset(section.description) }),
      }));
    } else {
      valid = false;
      issues.add(...schemaIssues(file, parsed.error, raw, lineOf));
    }
  } catch (error) {
    valid = false;
    if (error instanceof FrontmatterError) issues.add(yamlIssue(error, file));
    else issues.report('file-unreadable', { file }, { reason: (error as Error).message.split('\n')[0]! });
  }
  const ids = new Set<string>();
  const keys = new Map<string, { id: string; index: number }>();
  sections.forEach((section, index) => {
    const first = keys.get(idKey(section.id));
    const place = { file, field: `${index}.id`, line: lineOf([index, 'id']) };
    if (ids.has(section.id)) issues.report('section-duplicate', place, { id: section.id });
    else if (first) issues.report('section-clash', place, { id: section.id, other: first.id, otherField: `${first.index}.id`, how: spellingClash(first.id, section.id) });
    ids.add(section.id);
    if (!first) keys.set(idKey(section.id), { id: section.id, index });
  });
  return { sections, ids, valid };
}
