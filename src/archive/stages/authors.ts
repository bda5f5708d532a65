import path from 'node:path';
import { findUnrenderable } from '../../lib/markdown-limits';
import { createBodyProcessor, renderBody } from '../../markdown/pipeline';
import { authorFrontmatterSchema, type StoredAuthor } from '../../schemas/author';
import { ID_HINT, ID_PATTERN } from '../../schemas/id';
import { listMarkdownFiles } from '../content-files';
import type { Entry } from '../types';
import { readMarkdownFile, schemaIssues, unknownFields } from './markdown-file';
import { createNameBook } from './names';
import type { ReadContext } from './read-context';

export interface AuthorsRead {
  authors: Entry<StoredAuthor>[];
  /** Ids of every author file, with or without problems: an article naming a broken one is told so. */
  files: ReadonlySet<string>;
}

/** Reads `authors/<id>.md`: name, role and portrait, the bio rendered as a free body. */
export async function readAuthors(context: ReadContext): Promise<AuthorsRead> {
  const { paths, show, typeset, issues, images, settings, basePath } = context;
  const processor = createBodyProcessor({ freeParagraphs: settings.freeParagraphs, basePath, locale: settings.locale });
  const listed = listMarkdownFiles(paths.authorsDir, { recursive: false, show });
  issues.add(...listed.problems);
  const named = createNameBook('author id', issues);
  const authors: Entry<StoredAuthor>[] = [];
  for (const file of listed.files) {
    const shown = show(file);
    const id = path.basename(file, '.md');
    if (!ID_PATTERN.test(id)) {
      issues.report('author-id-invalid', { file: shown }, { id, rule: ID_HINT });
      continue;
    }
    if (!named(id, shown)) continue;
    const read = readMarkdownFile(file, shown, issues, context.yaml);
    if (!read) continue;
    const parsed = authorFrontmatterSchema.safeParse(read.data);
    if (!parsed.success) {
      issues.add(...schemaIssues(shown, parsed.error, read.data, read.lineOf));
      continue;
    }
    issues.add(...unknownFields(shown, read, Object.keys(authorFrontmatterSchema.shape)));
    const unrenderable = findUnrenderable(read.body);
    if (unrenderable) {
      const line = unrenderable.line === undefined ? undefined : unrenderable.line + read.bodyLineOffset;
      issues.report('body-too-costly', { file: shown, field: 'body', line }, { problem: unrenderable.problem, advice: unrenderable.advice });
      continue;
    }
    const bio = renderBody(processor, read.body, 'free');
    const bioPictures = await images.fillBody(bio.html, bio.images, file, read.bodyLineOffset);
    for (const { line, problem } of bioPictures.problems) issues.addData(problem, { file: shown, field: 'body', line });
    const portrait = parsed.data.portrait && (await images.portrait(parsed.data.portrait, file));
    if (portrait && !portrait.ok) issues.addData(portrait.problem, { file: shown, field: 'portrait.src', line: read.lineOf(['portrait', 'src']) });
    if (bioPictures.problems.length > 0 || (portrait && !portrait.ok)) continue;
    const { name, role } = parsed.data;
    authors.push({
      id,
      data: {
        ...parsed.data,
        name: typeset(name),
        ...(role === undefined ? {} : { role: typeset(role) }),
        portrait: portrait?.value,
        bioHtml: bioPictures.html,
        source: shown,
      },
    });
  }
  return { authors, files: new Set(listed.files.map((file) => path.basename(file, '.md'))) };
}
