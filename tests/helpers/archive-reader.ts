import path from 'node:path';
import { afterEach } from 'vitest';
import { readArchive, type Archive } from '../../src/archive/read-archive';
import { article, contentFolder, type ContentChange } from './content-folder';

type ReaderSettings = Parameters<typeof readArchive>[0]['settings'];

/**
 * A reader of the helper's valid content folder with changes, in a public
 * build at `buildTime` unless told otherwise. Call it at the top of a test
 * file: it removes the folders it made after each test.
 */
export function archiveReader(settings: ReaderSettings, buildTime: Date) {
  let cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const cleanup of cleanups) cleanup();
    cleanups = [];
  });
  return async (changes: Record<string, ContentChange>, options: { includeUnpublished?: boolean } = {}): Promise<Archive> => {
    const { dir, cleanup } = contentFolder(changes);
    cleanups.push(cleanup);
    return readArchive({ contentDir: dir, displayRoot: path.dirname(dir), settings, buildTime, cacheDir: undefined, ...options });
  };
}

/** An article about the harbour crane, so that pieces written this way surely count in each other's lists. */
export const aboutCrane = (title: string, date: string, extra: Record<string, string> = {}) =>
  article({ title, date, tags: '[harbour, crane]', ...extra }, `The harbour crane ${title.toLowerCase()} at the east quay.\n\nThe quay crane rail was checked.\n`);

/** Three published crane stories, a day apart. */
export const cranes = {
  'articles/crane-a.md': aboutCrane('Crane arrives', '2026-06-01'),
  'articles/crane-b.md': aboutCrane('Crane tested', '2026-06-02'),
  'articles/crane-c.md': aboutCrane('Crane painted', '2026-06-03'),
};
