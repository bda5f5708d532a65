/**
 * Whether an article is out yet: drafts never are, and an article dated after
 * the build's "now" is under embargo until that instant. Pure: the build time
 * is passed in (see `resolveBuildTime`), never read from the clock.
 */

/** Where an article stands at a build: out, a draft, or embargoed until its date. */
export type PublicationState = { state: 'published' } | { state: 'draft' } | { state: 'embargoed'; until: Date };

/**
 * The state of an article whose publication instant is `published` (a bare
 * date already resolved to the start of its day in the paper's zone, see
 * `resolveIsoDate`). An article dated exactly at the build time is out: the
 * embargo lifts at that instant, not a minute later.
 */
export function publicationState(article: { draft?: boolean | undefined; published: Date }, buildTime: Date): PublicationState {
  if (article.draft) return { state: 'draft' };
  if (article.published.getTime() > buildTime.getTime()) return { state: 'embargoed', until: article.published };
  return { state: 'published' };
}

/**
 * A waiting time for a build log: `3 h 20 min`, `2 d 4 h`, `45 min`, `less than a minute`.
 * Rounded up to the minute, so a piece due in 30 s is not announced as due "in 0 min".
 */
export function formatWait(milliseconds: number): string {
  const minutes = Math.ceil(Math.max(0, milliseconds) / 60_000);
  if (minutes === 0) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** The build log's line for the next embargoed piece: `next embargo: <slug> at <ISO> (in 3 h 20 min)`. */
export function nextEmbargoLine(next: { slug: string; at: Date }, buildTime: Date): string {
  return `next embargo: ${next.slug} at ${next.at.toISOString()} (in ${formatWait(next.at.getTime() - buildTime.getTime())})`;
}

/**
 * The embargoed piece that falls due first, ties by slug so the log is the
 * same on every build; `undefined` when nothing waits.
 */
export function nextEmbargo(pieces: Iterable<{ slug: string; at: Date }>): { slug: string; at: Date } | undefined {
  let first: { slug: string; at: Date } | undefined;
  for (const piece of pieces) {
    if (!first || piece.at.getTime() < first.at.getTime() || (piece.at.getTime() === first.at.getTime() && piece.slug < first.slug)) first = piece;
  }
  return first;
}
