import { nextEmbargo } from '../lib/publication';
import { readFrontFile } from './front-file';
import { readTagsFile } from './tags-file';
import { readArticles } from './stages/articles';
import { readAuthors } from './stages/authors';
import { checkFolder } from './stages/folder';
import { fillLists } from './stages/lists';
import { createReadContext } from './stages/read-context';
import { checkRelatedPins } from './stages/references';
import { readSections } from './stages/sections';
import type { Archive, ArchiveOptions } from './types';

export type { Archive, ArchiveArticle, ArchiveOptions, Entry } from './types';

/**
 * Reads and validates a whole content folder, in stages: the folder, the
 * sections, the authors, the articles (each file validated, then its body cut,
 * rendered and checked), the references between files (`related` pins,
 * `front.yaml`), `tags.yaml`, and the lists under every article. Every problem is collected
 * and thrown together as a `ContentError`: nothing is returned from bad content.
 *
 * Paid text lives only in the body stage: each body is parsed once, its full
 * text feeds the similarity model as fingerprints, and only the free part's
 * HTML leaves. With subscriber keys the paid part leaves too, but only sealed
 * (AES-256-GCM); in the subscriber edition every article is rendered whole.
 */
export async function readArchive(options: ArchiveOptions): Promise<Archive> {
  const context = createReadContext(options);
  checkFolder(context);
  const sections = readSections(context);
  const authors = await readAuthors(context);

  const articlesStarted = performance.now();
  const read = await readArticles(context, { authors: new Set(authors.authors.map((author) => author.id)), authorFiles: authors.files, sections: sections.ids, sectionsValid: sections.valid });
  context.yaml.save();
  checkRelatedPins(read.reads, new Map(read.articles.map((article) => [article.id, article.data])), read.slugs, context.issues);
  const front = readFrontFile(context.contentDir, context.show, read.articles);
  context.issues.add(...front.issues);
  const tagTexts = readTagsFile(context.contentDir, context.show, context.typeset);
  context.issues.add(...tagTexts.issues);
  context.issues.throwIfAny();
  read.pruneCache();

  const listsStarted = performance.now();
  const listsKept = fillLists(
    read.articles,
    read.similarity,
    context.settings.lists,
    context.cacheDir ? { dir: context.cacheDir, edition: context.edition, analysedFrom: read.analysedFrom, expected: read.expectedLists } : undefined,
  );
  return {
    sections: sections.sections,
    authors: authors.authors,
    articles: read.articles,
    front: front.pins,
    tagTexts: tagTexts.texts,
    warnings: context.issues.warnings,
    sealedCount: read.sealedCount,
    bodies: read.bodies,
    phases: { articles: listsStarted - articlesStarted, lists: performance.now() - listsStarted },
    listsKept,
    images: context.images.jobs(),
    ...(read.sealedFiles ? { sealedFiles: read.sealedFiles } : {}),
    nextEmbargo: nextEmbargo(read.reads.flatMap((file) => (file.embargoed ? [file.embargoed] : []))),
  };
}
