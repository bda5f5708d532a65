import path from 'node:path';
import { IssueCollector } from '../../errors/content-issue';
import { smartenText } from '../../lib/typography';
import { DEFAULT_LABELS } from '../../schemas/settings';
import { createArchiveImages, type ArchiveImages } from '../../pictures/archive-pictures';
import type { ArchiveOptions } from '../types';
import { createYamlMemo, type YamlMemo } from '../yaml-memo';

/** What every stage of one read of the content folder shares: its options with defaults, paths, and where problems go. */
export interface ReadContext {
  contentDir: string;
  displayRoot: string;
  settings: ArchiveOptions['settings'] & { timeZone: string; locale: string; labels: readonly string[] };
  edition: 'public' | 'subscribers';
  sealWith: NonNullable<ArchiveOptions['sealWith']>;
  /** True when cut articles are sealed whole for subscriber keys. */
  sealing: boolean;
  /** True when cut articles' whole HTML is kept for the edge's private subscriber pages. */
  keepWhole: boolean;
  basePath: string;
  cacheDir: string | undefined;
  threads: number;
  buildTime: Date | undefined;
  includeUnpublished: boolean;
  paths: { sectionsFile: string; authorsDir: string; articlesDir: string };
  /** A path as messages show it: relative to the project, or absolute outside it. */
  show: (file: string) => string;
  /** Frontmatter text as readers see it: typographic quotes, apostrophes, dashes and ellipses. */
  typeset: (text: string) => string;
  issues: IssueCollector;
  /** The pictures of this read: found, measured, and made by the picture integration. */
  images: ArchiveImages;
  /** Frontmatter parsed clean in the last build, by its text (`yaml-memo.ts`). */
  yaml: YamlMemo;
}

/** A path relative to `root` with `/` separators, or the path itself outside it. */
export function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}

export function createReadContext(options: ArchiveOptions): ReadContext {
  const { contentDir, displayRoot, edition = 'public', sealWith = [], basePath = '/' } = options;
  const locale = options.settings.locale ?? 'en-GB';
  const show = (file: string) => displayPath(displayRoot, file);
  return {
    contentDir,
    displayRoot,
    settings: { ...options.settings, timeZone: options.settings.timeZone ?? 'Europe/London', locale, labels: options.settings.labels ?? DEFAULT_LABELS },
    edition,
    sealWith,
    sealing: edition === 'public' && sealWith.length > 0,
    keepWhole: edition === 'public' && options.keepWhole === true,
    basePath,
    cacheDir: options.cacheDir,
    threads: options.threads ?? 1,
    buildTime: options.buildTime,
    includeUnpublished: options.includeUnpublished ?? false,
    paths: {
      sectionsFile: path.join(contentDir, 'sections.yaml'),
      authorsDir: path.join(contentDir, 'authors'),
      articlesDir: path.join(contentDir, 'articles'),
    },
    show,
    typeset: (text) => smartenText(text, locale),
    issues: new IssueCollector(),
    images: createArchiveImages({ contentDir, publicDir: options.publicDir ?? path.join(displayRoot, 'public'), basePath, show }),
    yaml: createYamlMemo(options.cacheDir),
  };
}
