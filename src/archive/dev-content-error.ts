import type { ContentError } from './errors';

/**
 * The content problems of the last read in `astro dev`, for the pages to show.
 * A build stops at a `ContentError`; the dev server stays up instead, so the
 * newsroom can fix the file, and every page throws the error, which Astro's
 * error overlay shows in the browser with each file and field. The loader and
 * the pages share one process but not always one module instance (see
 * `article-bodies.ts`), hence `globalThis` under a registered symbol.
 */
const KEY = Symbol.for('masthead.dev-content-error');

type Holder = typeof globalThis & { [KEY]?: ContentError | undefined };

/** Records the problems of the latest read in `astro dev`, or clears them (`undefined`) after a clean one. */
export function setDevContentError(error: ContentError | undefined): void {
  (globalThis as Holder)[KEY] = error;
}

/** The problems of the latest read in `astro dev`, if it had any. */
export function devContentError(): ContentError | undefined {
  return (globalThis as Holder)[KEY];
}
