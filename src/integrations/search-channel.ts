/**
 * Hands search records from the content loader to the Pagefind integration.
 *
 * Both run in the one `astro build` process, but not in one module graph:
 * Astro loads `astro.config.mjs` (and so the integration) through one Vite
 * instance and `src/content.config.ts` (and so the loader) through another,
 * each with its own copy of every module, so a module-level variable here
 * would be two variables. `globalThis` is the one object both copies see;
 * `Symbol.for` gives both the same key, and a symbol keeps it out of the way
 * of anything else on the global object.
 *
 * The integration opens the channel only in a build of the public edition;
 * elsewhere (`astro dev`, `astro check`, the subscriber edition, unit tests)
 * nobody listens and the loader builds no records at all.
 */
import type { SearchRecord } from '../lib/search-records';

/** Takes every public article's record, once per archive read. */
export type SearchRecordReceiver = (records: readonly SearchRecord[]) => void;

const CHANNEL = Symbol.for('masthead.search-records');
const holder = globalThis as { [CHANNEL]?: SearchRecordReceiver };

/** Listens for the loader's records; returns a function that stops listening. */
export function receiveSearchRecords(receiver: SearchRecordReceiver): () => void {
  holder[CHANNEL] = receiver;
  return () => {
    if (holder[CHANNEL] === receiver) delete holder[CHANNEL];
  };
}

/**
 * Gives the records to the integration if one is listening, and says whether
 * one was. `build` runs only then, so builds without search pay nothing.
 */
export function offerSearchRecords(build: () => readonly SearchRecord[]): boolean {
  const receiver = holder[CHANNEL];
  if (!receiver) return false;
  receiver(build());
  return true;
}
