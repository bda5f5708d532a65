/**
 * Old addresses to new ones: every imported post's permalink on the old site
 * to its page here, as a `_redirects` file (Netlify, Cloudflare Pages) and as
 * nginx `location` blocks. Pure: rules in, text out, and the matching a host
 * does, for tests.
 */

export interface Redirect {
  /** The old path, starting with `/` (a query such as `/?p=12` kept). */
  from: string;
  /** The new address, site-relative. */
  to: string;
}

/** The path of an old permalink (`https://old.example/2013/01/hello/` → `/2013/01/hello/`), or `undefined` when it has none worth redirecting. */
export function oldPath(permalink: string): string | undefined {
  let url: URL;
  try {
    url = new URL(permalink, 'https://relative.invalid');
  } catch {
    return undefined;
  }
  const path = `${url.pathname}${url.search}`;
  if (path === '/' || path === '') return undefined;
  return path;
}

/**
 * Rules for a set of posts: one per old path, the path with and without its
 * trailing slash (hosts differ on which they match), and never a rule from
 * an address to itself. Sorted, so a second run writes the same file.
 */
export function redirectRules(pairs: readonly Redirect[]): Redirect[] {
  const rules = new Map<string, string>();
  for (const { from, to } of pairs) {
    if (!from.startsWith('/') || from.includes(' ') || to.includes(' ')) continue;
    const variants = from.includes('?') ? [from] : from.endsWith('/') && from.length > 1 ? [from, from.slice(0, -1)] : [from, `${from}/`];
    for (const variant of variants) {
      if (variant === to || `${variant}/` === to) continue;
      rules.set(variant, to);
    }
  }
  return [...rules].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([from, to]) => ({ from, to }));
}

const HEADER = '# Redirects from the old site, written by `npm run import`. Lines you add are kept on the next import.';

/** The `_redirects` file: `from to 301` a line. */
export function redirectsFile(rules: readonly Redirect[]): string {
  const lines = rules.filter((rule) => !rule.from.includes('?')).map((rule) => `${rule.from} ${rule.to} 301`);
  return `${HEADER}\n${lines.join('\n')}\n`;
}

/** The same rules for nginx, to paste into the server block. Queries (`/?p=12`) become a `map` on `$request_uri`. */
export function nginxRedirects(rules: readonly Redirect[]): string {
  const plain = rules.filter((rule) => !rule.from.includes('?'));
  const queried = rules.filter((rule) => rule.from.includes('?'));
  const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;
  const lines = ['# Redirects from the old site, written by `npm run import`: include in the server block.'];
  for (const rule of plain) lines.push(`location = ${quote(rule.from)} { return 301 ${quote(rule.to)}; }`);
  if (queried.length > 0) {
    lines.push('# Old addresses with a query (?p=12): put this map in the http block, and the if in the server block.');
    lines.push('# map $request_uri $masthead_redirect {');
    for (const rule of queried) lines.push(`#   ${quote(rule.from)} ${quote(rule.to)};`);
    lines.push('# }');
    lines.push('# if ($masthead_redirect) { return 301 $masthead_redirect; }');
  }
  return `${lines.join('\n')}\n`;
}

/** The rules of a `_redirects` file (comments and blank lines skipped), as a host reads them. */
export function parseRedirects(text: string): Redirect[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((line) => {
      const [from, to] = line.split(/\s+/);
      return from && to ? [{ from, to }] : [];
    });
}

/** Where a host sends `path`: the first rule for it, exactly as written. */
export function matchRedirect(rules: readonly Redirect[], path: string): string | undefined {
  return rules.find((rule) => rule.from === path)?.to;
}

/** Rules of an earlier run kept, this run's rules added or updated: an import never drops a redirect. */
export function mergeRedirects(earlier: readonly Redirect[], now: readonly Redirect[]): Redirect[] {
  const byFrom = new Map(earlier.map((rule) => [rule.from, rule.to]));
  for (const rule of now) byFrom.set(rule.from, rule.to);
  return redirectRules([...byFrom].map(([from, to]) => ({ from, to })));
}
