/**
 * The edge on Netlify: an Edge Function on every path. Netlify runs edge
 * functions again for a `fetch` of the site's own pages, so the function
 * reaches the private prefix (the subscriber page, `edge.json`) with an
 * internal header: an HMAC of the path under `MASTHEAD_EDGE_SECRET`, which no
 * reader can make. A request for the prefix without it is the decision's 404.
 * Set-up: docs/subscribers.md, "Netlify".
 */
import { EDGE_CONFIG_FILE, parseEdgeConfig, type EdgeConfig } from './config.ts';
import { isPrivatePath } from './decide.ts';
import { edgeKeys, MIN_SECRET_LENGTH, type EdgeKeys } from './token.ts';
import { handleEdgeRequest } from './web.ts';

/** The part of Netlify's `Context` the function uses. */
export interface NetlifyContext {
  /** The static file (or next function) for this very request. */
  next(): Promise<Response>;
}

/** What the handler needs from its runtime: the secret, the prefix, and `fetch` (the tests give a simulated one). */
export interface NetlifyEdgeOptions {
  secret: string | undefined;
  prefix?: string | undefined;
  fetch?: typeof fetch;
  now?: () => Date;
}

/** The header of the function's own requests to the private prefix. */
export const INTERNAL_HEADER = 'X-Masthead-Edge';

async function internalMark(secret: string, path: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`masthead:edge-internal:v1:${path}`));
  return [...new Uint8Array(mac)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Equal strings, compared in time that does not depend on where they differ. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

/** A handler for Netlify's runtime, with its configuration read once (through the internal header). */
export function createNetlifyHandler(options: NetlifyEdgeOptions): (request: Request, context: NetlifyContext) => Promise<Response> {
  const prefix = options.prefix || '_subscribers';
  const secret = options.secret && options.secret.length >= MIN_SECRET_LENGTH ? options.secret : undefined;
  const fetchImpl = options.fetch ?? fetch;
  let loaded: Promise<{ config: EdgeConfig; keys: EdgeKeys }> | undefined;

  const internalFetch = async (path: string, request: Request): Promise<Response> => {
    if (!secret) return new Response('Not found', { status: 404 });
    const pathname = new URL(path, request.url).pathname;
    const headers = new Headers(request.headers);
    headers.set(INTERNAL_HEADER, await internalMark(secret, pathname));
    return fetchImpl(new Request(new URL(path, request.url), { method: request.method === 'HEAD' ? 'HEAD' : 'GET', headers, redirect: 'manual' }));
  };
  const load = async (request: Request) => {
    const response = await internalFetch(`/${prefix}/${EDGE_CONFIG_FILE}`, request);
    if (!response.ok) throw new Error(`/${prefix}/${EDGE_CONFIG_FILE}: ${response.status}`);
    const config = parseEdgeConfig(await response.text());
    return { config, keys: edgeKeys(config, secret) };
  };

  return async (request, context) => {
    const url = new URL(request.url);
    const mark = request.headers.get(INTERNAL_HEADER);
    if (mark !== null) {
      // The function's own request for a private file: served as it is, only with the right mark for this path.
      if (secret && sameText(mark, await internalMark(secret, url.pathname))) return context.next();
      return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
    }
    let state: { config: EdgeConfig; keys: EdgeKeys };
    try {
      state = await (loaded ??= load(request));
    } catch (error) {
      loaded = undefined;
      console.error('masthead edge: no configuration (is MASTHEAD_EDGE_SECRET set?), serving the public site only', error);
      let path = url.pathname;
      try {
        path = decodeURIComponent(path);
      } catch {
        return new Response('Not found', { status: 404 });
      }
      if (path.split('/').some((segment) => isPrivatePath(segment, prefix))) return new Response('Not found', { status: 404 });
      return context.next();
    }
    const own = `${url.pathname}${url.search}`;
    return handleEdgeRequest(request, {
      ...state,
      ...(options.now ? { now: options.now() } : {}),
      asset: (path, original) => (path === own ? context.next() : internalFetch(path, original)),
    });
  };
}

/** Netlify's global in the edge runtime, when there. */
declare const Netlify: { env: { get(name: string): string | undefined } } | undefined;

const env = (name: string) => (typeof Netlify === 'undefined' ? undefined : Netlify?.env.get(name));

/** The Edge Function Netlify runs (`netlify/edge-functions/masthead.ts` re-exports it with `config`). */
export default createNetlifyHandler({ secret: env('MASTHEAD_EDGE_SECRET'), prefix: env('MASTHEAD_EDGE_PREFIX') });

/** Every path: the function decides, and lets the static files through. */
export const config = { path: '/*' };
