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
import type { IssueArgs, IssueCode } from '../errors/catalogue';
import { contentIssue, type ContentIssue } from '../errors/content-issue';

/** What the editor pinned. */
export interface FrontPins {
  /** The lead story's slug. */
  lead?: string | undefined;
  /** Top stories' slugs, in the order they are shown after the lead. */
  top?: readonly string[] | undefined;
}

/** What a pinned slug names, in this build: `published`, held back (with why), or no article at all. */
export type SlugStatus = { state: 'published' } | { state: 'held'; why: string } | { state: 'unknown' };

/** One problem in front.yaml: the field (`lead`, `top.1`), a code of the catalogue, and its line when known. */
export type FrontPlanIssue = Omit<ContentIssue, 'file'>;

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
  const issue = <C extends IssueCode>(path: readonly (string | number)[], code: C, ...args: IssueArgs<C> extends Record<string, never> ? [] : [IssueArgs<C>]) => {
    const { file: _file, ...rest } = contentIssue(code, { file: '', field: path.join('.'), line: lineOf(path) }, ...args);
    issues.push(rest);
  };
  if (data === null || data === undefined) return { pins: {}, issues };
  if (typeof data !== 'object' || Array.isArray(data)) {
    issue([], 'front-not-mapping');
    return { pins: {}, issues };
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) if (!FIELDS.includes(key)) issue([key], 'front-unknown-field', { known: FIELDS });

  const seen = new Map<string, string>();
  const pinned = (path: (string | number)[], value: unknown): string | undefined => {
    if (typeof value !== 'string' || value.trim() === '') {
      issue(path, 'front-not-slug');
      return undefined;
    }
    const slug = value.trim();
    const field = path.join('.');
    const first = seen.get(slug);
    if (first) {
      issue(path, 'front-pinned-twice', { slug, first });
      return undefined;
    }
    seen.set(slug, field);
    const found = status(slug);
    if (found.state === 'unknown') {
      issue(path, 'front-unknown-article', { slug });
      return undefined;
    }
    if (found.state === 'held') {
      issue(path, 'front-held', { slug, why: found.why });
      return undefined;
    }
    return slug;
  };

  const lead = record.lead === undefined ? undefined : pinned(['lead'], record.lead);
  let top: string[] | undefined;
  if (record.top !== undefined) {
    if (!Array.isArray(record.top)) issue(['top'], 'front-top-not-list');
    else top = record.top.map((value, index) => pinned(['top', index], value)).filter((slug): slug is string => slug !== undefined);
  }
  return { pins: { ...(lead ? { lead } : {}), ...(top ? { top } : {}) }, issues };
}
