/**
 * `content/front.yaml`: the editor's hand on the front page. Optional; when
 * present it pins the lead story and an ordered list of top stories, and the
 * slots it leaves fill by date as without it:
 *
 * ```yaml
 * lead: council-votes-to-close-harbour-baths
 * top:
 *   - first-dredger-arrives-as-port-costs-rise
 *   - kilnbank-readers-rally-for-library
 * ```
 *
 * Pure: the caller reads the file and says what each slug is.
 */

/** What the editor pinned. */
export interface FrontPins {
  /** The lead story's slug. */
  lead?: string | undefined;
  /** Top stories' slugs, in the order they are shown after the lead. */
  top?: readonly string[] | undefined;
}

/** What a pinned slug names, in this build: `published`, held back (with why), or no article at all. */
export type SlugStatus = { state: 'published' } | { state: 'held'; why: string } | { state: 'unknown' };

/** One problem in front.yaml: the field (`lead`, `top.1`) and why. */
export interface FrontPlanIssue {
  field: string;
  message: string;
  line?: number | undefined;
}

const FIELDS = ['lead', 'top'];

/**
 * Checks the parsed YAML of front.yaml and returns the pins, or every problem
 * with its field: not a mapping of `lead` and `top`, a slug that is no
 * article, one that is not published in this build (a draft, or embargoed),
 * the same story pinned twice.
 */
export function parseFrontPlan(
  data: unknown,
  status: (slug: string) => SlugStatus,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): { pins: FrontPins; issues: FrontPlanIssue[] } {
  const issues: FrontPlanIssue[] = [];
  const issue = (path: readonly (string | number)[], message: string) => issues.push({ field: path.join('.'), message, line: lineOf(path) });
  if (data === null || data === undefined) return { pins: {}, issues };
  if (typeof data !== 'object' || Array.isArray(data)) {
    issues.push({ field: 'the file', message: 'must be a mapping with lead: <slug> and top: [<slug>, …]' });
    return { pins: {}, issues };
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!FIELDS.includes(key)) issue([key], `is not a front.yaml field (known: ${FIELDS.join(', ')})`);

  const seen = new Map<string, string>();
  const pinned = (path: (string | number)[], value: unknown): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '') {
      issue(path, 'must be an article slug (its file name without .md)');
      return undefined;
    }
    const slug = value.trim();
    const field = path.join('.');
    const first = seen.get(slug);
    if (first) {
      issue(path, `"${slug}" is already pinned as ${first}; pin a story once`);
      return undefined;
    }
    seen.set(slug, field);
    const found = status(slug);
    if (found.state === 'unknown') {
      issue(path, `"${slug}" is not an article (no articles/**/${slug}.md)`);
      return undefined;
    }
    if (found.state === 'held') {
      issue(path, `"${slug}" ${found.why}, so it cannot be on the front page; pin it once it is published`);
      return undefined;
    }
    return slug;
  };

  const lead = record.lead === undefined ? undefined : pinned(['lead'], record.lead);
  let top: string[] | undefined;
  if (record.top !== undefined) {
    if (!Array.isArray(record.top)) issue(['top'], 'must be a list of article slugs');
    else top = record.top.map((value, index) => pinned(['top', index], value)).filter((slug): slug is string => slug !== undefined);
  }
  return { pins: { ...(lead ? { lead } : {}), ...(top ? { top } : {}) }, issues };
}
