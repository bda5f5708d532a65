/**
 * The edge on Cloudflare: a Worker with static assets, run in front of every
 * request (`assets.run_worker_first`), serving `dist/` through the `ASSETS`
 * binding. Set-up: docs/subscribers.md, "Cloudflare". The secret is the
 * Worker's secret `MASTHEAD_EDGE_SECRET` (`wrangler secret put`).
 */
import { EDGE_CONFIG_FILE, parseEdgeConfig, type EdgeConfig } from './config.ts';
import { isPrivatePath } from './decide.ts';
import { edgeKeys, type EdgeKeys } from './token.ts';
import { handleEdgeRequest } from './web.ts';

/** What the Worker is given: the assets binding, and its secret and variables. */
export interface CloudflareEnv {
  ASSETS: { fetch(input: Request | URL | string, init?: RequestInit): Promise<Response> };
  /** The HS256 secret (a Worker secret). */
  MASTHEAD_EDGE_SECRET?: string;
  /** The private prefix's folder, when the settings name another than `_subscribers`. */
  MASTHEAD_EDGE_PREFIX?: string;
}

let loaded: Promise<{ config: EdgeConfig; keys: EdgeKeys }> | undefined;

/** The configuration the build wrote beside the subscriber pages, read once per isolate through the assets binding. */
async function load(env: CloudflareEnv, origin: string, prefix: string): Promise<{ config: EdgeConfig; keys: EdgeKeys }> {
  const response = await env.ASSETS.fetch(new URL(`/${prefix}/${EDGE_CONFIG_FILE}`, origin));
  if (!response.ok) throw new Error(`/${prefix}/${EDGE_CONFIG_FILE}: ${response.status}`);
  const config = parseEdgeConfig(await response.text());
  return { config, keys: edgeKeys(config, env.MASTHEAD_EDGE_SECRET) };
}

export default {
  async fetch(request: Request, env: CloudflareEnv): Promise<Response> {
    const prefix = env.MASTHEAD_EDGE_PREFIX || '_subscribers';
    let state: { config: EdgeConfig; keys: EdgeKeys };
    try {
      state = await (loaded ??= load(env, request.url, prefix));
    } catch (error) {
      loaded = undefined;
      console.error('masthead edge: no configuration, serving the public site only', error);
      // Fail closed: without the configuration nobody is a subscriber, and the prefix is still never served.
      let path = new URL(request.url).pathname;
      try {
        path = decodeURIComponent(path);
      } catch {
        return new Response('Not found', { status: 404 });
      }
      if (path.split('/').some((segment) => isPrivatePath(segment, prefix))) return new Response('Not found', { status: 404 });
      return env.ASSETS.fetch(request);
    }
    return handleEdgeRequest(request, {
      ...state,
      asset: (path, original) =>
        path === `${new URL(original.url).pathname}${new URL(original.url).search}` ? env.ASSETS.fetch(original) : env.ASSETS.fetch(new Request(new URL(path, original.url), original)),
    });
  },
};
