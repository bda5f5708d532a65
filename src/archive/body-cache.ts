import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Edition } from '../context/env';
import type { AnalysedDoc } from '../similar-stories/similar-stories';
import type { CutWarning } from '../free-limit/errors';
import type { BodyImage } from '../pictures/rehype-figures';
import type { BodyJob } from './body-step';
import type { ArchiveArticle, ArticleBody } from './types';

/**
 * What a build keeps of one article body between builds. In a public build:
 * the free HTML only, the analysed terms (stems and counts, no text) and, with
 * keys, the sealed envelope (ciphertext). Paid text in clear only ever enters
 * the subscriber edition's own cache, which a public build never reads.
 */
export interface CachedBody {
  html: string;
  cut: boolean;
  analysed: AnalysedDoc;
  /** The envelope JSON, in a keyed public build. */
  sealed?: string;
  /** The whole article in clear, for the edge's private pages: only in the cache folder of the subscriber edition (see bodies.ts). */
  whole?: string;
  /** The local pictures of `html` (free part only in a public build), whose placeholders each build fills. */
  images: BodyImage[];
  /**
   * With `sealed` or `whole`: the free part's local pictures the envelope (or whole page) shows, and a fingerprint of
   * the files of every picture it shows (paid ones included, when sealed with it), to tell when one changed.
   */
  sealedPictures?: { images: BodyImage[]; fingerprint: string };
  /** With `sealed`: the names of the sealed files of its paid pictures (ciphertext, in the sealed store: `src/pictures/sealed-files.ts`). */
  sealedFiles?: string[];
  /** With `sealed` and paid pictures: their list (`BodyImage[]`), itself sealed for the same keys (article id `<slug>:pictures`), never in clear here. */
  paidPictures?: string;
  /** What the writer should know about the cut, lines within the body: reported again on every build that reads this entry. */
  warnings?: CutWarning[];
}

export interface BodyCache {
  /** The entry's key: the body, the fields the step reads, and everything else the result depends on. */
  keyFor(job: BodyJob): string;
  get(key: string): CachedBody | undefined;
  set(key: string, value: CachedBody): void;
  /**
   * Keeps a body as its page prints it (pictures filled in) until the pages
   * are written, and returns its digest: a file of the cache, so that the
   * build never holds every article's HTML at once; in memory without a cache
   * folder. The same body is one file, written once. With `entryKey`, the
   * cache entry of that key (`set` or found in this build) holds this very
   * body (`html`, `sealed`, `whole`): that entry serves, and nothing is written.
   */
  putPage(body: ArticleBody, entryKey?: string): string;
  /** A body kept by `putPage`, read again from its file. Throws when the file is gone: a page must never render empty. */
  getPage(digest: string): ArticleBody;
  /** The file `getPage` reads a digest's body from; `undefined` without a cache folder (bodies are then in memory). */
  pageFile(digest: string): string | undefined;
  /** Removes this configuration's entries that this build did not use, and other configurations' unused for a week. */
  prune(): void;
  /** Entries found / written in this build. */
  readonly stats: { hits: number; writes: number };
}

export interface BodyCacheOptions {
  /** The cache's folder (`node_modules/.cache/masthead`), or `undefined` for no cache. */
  dir: string | undefined;
  edition: Edition;
  /**
   * Everything besides the job that the result depends on: the pipeline's
   * version, the settings it reads, the base path, and a fingerprint of the
   * subscriber keys (never the keys).
   */
  salt: string;
}

/** A configuration's entries are removed once no build has used them for this long. */
const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The digest of a body as its page prints it: the same body, the same digest (also the name of its file in the cache). */
export function bodyDigest(body: ArticleBody): string {
  return sha256(`page\0${body.sealed === undefined && body.whole === undefined ? body.html : JSON.stringify([body.html, body.sealed ?? null, body.whole ?? null])}`);
}

/**
 * A content-addressed cache of body results, one small JSON file per body
 * under `<dir>/<edition>/`. Writes go through a temporary file and a rename,
 * so an interrupted build leaves no half entry; an unreadable entry is a miss.
 */
export function createBodyCache({ dir, edition, salt }: BodyCacheOptions): BodyCache {
  const prefix = sha256(`${edition}\0${salt}`);
  // One folder per edition and configuration: pruning one never touches another's entries.
  const editionRoot = dir ? path.join(dir, edition) : undefined;
  const root = editionRoot ? path.join(editionRoot, prefix.slice(0, 16)) : undefined;
  const used = new Set<string>();
  const stats = { hits: 0, writes: 0 };
  const fileOf = (key: string) => path.join(root!, key.slice(0, 2), `${key}.json`);
  const write = (key: string, value: unknown) => {
    const file = fileOf(key);
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(value));
    renameSync(temporary, file);
  };
  /** Page bodies of this read when there is no cache folder. */
  const pages = new Map<string, ArticleBody>();

  return {
    stats,
    keyFor: (job) =>
      sha256(`${prefix}\0${JSON.stringify([job.access, job.title, job.standfirst, job.tags])}\0${job.markdown}`),
    get: (key) => {
      if (!root) return undefined;
      used.add(key);
      try {
        const value = JSON.parse(readFileSync(fileOf(key), 'utf8')) as CachedBody;
        stats.hits++;
        return value;
      } catch {
        return undefined;
      }
    },
    set: (key, value) => {
      if (!root) return;
      used.add(key);
      write(key, value);
      stats.writes++;
    },
    putPage: (body, entryKey) => {
      if (root && entryKey !== undefined && used.has(entryKey)) return entryKey;
      const digest = bodyDigest(body);
      if (!root) pages.set(digest, body);
      else {
        // Named by its digest: a file that is there holds this body (files are only ever renamed into place whole).
        if (!used.has(digest) && !existsSync(fileOf(digest))) write(digest, body);
        used.add(digest);
      }
      return digest;
    },
    getPage: (digest) => {
      const kept = root ? readPage(fileOf(digest)) : pages.get(digest);
      if (!kept) throw new Error(`Masthead: an article body kept for its page is gone from the cache (${root ? fileOf(digest) : 'memory'}); was the cache folder removed during the build? Build again.`);
      return kept;
    },
    pageFile: (digest) => (root ? fileOf(digest) : undefined),
    prune: () => {
      if (!root || !editionRoot) return;
      try {
        pruneFolders(root, editionRoot, used);
      } catch {
        // Tidying is best effort: another build may be pruning the same cache right now.
      }
    },
  };
}

/**
 * Removes this configuration's entries that the build did not use, marks the
 * configuration as used today, and removes other configurations (an old
 * pipeline version, another base path) once unused for a week.
 */
function pruneFolders(root: string, editionRoot: string, used: ReadonlySet<string>): void {
  for (const shard of safeList(root)) {
    for (const name of safeList(path.join(root, shard))) {
      if (!used.has(name.replace(/\.json$/, ''))) rmSync(path.join(root, shard, name), { recursive: true, force: true });
    }
  }
  const now = new Date();
  if (existsSync(root)) utimesSync(root, now, now);
  for (const other of safeList(editionRoot)) {
    const folder = path.join(editionRoot, other);
    if (folder !== root && now.getTime() - statSync(folder).mtimeMs > STALE_AFTER_MS) rmSync(folder, { recursive: true, force: true });
  }
}

function readPage(file: string): ArticleBody | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ArticleBody;
  } catch {
    return undefined;
  }
}

/** How each kept article's body is read, in one read of its file. */
const bodyReaders = new WeakMap<ArchiveArticle, () => ArticleBody>();
/** The file each kept article's body is read from, when it is kept in the cache folder. */
const bodyFiles = new WeakMap<ArchiveArticle, string>();

/**
 * An article whose body is read through `getPage` each time it is asked for
 * (`html`, `sealed`, `whole`, or all at once with `bodyOf`), never held by the archive.
 */
export function keptArticle(
  id: string,
  data: ArchiveArticle['data'],
  digest: string,
  getPage: (digest: string) => ArticleBody,
  file?: string,
): ArchiveArticle {
  const article = { id, data, bodyDigest: digest } as ArchiveArticle;
  Object.defineProperty(article, 'html', { enumerable: true, get: () => getPage(digest).html });
  Object.defineProperty(article, 'sealed', { enumerable: true, get: () => getPage(digest).sealed });
  Object.defineProperty(article, 'whole', { enumerable: true, get: () => getPage(digest).whole });
  bodyReaders.set(article, () => getPage(digest));
  if (file !== undefined) bodyFiles.set(article, file);
  return article;
}

/**
 * The cache file a kept article's body is read from (a JSON object with `html`,
 * and `sealed` and `whole` when it has them), for a page thread to read it
 * itself; `undefined` for a body held in memory.
 */
export function bodyFileOf(article: ArchiveArticle): string | undefined {
  return bodyFiles.get(article);
}

/** An article's body as its page prints it: one read for a kept article. */
export function bodyOf(article: ArchiveArticle): ArticleBody {
  const { html, sealed, whole } = bodyReaders.get(article)?.() ?? article;
  return { html, ...(sealed === undefined ? {} : { sealed }), ...(whole === undefined ? {} : { whole }) };
}
