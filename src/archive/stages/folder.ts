import { ContentError, contentIssue } from '../../errors/content-issue';
import { kindProblem, pathKind } from '../content-files';
import type { ReadContext } from './read-context';

/**
 * The content folder must be a folder with `sections.yaml`, `authors/` and
 * `articles/` in it. Nothing else can be read without them, so their
 * problems stop the read at once.
 */
export function checkFolder({ contentDir, paths, show }: ReadContext): void {
  if (pathKind(contentDir).kind !== 'folder') throw new ContentError([contentIssue('content-dir-not-folder', { file: show(contentDir) })]);
  const problems = (
    [
      [paths.sectionsFile, 'file', 'a YAML list of { id, name, description }'],
      [paths.authorsDir, 'folder', 'a folder with one <id>.md per author'],
      [paths.articlesDir, 'folder', 'a folder of <slug>.md articles'],
    ] as const
  ).flatMap(([required, kind, expected]) => {
    const file = show(required);
    const found = pathKind(required);
    if (found.kind === 'missing') return [contentIssue('required-path-missing', { file }, { expected })];
    const problem = kindProblem(found, file);
    if (problem) return [problem];
    return found.kind === kind ? [] : [contentIssue('required-path-wrong-kind', { file }, { kind, expected })];
  });
  if (problems.length > 0) throw new ContentError(problems);
}
