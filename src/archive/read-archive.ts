import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import type { Edition } from '../lib/build-env';
import { articleLists } from '../lib/lists';
import { sealArticle, serializeEnvelope } from '../lib/paywall/envelope';
import type { SubscriberKey } from '../lib/paywall/keys';
import { createSimilarityIndex } from '../lib/related/similar-stories';
import { findUnrenderable } from '../markdown/assert-renderable';
import { createBodyProcessor, renderBody } from '../markdown/pipeline';
import type { ImageJob } from '../images/process-images';
import type { StoredImage } from '../schemas/image';
import { createArchiveImages, type Found } from './archive-images';
import { createBodyCache, pipelineVersion, type CachedBody } from './body-cache';
import { createBodyRunner } from './body-pool';
import type { BodyJob } from './body-step';
import { describeCutWarning, FreeLimitError } from '../free-limit/errors';
import { resolveIsoDate, updatedBeforePublished, type Dated } from '../lib/dates';
import { nextEmbargo, publicationState, type PublicationState } from '../lib/publication';
import { smartenText } from '../lib/typography';
import { articleFrontmatterSchema, type ArticleFrontmatter, type StoredArticle } from '../schemas/article';
import { authorFrontmatterSchema, type StoredAuthor } from '../schemas/author';
import { ID_HINT, ID_PATTERN, idKey, reservedIdReason } from '../schemas/id';
import { sectionsFileSchema, type Section } from '../schemas/section';
import { DEFAULT_LABELS, type Settings } from '../schemas/settings';
import { ContentError, type ContentIssue } from './errors';
import { kindProblem, listMarkdownFiles, pathKind } from './content-files';
import { FrontmatterError, parseYamlText, splitFrontmatter, type FrontmatterSplit } from './frontmatter';

export interface ArchiveOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Paths in messages are shown relative to this folder (the project root). */
  displayRoot: string;
  settings: Pick<Settings, 'freeParagraphs' | 'defaultAccess' | 'lists'> & {
    /** The paper's zone, where a bare date's day starts. Default `Europe/London`, as in the settings schema. */
    timeZone?: Settings['timeZone'];
    /** The paper's locale: quotation marks in bodies and in the texts of frontmatter. Default `en-GB`, as in the settings schema. */
    locale?: Settings['locale'];
    /** The labels articles may carry. Default `DEFAULT_LABELS`, as in the settings schema. */
    labels?: readonly string[];
  };
  /** `subscribers` renders every article whole, for the subscriber edition. Default `public`. */
  edition?: Edition;
  /** Public edition only: seal each cut article, whole, for these subscriber keys. Default none. */
  sealWith?: readonly SubscriberKey[];
  /** The site's base path, for site-relative links in bodies. Default `/`. */
  basePath?: string;
  /** Folder of the body cache kept between builds; none when absent. */
  cacheDir?: string;
  /** The folder of static files, where a picture's `src` starting with `/` is. Default `public/` in `displayRoot`. */
  publicDir?: string;
  /** Threads for body work (0 or 1: this thread only). Default 1. */
  threads?: number;
  /**
   * The build's "now": an article dated after it is under embargo. Without it no
   * article is held back for its date (drafts still are, unless `includeUnpublished`).
   */
  buildTime?: Date;
  /**
   * `npm run dev` and `PREVIEW=1` builds: keep drafts and embargoed articles, marked
   * for the page's banner. Otherwise they are left out before anything else sees them.
   */
  includeUnpublished?: boolean;
}

export interface Entry<T> {
  id: string;
  data: T;
}

export interface ArchiveArticle extends Entry<StoredArticle> {
  /** Sanitised HTML of the free part only. */
  html: string;
  /** The whole article sealed for subscriber keys (envelope JSON), in a keyed public build. */
  sealed?: string;
}

export interface Archive {
  sections: Section[];
  authors: Entry<StoredAuthor>[];
  articles: ArchiveArticle[];
  /** Things worth a look that do not stop the build, e.g. unknown frontmatter fields. */
  warnings: string[];
  /** How many paid parts were sealed for subscriber keys. */
  sealedCount: number;
  /** Bodies taken from the cache, and bodies rendered, in this read. */
  bodies: { cached: number; rendered: number };
  /** Milliseconds spent reading articles with their bodies, and computing the lists. */
  phases: { articles: number; lists: number };
  /** Every picture file the pages reference (never one from after a free limit in a public build). */
  images: ImageJob[];
  /** The embargoed article that falls due first, when `buildTime` was given and one waits. */
  nextEmbargo?: { slug: string; at: Date } | undefined;
}

/** A one-way fingerprint of a key ring, to tell rings apart without keeping them. */
function keyRingFingerprint(keys: readonly SubscriberKey[]): string {
  const hash = createHash('sha256');
  for (const { id, key } of keys) hash.update(id).update('\0').update(key).update('\0');
  return hash.digest('hex');
}

/** Articles whose bodies go to the runner at once: bounds the bodies held in memory. */
const CHUNK = 256;

interface PendingArticle {
  /** Position in the folder listing, to keep every report in file order. */
  order: number;
  slug: string;
  shown: string;
  /** Absolute path of the file: pictures are found relative to it. */
  file: string;
  bodyLineOffset: number;
  job: BodyJob;
  /** The lead picture, found and measured (started while the file was read). */
  leadImage?: Promise<Found<StoredImage>> | undefined;
  meta: ArticleFrontmatter;
  /** `meta.date` and `meta.updated` as instants in the paper's zone. */
  published: Dated;
  updated?: Dated | undefined;
  /** `meta.label` as the settings spell it. */
  label?: string | undefined;
  /** `meta.corrections`, dates resolved like `published`. */
  corrections: (Dated & { text: string })[];
  access: 'free' | 'subscribers';
  /** Out, a draft or embargoed: only dev and preview builds read the last two. */
  state: PublicationState;
  /** False when the frontmatter had errors: the body is still checked, so every problem is reported at once. */
  valid: boolean;
}

const articleFields = Object.keys(articleFrontmatterSchema.shape);

/**
 * Turns zod issues into our messages, telling "missing" apart from "wrong",
 * with the line of the field in the file when the YAML says where it is.
 */
function schemaIssues(
  file: string,
  error: z.ZodError,
  data: unknown,
  lineOf: FrontmatterSplit['lineOf'],
  root = 'frontmatter',
): ContentIssue[] {
  return error.issues.map((issue) => {
    let value: unknown = data;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const missing = issue.path.length > 0 && (value === undefined || value === null);
    const line = issue.path.length > 0 ? lineOf(issue.path) : undefined;
    // A check of our own on a missing field (image.alt) says what to write; zod's own just say it is missing.
    const message = missing && issue.code !== 'custom' ? 'is required' : issue.message;
    return { file, field: fieldName(issue.path) || root, message: line ? `${message} (line ${line})` : message };
  });
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
 * Why two slugs or ids with the same `idKey` are different spellings, for the
 * message that names both files. NFC and NFD look the same when printed, so
 * the message says which kind of difference it is.
 */
function spellingClash(first: string, second: string): string {
  return first.normalize('NFC') === second.normalize('NFC')
    ? 'the same name with its accents encoded two ways (Unicode NFC and NFD)'
    : 'the same name in different case';
}

/** Reads the YAML frontmatter of a file, or records why it cannot. */
function readFrontmatter(
  file: string,
  shown: string,
  issues: ContentIssue[],
): (FrontmatterSplit & { data: Record<string, unknown> }) | undefined {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    // Listed a moment ago, so this is a race or a permission: say so, do not crash.
    issues.push({ file: shown, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` });
    return undefined;
  }
  try {
    const split = splitFrontmatter(source);
    const { data } = split;
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      issues.push({ file: shown, field: 'frontmatter', message: 'must be a YAML mapping of fields (key: value)' });
      return undefined;
    }
    return { ...split, data: data as Record<string, unknown> };
  } catch (error) {
    if (error instanceof FrontmatterError) {
      issues.push({ file: shown, message: error.message });
      return undefined;
    }
    throw error;
  }
}

function unknownFields(shown: string, data: Record<string, unknown>, known: readonly string[]): string[] {
  return Object.keys(data)
    .filter((key) => !known.includes(key))
    .map((key) => `${shown}: ignoring unknown field "${key}" (known fields: ${known.join(', ')})`);
}

/**
 * Reads and validates a whole content folder, renders each body's free part,
 * and computes the lists under every article. Every problem is collected and
 * thrown together as a `ContentError`: nothing is returned from bad content.
 *
 * Paid text lives only inside this function: each body is parsed once, its full
 * text feeds the similarity model, and only the free part's HTML leaves. With
 * subscriber keys the paid part leaves too, but only sealed (AES-256-GCM); in
 * the subscriber edition every article is rendered whole.
 */
export async function readArchive({
  contentDir,
  displayRoot,
  settings,
  edition = 'public',
  sealWith = [],
  basePath = '/',
  cacheDir,
  publicDir = path.join(displayRoot, 'public'),
  threads = 1,
  buildTime,
  includeUnpublished = false,
}: ArchiveOptions): Promise<Archive> {
  const sealing = edition === 'public' && sealWith.length > 0;
  const timeZone = settings.timeZone ?? 'Europe/London';
  const locale = settings.locale ?? 'en-GB';
  const labels = settings.labels ?? DEFAULT_LABELS;
  /** Frontmatter text as readers see it: typographic quotes, apostrophes, dashes and ellipses. */
  const typeset = (text: string) => smartenText(text, locale);
  const show = (file: string) => {
    const relative = path.relative(displayRoot, file);
    return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
  };
  const issues: ContentIssue[] = [];
  const warnings: string[] = [];

  if (pathKind(contentDir).kind !== 'folder') {
    throw new ContentError([{ file: show(contentDir), message: 'is not a folder (check CONTENT_DIR)' }]);
  }
  const sectionsFile = path.join(contentDir, 'sections.yaml');
  const authorsDir = path.join(contentDir, 'authors');
  const articlesDir = path.join(contentDir, 'articles');
  for (const [required, kind, hint] of [
    [sectionsFile, 'file', 'a YAML list of { id, name, description }'],
    [authorsDir, 'folder', 'a folder with one <id>.md per author'],
    [articlesDir, 'folder', 'a folder of <slug>.md articles'],
  ] as const) {
    const found = pathKind(required);
    const problem = kindProblem(found);
    if (found.kind === 'missing') issues.push({ file: show(required), message: `is missing (expected ${hint})` });
    else if (problem) issues.push({ file: show(required), message: problem });
    else if (found.kind !== kind) issues.push({ file: show(required), message: `is not a ${kind} (expected ${hint})` });
  }
  if (issues.length > 0) throw new ContentError(issues);

  // Sections.
  let sections: Section[] = [];
  let sectionsValid = true;
  try {
    const { data, lineOf } = parseYamlText(readFileSync(sectionsFile, 'utf8'), { what: '' });
    const raw: unknown = data ?? [];
    const parsed = sectionsFileSchema.safeParse(raw);
    if (parsed.success)
      sections = parsed.data.map((section) => ({
        ...section,
        name: typeset(section.name),
        ...(section.description === undefined ? {} : { description: typeset(section.description) }),
      }));
    else {
      sectionsValid = false;
      issues.push(...schemaIssues(show(sectionsFile), parsed.error, raw, lineOf, 'the file'));
    }
  } catch (error) {
    sectionsValid = false;
    const message = error instanceof FrontmatterError ? error.message : `cannot be read (${(error as Error).message.split('\n')[0]})`;
    issues.push({ file: show(sectionsFile), message });
  }
  const sectionIds = new Set<string>();
  const sectionKeys = new Map<string, { id: string; index: number }>();
  sections.forEach((section, index) => {
    const first = sectionKeys.get(idKey(section.id));
    if (sectionIds.has(section.id))
      issues.push({ file: show(sectionsFile), field: `${index}.id`, message: `"${section.id}" is listed twice` });
    else if (first)
      issues.push({
        file: show(sectionsFile),
        field: `${index}.id`,
        message: `"${section.id}" clashes with "${first.id}" (${first.index}.id): ${spellingClash(first.id, section.id)}, which macOS and Windows treat as one folder of the built site; rename one`,
      });
    sectionIds.add(section.id);
    if (!first) sectionKeys.set(idKey(section.id), { id: section.id, index });
  });

  /** Refuses a slug or id that is a name the site uses, or another file's name in other case or encoding. */
  const checkName = (
    kind: 'slug' | 'author id',
    name: string,
    shown: string,
    seen: Map<string, { name: string; shown: string }>,
  ): boolean => {
    const reserved = reservedIdReason(name);
    if (reserved) {
      issues.push({ file: shown, message: `file name "${name}" is a reserved name (${reserved}); choose another ${kind}` });
      return false;
    }
    const first = seen.get(idKey(name));
    if (first && first.name !== name) {
      issues.push({
        file: shown,
        message: `${kind} "${name}" clashes with "${first.name}" in ${first.shown}: ${spellingClash(first.name, name)}, which macOS and Windows checkouts treat as one file; rename one`,
      });
      return false;
    }
    if (!first) seen.set(idKey(name), { name, shown });
    return true;
  };

  // Pictures: found relative to the file naming them, measured once, made by the picture integration.
  const images = createArchiveImages({ contentDir, publicDir, basePath, show });

  // Authors.
  const processor = createBodyProcessor({ freeParagraphs: settings.freeParagraphs, keepPaid: sealing, basePath, locale });
  const authors: Entry<StoredAuthor>[] = [];
  const authorFiles = listMarkdownFiles(authorsDir, { recursive: false, show });
  const authorKeys = new Map<string, { name: string; shown: string }>();
  for (const { file, message } of authorFiles.problems) issues.push({ file: show(file), message });
  for (const file of authorFiles.files) {
    const shown = show(file);
    const id = path.basename(file, '.md');
    if (!ID_PATTERN.test(id)) {
      issues.push({ file: shown, message: `file name "${id}" must be an author id: ${ID_HINT}` });
      continue;
    }
    if (!checkName('author id', id, shown, authorKeys)) continue;
    const read = readFrontmatter(file, shown, issues);
    if (!read) continue;
    const parsed = authorFrontmatterSchema.safeParse(read.data);
    if (!parsed.success) {
      issues.push(...schemaIssues(shown, parsed.error, read.data, read.lineOf));
      continue;
    }
    warnings.push(...unknownFields(shown, read.data, Object.keys(authorFrontmatterSchema.shape)));
    // Checked here, where the frontmatter's length is known, so the line is the file's.
    const unrenderableBio = findUnrenderable(read.body);
    if (unrenderableBio) {
      issues.push({ file: shown, field: 'body', message: unrenderableBio.shifted(read.bodyLineOffset).message });
      continue;
    }
    const bio = renderBody(processor, read.body, 'free');
    const bioPictures = await images.fillBody(bio.html, bio.images, file, read.bodyLineOffset);
    for (const problem of bioPictures.problems) issues.push({ file: shown, field: 'body', message: problem });
    const portrait = parsed.data.portrait && (await images.portrait(parsed.data.portrait, file));
    if (portrait && !portrait.ok) issues.push({ file: shown, field: 'portrait.src', message: portrait.problem });
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
  const authorIds = new Set(authors.map((author) => author.id));
  const knownAuthorFiles = new Set(authorFiles.files.map((file) => path.basename(file, '.md')));

  // Articles: validate each file, then render bodies a chunk at a time (on every
  // core, from the cache where the same body was rendered before).
  const similarity = createSimilarityIndex({ limit: settings.lists.similar });
  const articles: ArchiveArticle[] = [];
  const slugs = new Map<string, string>();
  const slugKeys = new Map<string, { name: string; shown: string }>();
  const articleFiles = listMarkdownFiles(articlesDir, { recursive: true, show });
  for (const { file, message } of articleFiles.problems) issues.push({ file: show(file), message });
  // A near-miss extension is almost always a mistake a newsroom wants to hear about.
  for (const file of articleFiles.nearMisses) warnings.push(`${show(file)}: ignoring this file: articles must end in .md`);

  const cache = createBodyCache({
    dir: cacheDir,
    edition,
    // One configuration per content folder, so two folders built with one cache never prune each other's
    // entries. Envelopes are reused only for the same key ring: the salt holds a hash of the keys, never the keys.
    salt: JSON.stringify([pipelineVersion(displayRoot), contentDir, settings.freeParagraphs, basePath, locale, sealing ? keyRingFingerprint(sealWith) : null]),
  });
  const runner = createBodyRunner({ freeParagraphs: settings.freeParagraphs, basePath, locale, keepWhole: sealing }, threads);
  const fileOrder = new Map<string, number>();
  /** Embargoed pieces, for the build log's "next embargo" line. */
  const embargoed: { slug: string; at: Date }[] = [];
  /** Articles with `related` pins, checked once every slug is known; `lines` are the pins' lines in the file. */
  const relatedPins: { slug: string; shown: string; related: string[]; lines: (number | undefined)[]; published: boolean }[] = [];
  /** Slugs left out of this build (drafts, embargoed pieces): a pin to one is held back, not unknown. */
  const leftOut = new Set<string>();
  let rendered = 0;
  let sealedCount = 0;

  const processChunk = async (chunk: PendingArticle[]) => {
    const keys = chunk.map((pending) => cache.keyFor(pending.job));
    const cached = keys.map((key) => cache.get(key));
    // An envelope sealed with other picture files than the ones there now is stale: the body is made again.
    await Promise.all(
      chunk.map(async (pending, index) => {
        const pictures = cached[index]?.sealedPictures;
        if (pictures && (await images.fingerprint(pictures.images, pending.file)) !== pictures.fingerprint) cached[index] = undefined;
      }),
    );
    const missing = chunk.filter((_, index) => !cached[index]);
    const outcomes = await runner.run(missing.map((pending) => pending.job));
    rendered += missing.length;
    let next = 0;
    for (const [index, pending] of chunk.entries()) {
      let body = cached[index];
      /** Pictures of the sealed part that could not be used. */
      let sealedProblems: string[] = [];
      if (!body) {
        const outcome = outcomes[next++]!;
        if (!outcome.ok) {
          const { freeLimit } = outcome;
          const message = freeLimit
            ? new FreeLimitError(freeLimit.kind, freeLimit.lines, freeLimit.detail).shifted(pending.bodyLineOffset).message
            : `could not be rendered (${outcome.message}); look for deeply nested HTML, lists or quotes`;
          issues.push({ file: pending.shown, field: 'body', message });
          continue;
        }
        let sealed: Pick<CachedBody, 'sealed' | 'sealedPictures'> = {};
        if (outcome.wholeHtml !== undefined) {
          const wholeImages = outcome.wholeImages ?? [];
          const whole = await images.fillBody(outcome.wholeHtml, wholeImages, pending.file, pending.bodyLineOffset);
          sealedProblems = whole.problems;
          if (sealedProblems.length === 0) {
            sealed = {
              sealed: serializeEnvelope(await sealArticle({ articleId: pending.slug, html: whole.html, keys: sealWith })),
              sealedPictures: { images: wholeImages, fingerprint: await images.fingerprint(wholeImages, pending.file) },
            };
          }
        }
        body = { html: outcome.html, cut: outcome.cut, analysed: outcome.analysed, images: outcome.images, warnings: outcome.warnings, ...sealed };
        if (pending.valid && sealedProblems.length === 0) cache.set(keys[index]!, body);
      }
      for (const warning of body.warnings ?? []) {
        warnings.push(`${pending.shown}: body line ${warning.line + pending.bodyLineOffset}: ${describeCutWarning(warning, pending.bodyLineOffset)}`);
      }
      const pictures = await images.fillBody(body.html, body.images ?? [], pending.file, pending.bodyLineOffset);
      // The sealed part's pictures are the free part's: each problem is reported once.
      for (const problem of new Set([...pictures.problems, ...sealedProblems])) issues.push({ file: pending.shown, field: 'body', message: problem });
      const lead = await pending.leadImage;
      if (lead && !lead.ok) issues.push({ file: pending.shown, field: 'image.src', message: lead.problem });
      if (!pending.valid || pictures.problems.length > 0 || sealedProblems.length > 0 || (lead && !lead.ok)) continue;
      const { meta, slug } = pending;
      similarity.addAnalysed({ id: slug, section: meta.section, date: pending.published.date }, body.analysed);
      if (body.sealed) sealedCount++;
      articles.push({
        id: slug,
        html: pictures.html,
        ...(body.sealed ? { sealed: body.sealed } : {}),
        data: {
          title: typeset(meta.title),
          author: meta.author[0]!,
          authors: meta.author,
          section: meta.section,
          date: pending.published.date,
          dateHasTime: pending.published.hasTime,
          ...(pending.updated
            ? // A bare update on the day of a timed publication starts before it; machines get the publication time instead.
              { updated: new Date(Math.max(pending.updated.date.getTime(), pending.published.date.getTime())), updatedHasTime: pending.updated.hasTime }
            : {}),
          ...(lead?.ok ? { image: lead.value } : {}),
          standfirst: typeset(meta.standfirst),
          tags: meta.tags,
          access: pending.access,
          cut: body.cut,
          sealed: body.sealed !== undefined,
          source: pending.shown,
          ...(pending.label === undefined ? {} : { label: typeset(pending.label) }),
          ...(pending.corrections.length > 0
            ? // A bare correction date on the day of a timed publication is given as the publication time, as `updated` is.
              {
                corrections: pending.corrections.map(({ date, hasTime, text }) => ({
                  date: new Date(Math.max(date.getTime(), pending.published.date.getTime())),
                  dateHasTime: hasTime,
                  text: typeset(text),
                })),
              }
            : {}),
          ...(pending.state.state === 'draft' ? { draft: true } : {}),
          ...(pending.state.state === 'embargoed' ? { embargoedUntil: pending.state.until } : {}),
          ...(meta.related && meta.related.length > 0 ? { related: meta.related } : {}),
          ...(meta.similar === false ? { hideFromSimilar: true } : {}),
          moreFromAuthor: [],
          similar: [],
        },
      });
    }
  };

  const articlesStarted = performance.now();
  let chunk: PendingArticle[] = [];
  let inFlight: Promise<void> = Promise.resolve();
  try {
    for (const [order, file] of articleFiles.files.entries()) {
      // Let the workers' replies in now and then, so they get their next batch while this thread reads files.
      if (order % 16 === 15) await new Promise((resolve) => setImmediate(resolve));
      const shown = show(file);
      fileOrder.set(shown, order);
      const slug = path.basename(file, '.md');
      if (!ID_PATTERN.test(slug)) {
        issues.push({ file: shown, message: `file name "${slug}" must be a URL slug: ${ID_HINT}` });
        continue;
      }
      const first = slugs.get(slug);
      if (first) {
        issues.push({ file: shown, message: `duplicate slug "${slug}": ${first} and ${shown} would both be /articles/${slug}/` });
        continue;
      }
      if (!checkName('slug', slug, shown, slugKeys)) continue;
      slugs.set(slug, shown);
      const read = readFrontmatter(file, shown, issues);
      if (!read) continue;
      const parsed = articleFrontmatterSchema.safeParse(read.data);
      if (!parsed.success) {
        issues.push(...schemaIssues(shown, parsed.error, read.data, read.lineOf));
        continue;
      }
      warnings.push(...unknownFields(shown, read.data, articleFields));
      const meta = parsed.data;
      let valid = true;
      // A list names each id with its place (author[1]); a single id is just `author`.
      const listed = Array.isArray(read.data.author);
      meta.author.forEach((authorId, index) => {
        if (authorIds.has(authorId)) return;
        valid = false;
        const authorFile = show(path.join(authorsDir, `${authorId}.md`));
        const line = listed ? read.lineOf(['author', index]) : undefined;
        issues.push({
          file: shown,
          field: listed ? `author[${index}]` : 'author',
          message:
            (knownAuthorFiles.has(authorId)
              ? `"${authorId}" refers to ${authorFile}, which has errors of its own`
              : `"${authorId}" is not a known author (${authorFile} not found)`) + (line ? ` (line ${line})` : ''),
        });
      });
      // A broken sections.yaml is reported once, not again by every article.
      if (sectionsValid && !sectionIds.has(meta.section)) {
        valid = false;
        issues.push({
          file: shown,
          field: 'section',
          message: `"${meta.section}" is not a known section (known: ${[...sectionIds].join(', ') || 'none'}; see ${show(sectionsFile)})`,
        });
      }
      const published = resolveIsoDate(meta.date, timeZone);
      const updated = meta.updated && resolveIsoDate(meta.updated, timeZone);
      if (updated && updatedBeforePublished(updated, published, timeZone)) {
        issues.push({ file: shown, field: 'updated', message: 'is earlier than date' });
        valid = false;
      }
      const label = meta.label === undefined ? undefined : labels.find((known) => known.toLowerCase() === meta.label!.toLowerCase());
      if (meta.label !== undefined && label === undefined) {
        const line = read.lineOf(['label']);
        issues.push({
          file: shown,
          field: 'label',
          message: `"${meta.label}" is not one of the labels in the settings (allowed: ${labels.join(', ') || 'none'}; see labels in src/settings.ts)${line ? ` (line ${line})` : ''}`,
        });
        valid = false;
      }
      const corrections = (meta.corrections ?? []).map((correction) => ({ ...resolveIsoDate(correction.date, timeZone), text: correction.text }));
      corrections.forEach((correction, index) => {
        if (!updatedBeforePublished(correction, published, timeZone)) return;
        const line = read.lineOf(['corrections', index, 'date']);
        issues.push({ file: shown, field: `corrections[${index}].date`, message: `is earlier than date${line ? ` (line ${line})` : ''}` });
        valid = false;
      });
      // Before the body goes to a worker or the cache: a body that would stall the parser is refused with its line in the file.
      const unrenderable = findUnrenderable(read.body);
      if (unrenderable) {
        issues.push({ file: shown, field: 'body', message: unrenderable.shifted(read.bodyLineOffset).message });
        continue;
      }
      const state: PublicationState = buildTime
        ? publicationState({ draft: meta.draft, published: published.date }, buildTime)
        : meta.draft
          ? { state: 'draft' }
          : { state: 'published' };
      if (state.state === 'embargoed') embargoed.push({ slug, at: state.until });
      if (state.state !== 'published' && !includeUnpublished) leftOut.add(slug);
      else if (meta.related && meta.related.length > 0) {
        const related = meta.related;
        relatedPins.push({ slug, shown, related, lines: related.map((_, index) => read.lineOf(['related', index])), published: state.state === 'published' });
      }
      // Left out here, before its body, pictures, lists or the similarity model see it: a public build holds no trace of it.
      if (state.state !== 'published' && !includeUnpublished) continue;
      const access = meta.access ?? settings.defaultAccess;
      chunk.push({
        order,
        slug,
        shown,
        file,
        bodyLineOffset: read.bodyLineOffset,
        leadImage: meta.image && images.lead(meta.image, file, typeset),
        meta,
        published,
        updated,
        corrections,
        label,
        access,
        valid,
        state,
        job: {
          markdown: read.body,
          access: edition === 'subscribers' ? 'free' : access,
          title: meta.title,
          standfirst: meta.standfirst,
          tags: meta.tags,
        },
      });
      if (chunk.length >= CHUNK) {
        // One chunk in the workers while this thread validates the next.
        await inFlight;
        inFlight = processChunk(chunk);
        // Awaited before the next chunk or at the end; until then a failure must not count as unhandled.
        inFlight.catch(() => {});
        chunk = [];
      }
    }
    await inFlight;
    await processChunk(chunk);
  } finally {
    await runner.close();
  }
  issues.push(...checkRelatedPins(relatedPins, new Map(articles.map((article) => [article.id, article.data])), leftOut, new Set(slugs.keys())));
  if (issues.length > 0) {
    // Body problems were found a chunk later than the file's other problems: put every report back in file order.
    const rank = (issue: ContentIssue) => fileOrder.get(issue.file) ?? -1;
    throw new ContentError(issues.map((issue, index) => ({ issue, index })).sort((a, b) => rank(a.issue) - rank(b.issue) || a.index - b.index).map(({ issue }) => issue));
  }
  cache.prune();
  const listsStarted = performance.now();

  // Lists under every article, computed once for the whole archive.
  const lists = articleLists(
    articles.map(({ id, data }) => ({
      id,
      date: data.date,
      author: data.author,
      authors: data.authors,
      section: data.section,
      related: data.related,
      similar: !data.hideFromSimilar,
    })),
    similarity,
    settings.lists,
  );
  for (const article of articles) {
    const { similar, moreFromAuthor } = lists.get(article.id) ?? { similar: [], moreFromAuthor: [] };
    article.data.similar = similar;
    article.data.moreFromAuthor = moreFromAuthor;
  }
  const phases = { articles: listsStarted - articlesStarted, lists: performance.now() - listsStarted };
  return {
    sections,
    authors,
    articles,
    warnings,
    sealedCount,
    bodies: { cached: cache.stats.hits, rendered },
    phases,
    images: images.jobs(),
    nextEmbargo: nextEmbargo(embargoed),
  };
}

/**
 * Each `related` pin must name another article published in this build: a
 * draft or embargoed piece would leave a hole (or a leak) in the public list.
 * A draft may pin another unpublished piece, since neither is public.
 * Files with errors of their own (in `onDisk`, not read) are reported there.
 */
function checkRelatedPins(
  pins: readonly { slug: string; shown: string; related: readonly string[]; lines: readonly (number | undefined)[]; published: boolean }[],
  read: ReadonlyMap<string, { draft?: boolean | undefined; embargoedUntil?: Date | undefined }>,
  leftOut: ReadonlySet<string>,
  onDisk: ReadonlySet<string>,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  for (const { slug, shown, related, lines, published } of pins) {
    related.forEach((target, index) => {
      const data = read.get(target);
      let message: string | undefined;
      if (target === slug) message = `"${target}" is this article itself; pin other stories`;
      else if (data?.draft || data?.embargoedUntil || leftOut.has(target)) {
        if (published) {
          message = data?.draft
            ? `"${target}" is a draft; pin published stories only`
            : data?.embargoedUntil
              ? `"${target}" is under embargo until ${data.embargoedUntil.toISOString()}; pin published stories only`
              : `"${target}" is not published in this build (a draft, or under embargo); pin published stories only`;
        }
      } else if (!data && !onDisk.has(target)) message = `"${target}" is not a known article (no articles/**/${target}.md)`;
      if (!message) return;
      const line = lines[index];
      issues.push({ file: shown, field: `related[${index}]`, message: line ? `${message} (line ${line})` : message });
    });
  }
  return issues;
}
