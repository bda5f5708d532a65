/**
 * The Content-Security-Policy values a host that applies every matching
 * `_headers` rule (Cloudflare Pages) sends for `urlPath`: `/x/*` matches what
 * starts with `/x/`, any other pattern the path itself.
 */
export function policiesFor(headers: string, urlPath: string): string[] {
  const policies: string[] = [];
  let matches = false;
  for (const line of headers.split('\n')) {
    if (line.startsWith('/')) {
      const pattern = line.trim();
      matches = pattern.endsWith('/*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
    } else if (matches && /^\s+Content-Security-Policy:/.test(line)) {
      policies.push(line.slice(line.indexOf(':') + 1).trim());
    }
  }
  return policies;
}
