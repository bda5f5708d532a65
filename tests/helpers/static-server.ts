import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Content types a static host sends, by file extension. */
const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

export interface StaticServerOptions {
  /** URL prefix the site is served under, e.g. `/paper/` (default `/`). */
  basePath?: string;
  /**
   * Extra response headers for a URL path (`/admin/`), as a host adds them from
   * its rules: e.g. the Content-Security-Policy values `_headers` gives that path
   * (a list sends the header once per value, and the browser enforces each).
   */
  headers?: (urlPath: string) => Record<string, string | string[]>;
}

export interface StaticServer {
  /** Origin plus base path, without a trailing slash: `${url}/articles/x/` is a page URL. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

/** `/paper`, `paper/`, `/paper/` → `/paper/`; empty or `/` → `/`. */
function normaliseBase(basePath = '/'): string {
  const trimmed = basePath.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/** Types a host compresses on the way out (Netlify, Cloudflare and nginx with `gzip on` all do). */
const COMPRESSED = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;

/**
 * The `Cache-Control` a host that reads the site's `_headers` sends for a
 * site path (`/_astro/x.css`): the last rule that matches and sets one, where
 * `/x/*` matches what starts with `/x/` and any other pattern the path itself.
 */
function cacheControlRule(headers: string | undefined, sitePath: string): string | undefined {
  if (!headers) return undefined;
  let matches = false;
  let value: string | undefined;
  for (const line of headers.split('\n')) {
    if (line.startsWith('/')) {
      const pattern = line.trim();
      matches = pattern.endsWith('/*') ? sitePath.startsWith(pattern.slice(0, -1)) : sitePath === pattern;
    } else if (matches && /^\s+Cache-Control:/i.test(line)) {
      value = line.slice(line.indexOf(':') + 1).trim();
    }
  }
  return value;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Serves a built site folder on 127.0.0.1 (ephemeral port) the way a static
 * host does: `/x/` → `x/index.html`, `/x` → redirect to `/x/` when `x` is a
 * folder, `/x` → `x.html` when that exists, anything else → the site's
 * `404.html` with status 404. Only GET and HEAD are answered. Like a host,
 * it compresses text for a client that accepts gzip, and sends the
 * `Cache-Control` of the site's `_headers` where a rule gives one (hashed
 * assets for a year), `no-cache` elsewhere.
 */
export async function startStaticServer(root: string, options: StaticServerOptions = {}): Promise<StaticServer> {
  const rootDir = path.resolve(root);
  const base = normaliseBase(options.basePath);

  const headersFile = path.join(rootDir, '_headers');
  const siteHeaders = existsSync(headersFile) ? readFileSync(headersFile, 'utf8') : undefined;

  const send = (req: IncomingMessage, res: ServerResponse, status: number, file: string) => {
    const type = contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const urlPath = new URL(req.url ?? '/', 'http://localhost').pathname;
    const sitePath = urlPath.startsWith(base) ? `/${urlPath.slice(base.length)}` : urlPath;
    const gzip = COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    const body = gzip ? gzipSync(readFileSync(file)) : undefined;
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': body ? body.length : statSync(file).size,
      ...(body ? { 'Content-Encoding': 'gzip' } : {}),
      ...(COMPRESSED.test(type) ? { Vary: 'Accept-Encoding' } : {}),
      'Cache-Control': (status === 200 && cacheControlRule(siteHeaders, sitePath)) || 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      ...options.headers?.(urlPath),
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    if (body) res.end(body);
    else createReadStream(file).pipe(res);
  };

  const notFound = (req: IncomingMessage, res: ServerResponse) => {
    const page = path.join(rootDir, '404.html');
    if (existsSync(page)) {
      send(req, res, 404, page);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    }
  };

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed');
      return;
    }
    const requestUrl = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(requestUrl.pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Bad request');
      return;
    }
    if (pathname.includes('\0')) return notFound(req, res);

    // The base path itself without its slash: send visitors to the slashed form.
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: `${base}${requestUrl.search}` });
      res.end();
      return;
    }
    if (!pathname.startsWith(base)) return notFound(req, res);

    const relative = pathname.slice(base.length);
    const target = path.resolve(rootDir, `./${relative}`);
    // No escaping the folder with `..` or encoded slashes.
    if (target !== rootDir && !target.startsWith(rootDir + path.sep)) return notFound(req, res);

    if (isDirectory(target)) {
      if (!pathname.endsWith('/')) {
        res.writeHead(301, { Location: `${requestUrl.pathname}/${requestUrl.search}` });
        res.end();
        return;
      }
      const index = path.join(target, 'index.html');
      return isFile(index) ? send(req, res, 200, index) : notFound(req, res);
    }
    if (isFile(target)) return send(req, res, 200, target);
    if (!pathname.endsWith('/') && isFile(`${target}.html`)) return send(req, res, 200, `${target}.html`);
    return notFound(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: `${origin}${base.slice(0, -1)}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
