/**
 * `_headers` (Netlify, Cloudflare Pages) with a Content Security Policy of its
 * own for the editing screen. Hosts apply every rule that matches a path:
 * Cloudflare joins two policies into one header (the browser then enforces
 * both, the stricter wins) and Netlify keeps the later. Neither can loosen a
 * site-wide `/*` policy for `/admin/`, so the site's policy moves from `/*` to
 * one rule per top-level entry of the built site, every one but the editor's.
 */

const CSP = /^\s+Content-Security-Policy:\s*(.+)$/i;

/** The policy the editor (Sveltia CMS) needs, and no more: its own styles inline, GitHub's API, pictures as blobs. */
export function adminPolicy(authOrigin?: string): string {
  const connect = ["'self'", 'blob:', 'data:', 'https://api.github.com', ...(authOrigin ? [authOrigin] : [])];
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    // The CMS is a Svelte app that injects its component styles at run time.
    "style-src 'self' 'unsafe-inline'",
    // Pictures from the repository arrive as blobs; GitHub avatars and raw files over https.
    "img-src 'self' data: blob: https:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "worker-src 'self' blob:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** One top-level entry of the built site: `articles` (a folder) or `404.html` (a file). */
export interface TopLevelEntry {
  name: string;
  folder: boolean;
}

/**
 * `headers` (the text of `public/_headers`) with its site-wide policy given to
 * every top-level entry but `admin`, and the editor's policy on `admin/`.
 * `base` is the site's base path (`/` or `/paper/`). Unchanged when the file
 * has no site-wide policy to move.
 */
export function withAdminPolicy(headers: string, entries: readonly TopLevelEntry[], base: string, policy: string): string {
  const lines = headers.split('\n');
  let siteRule = false;
  let sitePolicy: string | undefined;
  const kept = lines.filter((line) => {
    if (/^\S/.test(line)) siteRule = line.trim() === '/*';
    const match = siteRule ? CSP.exec(line) : null;
    if (match) sitePolicy = match[1]!.trim();
    return !match;
  });
  if (!sitePolicy) return headers;
  const rule = (pattern: string, value: string) => `${pattern}\n  Content-Security-Policy: ${value}\n`;
  const paths = [
    base,
    ...entries
      .filter((entry) => entry.name !== 'admin' && !entry.name.startsWith('_headers'))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => (entry.folder ? `${base}${entry.name}/*` : `${base}${entry.name}`)),
  ];
  return [
    kept.join('\n').trimEnd(),
    '',
    '# The site’s Content Security Policy, on every path but the editing screen (added by the build: hosts',
    '# cannot loosen a /* policy for one folder, so it is given folder by folder).',
    ...paths.map((pattern) => rule(pattern, sitePolicy!)),
    '# The editing screen (Sveltia CMS): its own inline styles, and GitHub’s API for reading and committing files.',
    rule(`${base}admin/*`, policy),
  ].join('\n');
}
