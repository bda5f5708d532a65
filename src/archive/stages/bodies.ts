import { createHash } from 'node:crypto';
import { shiftLines } from '../../free-limit/errors';
import { newSealedFileName, openArticle, sealArticle, sealArticleWithFiles, serializeEnvelope, type Envelope } from '../../subscribers/envelope';
import type { BodyImage } from '../../pictures/rehype-figures';
import type { PictureToSeal } from '../../pictures/archive-pictures';
import { makeVariants } from '../../pictures/process-images';
import { createSealedStore } from '../../pictures/sealed-files';
import type { SubscriberKey } from '../../subscribers/keys';
import type { createSimilarityIndex } from '../../similar-stories/similar-stories';
import { createBodyCache, keptArticle, type CachedBody } from '../body-cache';
import { pipelineVersion } from '../pipeline-version';
import { createBodyRunner } from '../body-pool';
import type { ArchiveArticle } from '../types';
import type { PendingArticle } from './article-file';
import type { ReadContext } from './read-context';
import { storedArticle } from './stored-article';
import { PLACEHOLDER } from '../../lib/field-meta';
import { listInputDigest, readKeptDigests } from './lists';
import { createSimilarityFeed } from './similarity-feed';

/** A one-way fingerprint of a key ring, to tell rings apart without keeping them. */
function keyRingFingerprint(keys: readonly SubscriberKey[]): string {
  const hash = createHash('sha256');
  for (const { id, key } of keys) hash.update(id).update('\0').update(key).update('\0');
  return hash.digest('hex');
}

/**
 * The body stage: each article's body cut, rendered and checked (on every
 * core, or from the cache where the same body was rendered before), sealed
 * whole for subscriber keys in a keyed build, its pictures put in place, and
 * its whole text given to the similarity model as fingerprints. Chunks go
 * through one at a time; problems go to the read's collector with the line of
 * the file.
 */
export function createBodyStage(context: ReadContext, similarity: ReturnType<typeof createSimilarityIndex>) {
  const { settings, basePath, sealing, sealWith, keepWhole, images, issues, typeset } = context;
  const cache = createBodyCache({
    dir: context.cacheDir,
    // Whole articles in clear are kept only where the subscriber edition keeps its own: a public build without the edge never reads there.
    edition: keepWhole ? 'subscribers' : context.edition,
    // One configuration per content folder, so two folders built with one cache never prune each other's
    // entries. Envelopes are reused only for the same key ring: the salt holds a hash of the keys, never the keys.
    salt: JSON.stringify([
      pipelineVersion(),
      context.contentDir,
      settings.freeParagraphs,
      basePath,
      settings.locale,
      sealing ? keyRingFingerprint(sealWith) : null,
      // Only with the edge: a build without it keeps the salt, and the cache, it always had.
      ...(keepWhole ? ['edge-whole'] : []),
    ]),
  });
  const runner = createBodyRunner(
    // Paid pictures are sealed with the text; the edge's whole pages leave them out (see src/pictures/README.md).
    { freeParagraphs: settings.freeParagraphs, basePath, locale: settings.locale, keepWhole: sealing || keepWhole, ...(sealing ? { sealPictures: true } : {}) },
    context.threads,
  );
  const sealedStore = createSealedStore(context.cacheDir);

  /**
   * The paid pictures a cached envelope sealed, read back from the cache entry, where they are sealed too: the public
   * body cache never holds a paid picture's name, alt text or caption in clear. Any key of the ring opens them.
   */
  const paidPicturesOf = async (entry: CachedBody, slug: string): Promise<BodyImage[]> =>
    entry.paidPictures ? (JSON.parse(await openArticle(JSON.parse(entry.paidPictures) as Envelope, sealWith[0]!, `${slug}:pictures`)) as BodyImage[]) : [];

  /** A fingerprint of the picture files an envelope shows (and, sealing, of the lead picture, whose copy in the paid part stays public). */
  const sealedFingerprint = async (pictures: readonly BodyImage[], file: string, leadHash: string | undefined) => {
    const files = await images.fingerprint(pictures, file);
    return sealing ? `${files}:${leadHash ?? ''}` : files;
  };
  const leadHashOf = async (pending: PendingArticle) => {
    const lead = await pending.leadImage;
    return lead?.ok ? lead.value.hash : undefined;
  };

  /** Makes the paid pictures' files in memory, to be sealed: each source read once. */
  const makeToSeal = async (toSeal: readonly PictureToSeal[]) => {
    const bySource = Map.groupBy(toSeal, (file) => file.source);
    const made = await Promise.all(
      [...bySource].map(async ([source, files]) => {
        const bytes = await makeVariants(source, files.map((file) => file.variant));
        return files.map((file, index) => ({ name: file.name, bytes: bytes[index]! }));
      }),
    );
    return made.flat();
  };
  const stats = { rendered: 0, sealed: 0 };
  /** Each article's body-cache key: what its analysed terms, and so its place in the similarity model, came from. */
  const analysedFrom = new Map<string, string>();
  // The last build's lists' inputs: while the articles are the same, the model is not fed (the lists will serve again).
  const expected = context.cacheDir ? readKeptDigests(context.cacheDir, context.edition) : undefined;
  const feed = createSimilarityFeed(similarity, expected, (from) => cache.get(from)?.analysed);

  /** Renders (or takes from the cache) the bodies of a chunk; returns the articles that came through whole. */
  const renderChunk = async (chunk: readonly PendingArticle[]): Promise<ArchiveArticle[]> => {
    const keys = chunk.map((pending) => cache.keyFor(pending.job));
    const cached = keys.map((key) => cache.get(key));
    // An envelope sealed with other picture files than the ones there now is stale, and so is one whose sealed files
    // are gone from the store: the body is made again.
    await Promise.all(
      chunk.map(async (pending, index) => {
        const entry = cached[index];
        const pictures = entry?.sealedPictures;
        if (!entry || !pictures) return;
        // An entry whose paid pictures cannot be opened is stale too (it is read with keys of this ring only: the salt).
        const paid = sealing ? await paidPicturesOf(entry, pending.slug).catch(() => undefined) : [];
        const stale =
          paid === undefined ||
          (await sealedFingerprint([...pictures.images, ...paid], pending.file, await leadHashOf(pending))) !== pictures.fingerprint ||
          !sealedStore.holds(entry.sealedFiles ?? []);
        if (stale) cached[index] = undefined;
      }),
    );
    const missing = chunk.filter((_, index) => !cached[index]);
    const outcomes = await runner.run(missing.map((pending) => pending.job));
    stats.rendered += missing.length;
    const articles: ArchiveArticle[] = [];
    let next = 0;
    for (const [index, pending] of chunk.entries()) {
      const { shown, bodyLineOffset } = pending;
      /** A place in the body: `line` of the body, or `fileLine` of the file. */
      const inBody = (line: number | undefined) => ({ file: shown, field: 'body', line: line === undefined ? undefined : line + bodyLineOffset });
      const inFile = (fileLine: number) => ({ file: shown, field: 'body', line: fileLine });
      let body = cached[index];
      /** Pictures of the sealed part that could not be used (each reported once, not again for the free part). */
      const sealedProblems = new Set<string>();
      if (!body) {
        const outcome = outcomes[next++]!;
        if (!outcome.ok) {
          issues.addData({ code: outcome.problem.code, args: shiftLines(outcome.problem.args, bodyLineOffset) }, inBody(outcome.problem.line));
          continue;
        }
        let sealed: Pick<CachedBody, 'sealed' | 'sealedPictures' | 'whole' | 'sealedFiles' | 'paidPictures'> = {};
        if (outcome.wholeHtml !== undefined) {
          const wholeImages = outcome.wholeImages ?? [];
          const leadHash = await leadHashOf(pending);
          const seal = sealing ? { publicHashes: new Set(leadHash ? [leadHash] : []), newName: () => newSealedFileName() } : undefined;
          const whole = await images.fillBody(outcome.wholeHtml, wholeImages, pending.file, bodyLineOffset, seal);
          for (const { line, problem } of whole.problems) {
            issues.addData(problem, inFile(line));
            sealedProblems.add(`${line}:${JSON.stringify(problem)}`);
          }
          if (sealedProblems.size === 0) {
            const freeImages = wholeImages.filter((image) => !image.paid);
            const paidImages = wholeImages.filter((image) => image.paid);
            let sealedPart: Pick<CachedBody, 'sealed' | 'sealedFiles' | 'paidPictures'> = {};
            if (sealing) {
              // One content key for the text and its pictures: the files are made in memory, sealed, and only then stored.
              const { envelope, files } = await sealArticleWithFiles({ articleId: pending.slug, html: whole.html, keys: sealWith, files: await makeToSeal(whole.toSeal) });
              for (const file of files) sealedStore.put(file.name, file.bytes);
              sealedPart = {
                sealed: serializeEnvelope(envelope),
                ...(files.length > 0 ? { sealedFiles: files.map((file) => file.name) } : {}),
                ...(paidImages.length > 0
                  ? { paidPictures: JSON.stringify(await sealArticle({ articleId: `${pending.slug}:pictures`, html: JSON.stringify(paidImages), keys: sealWith })) }
                  : {}),
              };
            }
            sealed = {
              ...sealedPart,
              ...(keepWhole ? { whole: whole.html } : {}),
              sealedPictures: { images: freeImages, fingerprint: await sealedFingerprint(wholeImages, pending.file, leadHash) },
            };
          }
        }
        body = { html: outcome.html, cut: outcome.cut, analysed: outcome.analysed, images: outcome.images, warnings: outcome.warnings, ...sealed };
        if (pending.valid && sealedProblems.size === 0) cache.set(keys[index]!, body);
      }
      for (const warning of body.warnings ?? []) {
        issues.addData({ code: warning.code, args: shiftLines(warning.args, bodyLineOffset) }, inBody(warning.line));
      }
      const pictures = await images.fillBody(body.html, body.images ?? [], pending.file, bodyLineOffset);
      // The sealed part's pictures are the free part's: each problem is reported once.
      for (const { line, problem } of pictures.problems) {
        if (!sealedProblems.has(`${line}:${JSON.stringify(problem)}`)) issues.addData(problem, inFile(line));
      }
      const lead = await pending.leadImage;
      if (lead && !lead.ok) issues.addData(lead.problem, { file: shown, field: 'image.src', line: pending.leadImageLine() });
      // What `npm run new` left for the writer: valid, so a draft can be committed, but not to be published. Reported
      // by the read, as a warning, so `npm run check` keeps it when another file has a problem.
      if ((pending.valid && pending.meta.standfirst.startsWith(PLACEHOLDER)) || body.html.includes(`>${PLACEHOLDER}`)) {
        issues.report('placeholder-left', { file: shown }, { placeholder: PLACEHOLDER });
      }
      if (!pending.valid || pictures.problems.length > 0 || sealedProblems.size > 0 || (lead && !lead.ok)) continue;
      analysedFrom.set(pending.slug, keys[index]!);
      if (body.sealed) stats.sealed++;
      // Only the sealed files of articles that are published go into the site.
      sealedStore.use(body.sealedFiles ?? []);
      // Valid and whole here, so the cache holds this body under keys[index]: without pictures to fill in, that entry is
      // the page's body as it prints, and no second file is written.
      const digest = cache.putPage(
        {
          html: pictures.html,
          ...(body.sealed ? { sealed: body.sealed } : {}),
          ...(body.whole !== undefined ? { whole: body.whole } : {}),
        },
        pictures.html === body.html ? keys[index] : undefined,
      );
      const article = keptArticle(
        pending.slug,
        storedArticle(pending, { cut: body.cut, sealed: body.sealed !== undefined, image: lead?.ok ? lead.value : undefined }, typeset),
        digest,
        cache.getPage,
        cache.pageFile(digest),
      );
      feed.add({
        meta: { id: pending.slug, section: pending.meta.section, date: pending.published.date },
        analysed: body.analysed,
        from: keys[index]!,
        digest: listInputDigest(article, keys[index]!),
      });
      articles.push(article);
    }
    return articles;
  };

  return {
    renderChunk,
    stats: () => ({ rendered: stats.rendered, cached: cache.stats.hits, sealed: stats.sealed }),
    /** The sealed files of paid pictures this read's pages name, for the picture integration to copy. */
    sealedFiles: () => sealedStore.files(),
    analysedFrom: (id: string) => analysedFrom.get(id),
    /** The last build's list inputs, as read at the start (see `lists.ts`). */
    expectedLists: expected,
    /** The similarity model with every article in it (`createSimilarityFeed`). */
    similarity: () => feed.model(),
    /** Removes cache entries this read did not use; only after a read without problems. */
    prune: () => cache.prune(),
    close: () => runner.close(),
  };
}

