/**
 * The decision carried out with web-standard `Request` and `Response`, for
 * every adapter: Cloudflare Workers, Netlify Edge Functions and the Node
 * server differ only in how they fetch a file of the deploy (`asset`).
 */
import type { EdgeConfig } from './config.ts';
import { decide, type Decision, type EdgeHeaders } from './decide.ts';
import { METER_MARK, meterNote, meterSpentNote } from './meter.ts';
import type { EdgeKeys } from './token.ts';

export interface EdgeHandlerOptions {
  config: EdgeConfig;
  keys: EdgeKeys;
  /**
   * A file of the deploy, by its path on the site (`/articles/x/`, `/_subscribers/articles/x/`, `/404.html`),
   * as the host's static file server answers it. `request` is the reader's, for its method and conditional headers.
   */
  asset: (path: string, request: Request) => Promise<Response>;
  /** The time; default now. */
  now?: Date;
  /** Called with each decision (for logs and tests). */
  onDecision?: (decision: Decision) => void;
}

/** A response with `headers` set over its own; `Vary` is added to, never replaced. */
function withHeaders(response: Response, headers: EdgeHeaders, status = response.status): Response {
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'vary' && merged.has('Vary')) {
      const present = new Set(merged.get('Vary')!.split(',').map((each) => each.trim().toLowerCase()));
      const added = value.split(',').map((each) => each.trim()).filter((each) => !present.has(each.toLowerCase()));
      if (added.length) merged.set('Vary', [merged.get('Vary'), ...added].join(', '));
    } else {
      merged.set(name, value);
    }
  }
  return new Response(status === 304 || status === 204 ? null : response.body, { status, statusText: status === response.status ? response.statusText : '', headers: merged });
}

/** The site's 404 page with status 404, or a plain one when the deploy has none. */
async function notFound(options: EdgeHandlerOptions, request: Request, headers: EdgeHeaders): Promise<Response> {
  const get = new Request(request.url, { method: 'GET' });
  let page = await options.asset(`${options.config.base}404.html`, get).catch(() => undefined);
  // Cloudflare's assets answer `/404.html` with a redirect to `/404`: follow it once, on the same site.
  const location = page && page.status >= 300 && page.status < 400 ? page.headers.get('Location') : null;
  if (location && location.startsWith('/') && !location.startsWith('//')) page = await options.asset(location, get).catch(() => undefined);
  const body = page && page.status === 200 ? page.body : 'Not found';
  const type = page && page.status === 200 ? (page.headers.get('Content-Type') ?? 'text/html; charset=utf-8') : 'text/plain; charset=utf-8';
  return new Response(request.method === 'HEAD' ? null : body, { status: 404, headers: { 'Content-Type': type, ...headers } });
}

/** An HTML page with the meter's marker replaced by `html` (the page is read whole: pages are small). */
async function withMeterNote(response: Response, html: string): Promise<Response> {
  if (response.status !== 200 || !response.body || !(response.headers.get('Content-Type') ?? '').includes('text/html')) return response;
  const text = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('Content-Length');
  headers.delete('ETag');
  return new Response(text.replace(METER_MARK, html), { status: 200, headers });
}

/** The path and query of a request, as the static server should see them. */
const ownPath = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

/**
 * Answers one request: decides, then fetches the file the decision names.
 * Never throws for a reader's input; a failing `asset` is the host's error.
 */
export async function handleEdgeRequest(request: Request, options: EdgeHandlerOptions): Promise<Response> {
  const decision = await decide(
    { url: request.url, method: request.method, cookie: request.headers.get('Cookie'), authorization: request.headers.get('Authorization') },
    options.config,
    options.keys,
    options.now ?? new Date(),
  );
  options.onDecision?.(decision);
  switch (decision.serve) {
    case 'not-found':
      return notFound(options, request, decision.headers);
    case 'redirect':
      return new Response(null, { status: decision.status, headers: { Location: decision.location, 'Set-Cookie': decision.setCookie, ...decision.headers } });
    case 'subscriber': {
      const page = await options.asset(decision.path, request);
      // 304: the reader's browser already holds this very subscriber page.
      if (page.status === 200 || page.status === 304) {
        const headers = new Headers(page.headers);
        headers.delete('Cache-Control');
        // Counted on the meter only now that the page is known to be a paywalled article's.
        if (decision.meter?.allowed && decision.meter.setCookie) headers.append('Set-Cookie', decision.meter.setCookie);
        const response = withHeaders(new Response(page.body, { status: page.status, headers }), decision.headers);
        return decision.meter?.allowed ? withMeterNote(response, meterNote(decision.meter.left, decision.meter.free)) : response;
      }
      // No subscriber page (a free article, or none written): the public one, still private to this reader.
      await page.body?.cancel();
      const fallback = await options.asset(ownPath(request), request);
      const headers = new Headers(fallback.headers);
      headers.delete('Cache-Control');
      return withHeaders(new Response(fallback.body, { status: fallback.status, headers }), decision.headers);
    }
    case 'public': {
      const page = await options.asset(ownPath(request), request);
      const response = Object.keys(decision.headers).length ? withHeaders(page, decision.headers) : page;
      return decision.meter && !decision.meter.allowed ? withMeterNote(response, meterSpentNote(decision.meter.free)) : response;
    }
  }
}
