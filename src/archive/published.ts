import path from 'node:path';
import { buildSlot } from '../context/build-context';
import type { ContentError } from '../errors/content-issue';
import type { FrontPins } from '../lib/front-plan';
import type { TagTexts } from '../schemas/tags-file';
import { offerPicturePlan } from '../pictures/plan-channel';
import { bodyDigest, bodyOf } from './body-cache';
import type { Archive, ArchiveArticle, ArchiveOptions, ArticleBody } from './types';

export type { ArticleBody } from './types';


/** One read of the content folder as the loader published it, with the options it was read with. */
export interface PublishedArchive {
  archive: Archive;
  options: ArchiveOptions;
}

interface ArchiveSlot {
  latest?: PublishedArchive;
  /** The latest read's articles by id, for their bodies. */
  bodies: Map<string, ArchiveArticle>;
  /** The problems of the latest read in `astro dev`, which every page shows until a read is clean. */
  devError?: ContentError | undefined;
  listeners: Set<(published: PublishedArchive) => void>;
}

declare module '../context/build-context' {
  interface BuildSlots {
    /** The latest read of the content folder: for pages (bodies, front pins, the dev error) and for integrations. */
    archive: ArchiveSlot;
  }
}

const slot = () => buildSlot('archive', () => ({ bodies: new Map(), listeners: new Set() }));

/**
 * Publishes a read of the content folder to the rest of the build. Bodies go
 * here rather than into Astro's data store, which is one JSON document
 * written and read whole: with every article's HTML in it, a large archive
 * passes V8's longest string and the build dies. A body is read (from the
 * cache folder, in a build with one) when its page asks for it. Integrations get the read
 * at once, to work while the pages render: the picture integration its plan
 * (each edition keeps its own picture cache), listeners (`onArchive`, search)
 * the whole read.
 */
export function publishArchive(published: PublishedArchive): void {
  const current = slot();
  current.latest = published;
  current.bodies = new Map(published.archive.articles.map((article) => [article.id, article]));
  const { cacheDir, edition = 'public' } = published.options;
  offerPicturePlan({
    jobs: published.archive.images,
    cacheDir: cacheDir && path.join(cacheDir, 'images', edition),
    ...(published.archive.sealedFiles ? { sealed: published.archive.sealedFiles } : {}),
  });
  for (const listener of current.listeners) listener(published);
}

/** Calls `listener` with each read the loader publishes; returns a function that stops listening. */
export function onArchive(listener: (published: PublishedArchive) => void): () => void {
  const { listeners } = slot();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The latest read published in this build, if any. */
export function latestArchive(): PublishedArchive | undefined {
  return slot().latest;
}

/** The body of an article, for its page. Throws if the loader has not read it: a page must never render empty. */
export function articleBody(id: string): ArticleBody {
  return bodyOf(readArticle(id));
}

/** A digest of the body of an article (for its page's key): the same body, the same digest, without reading it again. */
export function articleBodyDigest(id: string): string {
  const article = readArticle(id);
  return article.bodyDigest ?? bodyDigest(articleBody(id));
}

function readArticle(id: string): ArchiveArticle {
  const article = slot().bodies.get(id);
  if (!article) throw new Error(`Masthead: no body for article "${id}"; the content loader did not read it in this process`);
  return article;
}

/** The front page's pins from `front.yaml` in the latest read; none before one. */
export function frontPins(): FrontPins {
  return slot().latest?.archive.front ?? {};
}

/** Tags' display names and standfirsts from `tags.yaml` in the latest read, by slug; none before one. */
export function tagTexts(): Record<string, TagTexts> {
  return slot().latest?.archive.tagTexts ?? {};
}

/** Records the problems of the latest read in `astro dev`, or clears them (`undefined`) after a clean one. */
export function setDevContentError(error: ContentError | undefined): void {
  slot().devError = error;
}

/** The problems of the latest read in `astro dev`, if it had any. */
export function devContentError(): ContentError | undefined {
  return slot().devError;
}
