import path from 'node:path';
import { createSimilarityIndex } from '../../similar-stories/similar-stories';
import { ID_HINT, ID_PATTERN } from '../../schemas/id';
import { listMarkdownFiles } from '../content-files';
import type { ArchiveArticle } from '../types';
import { readArticleFile, type ArticleFileRead, type KnownNames, type PendingArticle } from './article-file';
import { createBodyStage } from './bodies';
import { createNameBook } from './names';
import type { ReadContext } from './read-context';
import type { SealedFiles } from '../../pictures/sealed-files';

/** Articles whose bodies go to the workers at once: bounds the bodies held in memory. */
const CHUNK = 256;

export interface ArticlesRead {
  articles: ArchiveArticle[];
  /** The similarity model with every article in it: fed only when the lists cannot be the last build's (`similarity-feed.ts`). */
  similarity: () => ReturnType<typeof createSimilarityIndex>;
  /** The last build's list inputs, read at the start (`readKeptDigests`). */
  expectedLists: readonly string[] | undefined;
  /** Every file's validation outcome that matters later: pins, pieces left out, embargoes (never the article itself). */
  reads: Array<Omit<ArticleFileRead, 'pending'>>;
  /** Every slug with a file, published or not. */
  slugs: ReadonlySet<string>;
  bodies: { rendered: number; cached: number };
  sealedCount: number;
  /** The sealed files of paid pictures the pages name, in a keyed build. */
  sealedFiles: SealedFiles | undefined;
  /** Removes body-cache entries this read did not use: call it only after a read without problems. */
  pruneCache: () => void;
  /** The body-cache key an article's analysed terms came from (see `lists.ts`). */
  analysedFrom: (id: string) => string | undefined;
}

/**
 * Reads `articles/**\/<slug>.md`: validates each file (`article-file.ts`),
 * then renders bodies a chunk at a time (`bodies.ts`): one chunk in the
 * workers while this thread validates the next.
 */
export async function readArticles(context: ReadContext, known: KnownNames): Promise<ArticlesRead> {
  const { paths, show, issues } = context;
  const similarity = createSimilarityIndex({ limit: context.settings.lists.similar });
  const stage = createBodyStage(context, similarity);
  const listed = listMarkdownFiles(paths.articlesDir, { recursive: true, show });
  issues.add(...listed.problems);
  // A near-miss extension is almost always a mistake a newsroom wants to hear about.
  for (const file of listed.nearMisses) issues.report('not-markdown-extension', { file: show(file) });

  const named = createNameBook('slug', issues);
  const slugs = new Map<string, string>();
  const articles: ArchiveArticle[] = [];
  const reads: ArticleFileRead[] = [];
  let chunk: PendingArticle[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  const send = async (pending: PendingArticle[]) => {
    articles.push(...(await stage.renderChunk(pending)));
  };
  try {
    for (const [order, file] of listed.files.entries()) {
      // Let the workers' replies in now and then, so they get their next batch while this thread reads files.
      if (order % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
      const shown = show(file);
      issues.fileAt(shown, order);
      const slug = path.basename(file, '.md');
      if (!ID_PATTERN.test(slug)) {
        issues.report('slug-invalid', { file: shown }, { slug, rule: ID_HINT });
        continue;
      }
      const first = slugs.get(slug);
      if (first) {
        issues.report('slug-duplicate', { file: shown }, { slug, first });
        continue;
      }
      if (!named(slug, shown)) continue;
      slugs.set(slug, shown);
      // What the later stages need of every file (pins, embargoes, pieces left out), without the article itself: its
      // Markdown and parsed frontmatter go with its chunk and are let go once rendered, never held for the whole read.
      const { pending, ...outcome } = readArticleFile(context, file, slug, known);
      reads.push(outcome);
      if (!pending) continue;
      chunk.push(pending);
      if (chunk.length >= CHUNK) {
        await inFlight;
        inFlight = send(chunk);
        // Awaited before the next chunk or at the end; until then a failure must not count as unhandled.
        inFlight.catch(() => {});
        chunk = [];
      }
    }
    await inFlight;
    await send(chunk);
  } finally {
    await stage.close();
  }
  const { rendered, cached, sealed } = stage.stats();
  return {
    articles,
    similarity: stage.similarity,
    expectedLists: stage.expectedLists,
    reads,
    slugs: new Set(slugs.keys()),
    bodies: { rendered, cached },
    sealedCount: sealed,
    sealedFiles: stage.sealedFiles(),
    pruneCache: stage.prune,
    analysedFrom: stage.analysedFrom,
  };
}
