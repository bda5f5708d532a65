/**
 * The edge on a server of the paper's own (a VPS, a container): a small
 * Node HTTP server over the built folder, making the same decision as the
 * CDN adapters. Plain `node:http`, no framework. Start it with
 * `npm run subscribers:serve -- dist --port 8080`, behind a TLS proxy (the
 * session cookie is `Secure`).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { EDGE_CONFIG_FILE, parseEdgeConfig, type EdgeConfig } from './config.ts';
import { isPrivatePath } from './decide.ts';
import { edgeKeys, type EdgeKeys } from './token.ts';
import { handleEdgeRequest } from './web.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** The private prefix when the settings do not name another. */
export const DEFAULT_PREFIX = '_subscribers';

export interface NodeEdgeOptions {
  /** The built site (`dist/`), with the private prefix in it. */
  root: string;
  /** The private prefix's folder, to find `edge.json` in. Default `_subscribers`. */
  prefix?: string | undefined;
  /** The HS256 secret; default `MASTHEAD_EDGE_SECRET` from the environment. */
  secret?: string | undefined;
  /** Keys to use instead of the secret and the configured JWKS address (tests). */
  keys?: EdgeKeys;
  /** The clock (tests). */
  now?: () => Date;
}

/** The configuration the build wrote beside the subscriber pages. A folder built without the edge is refused. */
export function readEdgeConfig(root: string, prefix = DEFAULT_PREFIX): EdgeConfig {
  const file = path.join(root, prefix, EDGE_CONFIG_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: build the site with the edge on (subscribers.edge.enabled, or EDGE=on npm run build)`);
  }
  return parseEdgeConfig(text);
}

/**
 * A file of the site by its path, as a static host serves it: a folder's
 * `index.html`, a folder without its slash redirected, `..` refused. Never a
 * file outside `root`.
 */
export function staticAsset(root: string, config: EdgeConfig, sitePath: string, request: Request): Response {
  const url = new URL(sitePath, 'http://site.invalid');
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return new Response('Bad request', { status: 400 });
  }
  if (!relative.startsWith(config.base)) return new Response('Not found', { status: 404 });
  relative = relative.slice(config.base.length);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(`${root}${path.sep}`)) return new Response('Not found', { status: 404 });
  let target = file;
  let stat = statOf(target);
  if (stat?.isDirectory()) {
    if (!url.pathname.endsWith('/')) return new Response(null, { status: 301, headers: { Location: `${url.pathname}/${url.search}` } });
    target = path.join(target, 'index.html');
    stat = statOf(target);
  }
  if (!stat?.isFile()) return new Response('Not found', { status: 404 });
  const headers = { 'Content-Type': TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream', 'Content-Length': String(stat.size) };
  const body = request.method === 'HEAD' ? null : (Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>);
  return new Response(body, { status: 200, headers });
}

function statOf(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** The request as a web `Request`: the URL as the reader asked for it (Host header), method and headers. */
function webRequest(req: IncomingMessage): Request {
  const host = req.headers.host ?? 'localhost';
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const each of Array.isArray(value) ? value : [value]) headers.append(name, each);
  }
  return new Request(`http://${host}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  if (!response.body) return void res.end();
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

/** A Node HTTP server over a built site, with the edge's decision in front. Not listening yet. */
export function createEdgeServer(options: NodeEdgeOptions): Server {
  const root = path.resolve(options.root);
  const config = readEdgeConfig(root, options.prefix);
  const keys = options.keys ?? edgeKeys(config, options.secret ?? process.env.MASTHEAD_EDGE_SECRET);
  const asset = async (sitePath: string, request: Request) => {
    // Belt and braces: the decision never names the prefix for a public page, and this server never serves it unasked.
    let own: string;
    try {
      own = decodeURIComponent(new URL(sitePath, 'http://site.invalid').pathname).slice(config.base.length);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    if (isPrivatePath(own, config.prefix) && !sitePath.startsWith(`${config.base}${config.prefix}/articles/`)) {
      return new Response('Not found', { status: 404 });
    }
    return staticAsset(root, config, sitePath, request);
  };
  return createServer((req, res) => {
    const request = webRequest(req);
    handleEdgeRequest(request, { config, keys, asset, ...(options.now ? { now: options.now() } : {}) })
      .then((response) => send(response, res))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Server error');
      });
  });
}
