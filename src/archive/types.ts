import type { ContentIssue } from '../errors/content-issue';
import type { ImageJob } from '../pictures/process-images';
import type { SealedFiles } from '../pictures/sealed-files';
import type { Edition } from '../context/env';
import type { FrontPins } from '../lib/front-plan';
import type { TagTexts } from '../schemas/tags-file';
import type { SubscriberKey } from '../subscribers/keys';
import type { StoredArticle } from '../schemas/article';
import type { StoredAuthor } from '../schemas/author';
import type { Section } from '../schemas/section';
import type { Settings } from '../schemas/settings';

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
  /**
   * Public edition only: keep each cut article's whole HTML (`whole`) for the subscriber pages written
   * under the edge's private prefix (src/edge/). Default false.
   */
  keepWhole?: boolean;
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

/** An article's body as its page prints it: kept out of Astro's data store (see `published.ts`). */
export interface ArticleBody {
  /** Sanitised HTML of the free part (the whole text for a free article, or in the subscriber edition). */
  html: string;
  /** The whole article sealed for subscriber keys (envelope JSON), in a keyed public build. */
  sealed?: string;
  /** The whole article's HTML, in clear, for the edge's private subscriber page (`keepWhole`). Never on a public page. */
  whole?: string;
}

/**
 * An article of a read. In a read with a cache folder, `html`, `sealed` and
 * `whole` are read from their file in the cache each time they are asked for, so the
 * archive never holds every body at once (`body-cache.ts`, `putPage`).
 */
export interface ArchiveArticle extends Entry<StoredArticle>, ArticleBody {
  /** A digest of the body (`html`, `sealed`, `whole`): the same body, the same digest. Set by the read; computed when absent. */
  bodyDigest?: string;
}

/** One read of the content folder: everything the site is built from, and nothing of the paid text but sealed. */
export interface Archive {
  sections: Section[];
  authors: Entry<StoredAuthor>[];
  articles: ArchiveArticle[];
  /** The front page's pins, from `front.yaml` (none without one). */
  front: FrontPins;
  /** Tags' display names and standfirsts from `tags.yaml`, typeset, by tag slug (none without one). */
  tagTexts: Record<string, TagTexts>;
  /** Things worth a look that do not stop the build, e.g. unknown frontmatter fields. */
  warnings: ContentIssue[];
  /** How many paid parts were sealed for subscriber keys. */
  sealedCount: number;
  /** Bodies taken from the cache, and bodies rendered, in this read. */
  bodies: { cached: number; rendered: number };
  /** Milliseconds spent reading articles with their bodies, and computing the lists. */
  phases: { articles: number; lists: number };
  /** True when the lists are the last build's, nothing they are computed from having changed (`stages/lists.ts`). */
  listsKept?: boolean;
  /** Every picture file the pages reference (never one from after a free limit in a public build). */
  images: ImageJob[];
  /** In a keyed build, the sealed files of paid pictures the sealed articles name (ciphertext only). */
  sealedFiles?: SealedFiles;
  /** The embargoed article that falls due first, when `buildTime` was given and one waits. */
  nextEmbargo?: { slug: string; at: Date } | undefined;
}
