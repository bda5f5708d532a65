import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import type { Edition } from '../lib/build-env';
import { moreFromAuthor } from '../lib/lists';
import { sealArticle, serializeEnvelope } from '../lib/paywall/envelope';
import type { SubscriberKey } from '../lib/paywall/keys';
import { createSimilarityIndex } from '../lib/related/similar-stories';
import { createBodyProcessor, renderBody } from '../markdown/pipeline';
import { FreeLimitError } from '../markdown/split-at-free-limit';
import { articleFrontmatterSchema, type StoredArticle } from '../schemas/article';
import { authorFrontmatterSchema, type StoredAuthor } from '../schemas/author';
import { ID_HINT, ID_PATTERN } from '../schemas/id';
import { sectionsFileSchema, type Section } from '../schemas/section';
import type { Settings } from '../schemas/settings';
import { ContentError, type ContentIssue } from './errors';
import { FrontmatterError, splitFrontmatter } from './frontmatter';

export interface ArchiveOptions {
  /** Absolute path of the content folder. */
  contentDir: string;
  /** Paths in messages are shown relative to this folder (the project root). */
  displayRoot: string;
  settings: Pick<Settings, 'freeParagraphs' | 'defaultAccess' | 'lists'>;
  /** `subscribers` renders every article whole, for the subscriber edition. Default `public`. */
  edition?: Edition;
  /** Public edition only: seal each paid part for these subscriber keys. Default none. */
  sealWith?: readonly SubscriberKey[];
  /** The site's base path, for site-relative links in bodies. Default `/`. */
  basePath?: string;
}

export interface Entry<T> {
  id: string;
  data: T;
}

export interface ArchiveArticle extends Entry<StoredArticle> {
  /** Sanitised HTML of the free part only. */
  html: string;
}

export interface Archive {
  sections: Section[];
  authors: Entry<StoredAuthor>[];
  articles: ArchiveArticle[];
  /** Things worth a look that do not stop the build, e.g. unknown frontmatter fields. */
  warnings: string[];
  /** How many paid parts were sealed for subscriber keys. */
  sealedCount: number;
}

const articleFields = Object.keys(articleFrontmatterSchema.shape);


/**
 * Lists `.md` files under `dir`, recursively, sorted so builds are repeatable.
 * Names starting with `_` or `.` (drafts, notes, folders like `_templates`) are
 * skipped, as Astro skips them.
 */
function markdownFiles(dir: string, recursive: boolean): string[] {
  return readdirSync(dir, { recursive, withFileTypes: true })
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => /^[_.]/.test(part)))
    .sort();
}

/** Turns zod issues into our messages, telling "missing" apart from "wrong". */
function schemaIssues(file: string, error: z.ZodError, data: unknown, root = 'frontmatter'): ContentIssue[] {
  return error.issues.map((issue) => {
    let value: unknown = data;
    for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
    const missing = issue.path.length > 0 && (value === undefined || value === null);
    return { file, field: issue.path.map(String).join('.') || root, message: missing ? 'is required' : issue.message };
  });
}

/** Reads the YAML frontmatter of a file, or records why it cannot. */
function readFrontmatter(
  file: string,
  shown: string,
  issues: ContentIssue[],
): { data: Record<string, unknown>; body: string; bodyLineOffset: number } | undefined {
  try {
    const { data, body, bodyLineOffset } = splitFrontmatter(readFileSync(file, 'utf8'));
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      issues.push({ file: shown, field: 'frontmatter', message: 'must be a YAML mapping of fields (key: value)' });
      return undefined;
    }
    return { data: data as Record<string, unknown>, body, bodyLineOffset };
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
}: ArchiveOptions): Promise<Archive> {
  const sealing = edition === 'public' && sealWith.length > 0;
  const show = (file: string) => {
    const relative = path.relative(displayRoot, file);
    return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
  };
  const issues: ContentIssue[] = [];
  const warnings: string[] = [];

  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    throw new ContentError([{ file: show(contentDir), message: 'is not a folder (check CONTENT_DIR)' }]);
  }
  const sectionsFile = path.join(contentDir, 'sections.yaml');
  const authorsDir = path.join(contentDir, 'authors');
  const articlesDir = path.join(contentDir, 'articles');
  for (const [required, hint] of [
    [sectionsFile, 'a YAML list of { id, name, description }'],
    [authorsDir, 'a folder with one <id>.md per author'],
    [articlesDir, 'a folder of <slug>.md articles'],
  ] as const) {
    if (!existsSync(required)) issues.push({ file: show(required), message: `is missing (expected ${hint})` });
  }
  if (issues.length > 0) throw new ContentError(issues);

  // Sections.
  let sections: Section[] = [];
  let sectionsValid = true;
  try {
    const raw: unknown = parseYaml(readFileSync(sectionsFile, 'utf8')) ?? [];
    const parsed = sectionsFileSchema.safeParse(raw);
    if (parsed.success) sections = parsed.data;
    else {
      sectionsValid = false;
      issues.push(...schemaIssues(show(sectionsFile), parsed.error, raw, 'the file'));
    }
  } catch (error) {
    sectionsValid = false;
    issues.push({ file: show(sectionsFile), message: `is not valid YAML (${(error as Error).message.split('\n')[0]})` });
  }
  const sectionIds = new Set<string>();
  sections.forEach((section, index) => {
    if (sectionIds.has(section.id))
      issues.push({ file: show(sectionsFile), field: `${index}.id`, message: `"${section.id}" is listed twice` });
    sectionIds.add(section.id);
  });

  // Authors.
  const processor = createBodyProcessor({ freeParagraphs: settings.freeParagraphs, keepPaid: sealing, basePath });
  const authors: Entry<StoredAuthor>[] = [];
  for (const file of markdownFiles(authorsDir, false)) {
    const shown = show(file);
    const id = path.basename(file, '.md');
    if (!ID_PATTERN.test(id)) {
      issues.push({ file: shown, message: `file name "${id}" must be an author id: ${ID_HINT}` });
      continue;
    }
    const read = readFrontmatter(file, shown, issues);
    if (!read) continue;
    const parsed = authorFrontmatterSchema.safeParse(read.data);
    if (!parsed.success) {
      issues.push(...schemaIssues(shown, parsed.error, read.data));
      continue;
    }
    warnings.push(...unknownFields(shown, read.data, Object.keys(authorFrontmatterSchema.shape)));
    const bio = renderBody(processor, read.body, 'free');
    authors.push({ id, data: { ...parsed.data, bioHtml: bio.html, source: shown } });
  }
  const authorIds = new Set(authors.map((author) => author.id));
  const knownAuthorFiles = new Set(markdownFiles(authorsDir, false).map((file) => path.basename(file, '.md')));

  // Articles: validate, render the free part, feed the similarity model.
  const similarity = createSimilarityIndex({ limit: settings.lists.similar });
  const articles: ArchiveArticle[] = [];
  const slugs = new Map<string, string>();
  for (const name of readdirSync(articlesDir, { recursive: true }) as string[]) {
    // A near-miss extension is almost always a mistake a newsroom wants to hear about.
    if (/\.(md|markdown|mdx|mdown)$/i.test(name) && !name.endsWith('.md') && !/(^|[\\/])[_.]/.test(name))
      warnings.push(`${show(path.join(articlesDir, name))}: ignoring this file: articles must end in .md`);
  }
  for (const file of markdownFiles(articlesDir, true)) {
    const shown = show(file);
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
    slugs.set(slug, shown);
    const read = readFrontmatter(file, shown, issues);
    if (!read) continue;
    const parsed = articleFrontmatterSchema.safeParse(read.data);
    if (!parsed.success) {
      issues.push(...schemaIssues(shown, parsed.error, read.data));
      continue;
    }
    warnings.push(...unknownFields(shown, read.data, articleFields));
    const meta = parsed.data;
    let valid = true;
    if (!authorIds.has(meta.author)) {
      valid = false;
      const authorFile = show(path.join(authorsDir, `${meta.author}.md`));
      issues.push({
        file: shown,
        field: 'author',
        message: knownAuthorFiles.has(meta.author)
          ? `"${meta.author}" refers to ${authorFile}, which has errors of its own`
          : `"${meta.author}" is not a known author (${authorFile} not found)`,
      });
    }
    // A broken sections.yaml is reported once, not again by every article.
    if (sectionsValid && !sectionIds.has(meta.section)) {
      valid = false;
      issues.push({
        file: shown,
        field: 'section',
        message: `"${meta.section}" is not a known section (known: ${[...sectionIds].join(', ') || 'none'}; see ${show(sectionsFile)})`,
      });
    }
    if (meta.updated && meta.updated < meta.date) {
      issues.push({ file: shown, field: 'updated', message: 'is earlier than date' });
      valid = false;
    }
    const access = meta.access ?? settings.defaultAccess;
    let body;
    try {
      body = renderBody(processor, read.body, edition === 'subscribers' ? 'free' : access);
    } catch (error) {
      const message =
        error instanceof FreeLimitError
          ? error.shifted(read.bodyLineOffset).message
          : `could not be rendered (${(error as Error).message.split('\n')[0]}); look for deeply nested HTML, lists or quotes`;
      issues.push({ file: shown, field: 'body', message });
      continue;
    }
    if (!valid) continue;
    const sealed =
      sealing && body.paidHtml !== undefined
        ? serializeEnvelope(await sealArticle({ articleId: slug, html: body.paidHtml, keys: sealWith }))
        : undefined;
    similarity.add({
      id: slug,
      title: meta.title,
      standfirst: meta.standfirst,
      tags: meta.tags,
      section: meta.section,
      date: meta.date,
      body: body.fullText,
    });
    articles.push({
      id: slug,
      html: body.html,
      data: {
        title: meta.title,
        author: meta.author,
        section: meta.section,
        date: meta.date,
        ...(meta.updated ? { updated: meta.updated } : {}),
        ...(meta.image ? { image: meta.image, imageAlt: meta.imageAlt } : {}),
        standfirst: meta.standfirst,
        tags: meta.tags,
        access,
        cut: body.cut,
        ...(sealed ? { sealed } : {}),
        source: shown,
        moreFromAuthor: [],
        similar: [],
      },
    });
  }
  if (issues.length > 0) throw new ContentError(issues);

  // Lists under every article, computed once for the whole archive.
  const similar = similarity.compute();
  const byAuthor = moreFromAuthor(
    articles.map(({ id, data }) => ({ id, date: data.date, author: data.author })),
    settings.lists.moreFromAuthor,
  );
  for (const article of articles) {
    article.data.similar = similar.get(article.id) ?? [];
    article.data.moreFromAuthor = byAuthor.get(article.id) ?? [];
  }
  const sealedCount = articles.filter((article) => article.data.sealed).length;
  return { sections, authors, articles, warnings, sealedCount };
}
