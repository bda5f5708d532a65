import { existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Where the files live that `astro dev` must never hand out. */
export interface GuardedPaths {
  /** The project root (Astro's and Vite's root). */
  root: string;
  /** The content folder in use (`CONTENT_DIR`, default `content/`). */
  contentDir: string;
  /** `PAYWALL_KEYS_FILE`, when set. */
  keysFile?: string | undefined;
  /** Masthead's cache (`MASTHEAD_CACHE_DIR`, default `node_modules/.cache/masthead`), when on. */
  cacheDir?: string | undefined;
}

/** Vite's own defaults, which a `deny` list of ours would otherwise replace. */
const VITE_DEFAULT_DENY = ['.env', '.env.*', '*.{crt,pem,key,p12,pfx,cer,der}', '.npmrc', '.yarnrc.yml', '**/.git/**'];

/** Key rings by their usual name (`paywall.keys`), wherever they are. */
const KEY_FILE = /\.keys$/i;
const ENV_FILE = /^\.env(\..*)?$/i;

/** A path as a picomatch pattern that matches only itself. */
function literal(file: string): string {
  return file.split(path.sep).join('/').replace(/[\\*?[\]{}()!+@|]/g, '\\$&');
}

/** The only folders whose files pages load in `astro dev`: sources, public files, packages. */
function servedFolders({ root }: GuardedPaths): string[] {
  return ['src', 'public', 'node_modules'].map((folder) => path.join(root, folder));
}

/** The folders whose files and their contents no dev-server URL may reach. */
function guardedFolders({ root, contentDir, cacheDir }: GuardedPaths): string[] {
  return [
    // Masthead's cache, under node_modules/ by default: after a subscriber-edition build it holds whole
    // articles (rendered bodies, pictures, Astro's data store and the last build's pages).
    ...(cacheDir ? [cacheDir] : []),
    contentDir,
    // The sample folder and the private checkout, whichever CONTENT_DIR says.
    path.join(root, 'content'),
    path.join(root, 'private-content'),
    // Astro's data store when Masthead's cache is off: after a subscriber-edition build it holds whole articles.
    path.join(root, '.astro'),
    path.join(root, 'node_modules', '.astro'),
  ];
}

/**
 * Vite's `server.fs` for `astro dev`: strict, serving only the folders pages
 * need (`src/`, `public/`, `node_modules/`; Vite adds its own client), and
 * denying content folders, the private checkout, Astro's data store, key rings
 * and `.env` files even there. Vite checks these for `/@fs/` URLs, plain file
 * URLs and `?raw`/`?url`/`?inline` imports; `devServerGuard` covers the rest.
 */
export function devServerFs(paths: GuardedPaths): { strict: true; allow: string[]; deny: string[] } {
  const { keysFile } = paths;
  return {
    strict: true,
    allow: servedFolders(paths),
    deny: [
      ...VITE_DEFAULT_DENY,
      '*.keys',
      ...guardedFolders(paths).flatMap((folder) => [literal(folder), `${literal(folder)}/**`]),
      ...(keysFile ? [literal(keysFile)] : []),
    ],
  };
}

function isInside(folder: string, file: string): boolean {
  // Case and Unicode form are ignored: macOS and Windows would serve `/Content/` from `content/`.
  const key = (value: string) => path.resolve(value).normalize('NFC').toLowerCase();
  const relative = path.relative(key(folder), key(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** True when `file` (absolute) is one `astro dev` must never serve, in any form. */
export function isGuardedFile(paths: GuardedPaths, file: string): boolean {
  const name = path.basename(file);
  return (
    guardedFolders(paths).some((folder) => isInside(folder, file)) ||
    (paths.keysFile !== undefined && isInside(paths.keysFile, file)) ||
    // By name only when such a file exists, so a page like /articles/why.keys/ still works.
    ((KEY_FILE.test(name) || ENV_FILE.test(name)) && existsSync(file))
  );
}

/**
 * The files a request URL could be asking for: under the root, under the
 * root without the base path, and after `/@fs/` (an absolute path), however
 * the URL is encoded or prefixed with `/@id/`. `real` adds where symlinks lead.
 */
export function requestedFiles(url: string, { root, base = '/' }: { root: string; base?: string }): { named: string[]; real: string[] } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return { named: [], real: [] };
  }
  pathname = pathname.replace(/^\/{2,}/, '/');
  while (pathname.startsWith('/@id/')) pathname = pathname.slice('/@id'.length);
  const named = new Set<string>();
  if (pathname.startsWith('/@fs/')) named.add(path.resolve(pathname.slice('/@fs'.length).replace(/^\/([A-Za-z]:)/, '$1')));
  named.add(path.join(root, pathname));
  if (base !== '/' && pathname.startsWith(base)) named.add(path.join(root, pathname.slice(base.length - 1)));
  const real = [...named].flatMap((file) => {
    try {
      return existsSync(file) ? [realpathSync(file)] : [];
    } catch {
      return []; // Unreadable: Vite cannot serve it either.
    }
  });
  return { named: [...named], real };
}

/**
 * True when `astro dev` must answer a request URL with 404: it reaches a
 * guarded file (by any name or symlink), or a file that exists outside the
 * `served` folders (Vite's resolved `server.fs.allow`, which adds its client). Vite compiles `x.md?import` from anywhere under the root
 * without checking `server.fs`, so the second rule is what keeps fixtures,
 * build outputs and stray Markdown out. Page URLs name no file and pass.
 */
export function refusesRequest(
  paths: GuardedPaths,
  url: string,
  { base = '/', served = servedFolders(paths) }: { base?: string; served?: readonly string[] } = {},
): boolean {
  const { named, real } = requestedFiles(url, { root: paths.root, base });
  if ([...named, ...real].some((file) => isGuardedFile(paths, file))) return true;
  return named.some((file) => isExistingFile(file) && !served.some((folder) => isInside(folder, file)));
}

function isExistingFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * A Vite plugin for `astro dev` that answers 404 to any request for a guarded
 * file, whatever the URL trick: `/content/...`, `/@fs/<path>`, `/@id/...`,
 * `?raw`, and `?import`, which Vite would compile (a Markdown file with every
 * paid word) without checking `server.fs`. Pages are served from routes, never
 * from these files, so nothing the site needs is refused.
 */
export function devServerGuard(paths: GuardedPaths): Plugin {
  return {
    name: 'masthead:dev-server-guard',
    apply: 'serve',
    configureServer(server) {
      const base = server.config.base || '/';
      const served = server.config.server.fs.allow;
      // Added here, not in a returned hook, so it runs before Vite's and Astro's own middleware.
      server.middlewares.use((request, response, next) => {
        if (refusesRequest(paths, request.url ?? '/', { base, served })) {
          response.statusCode = 404;
          response.setHeader('Content-Type', 'text/plain; charset=utf-8');
          response.end('Not found\n');
          return;
        }
        next();
      });
    },
  };
}
