/**
 * What the edge code needs to know about the site, as plain JSON: written by
 * the build into the private prefix (`edge.json`), read by every adapter. No
 * secret is in it: the HS256 secret comes from the host's environment
 * (`MASTHEAD_EDGE_SECRET`), the public keys from the provider's JWKS address.
 */
import type { MeterConfig } from './meter.ts';

/** Which claim says a reader has paid. */
export interface PaidClaim {
  /** Claim name, or a dotted path into nested claims. */
  claim: string;
  /** Values meaning "has paid"; absent: the claim must be `true`. */
  values?: readonly string[] | undefined;
}

/** The edge's view of the site. */
export interface EdgeConfig {
  /** The site's base path, `/` or `/paper/`. */
  base: string;
  /** The private folder under the base path (`_subscribers`). */
  prefix: string;
  /** The cookie holding the reader's token. */
  cookie: string;
  /** Required `iss`. */
  issuer: string;
  /** Required `aud` (one of, when the token lists several). */
  audience: string;
  /** The provider's JWKS address for RS256/ES256, if any. */
  jwksUrl?: string | undefined;
  /** Seconds of clock skew allowed on `exp` and `nbf`. */
  clockSkewSeconds: number;
  /** The claim that means "has paid". */
  paid: PaidClaim;
  /** The meter for anonymous readers; absent or `free: 0`: off. */
  meter?: MeterConfig | undefined;
}

/** The edge settings as `src/schemas/settings.ts` resolves them. */
export interface EdgeSettings {
  prefix: string;
  cookie: string;
  issuer?: string | undefined;
  audience?: string | undefined;
  jwksUrl?: string | undefined;
  clockSkewSeconds: number;
  paid: PaidClaim;
  meter?: MeterConfig | undefined;
}

/** The edge's configuration for a build: the settings with the site's URL as issuer and audience by default. */
export function edgeConfig(edge: EdgeSettings, site: { siteUrl: string; basePath: string }): EdgeConfig {
  return {
    base: site.basePath,
    prefix: edge.prefix,
    cookie: edge.cookie,
    issuer: edge.issuer ?? site.siteUrl,
    audience: edge.audience ?? site.siteUrl,
    ...(edge.jwksUrl ? { jwksUrl: edge.jwksUrl } : {}),
    clockSkewSeconds: edge.clockSkewSeconds,
    paid: { claim: edge.paid.claim, ...(edge.paid.values ? { values: [...edge.paid.values] } : {}) },
    ...(edge.meter && edge.meter.free > 0 ? { meter: { free: edge.meter.free, cookie: edge.meter.cookie } } : {}),
  };
}

/** The file, inside the private prefix, that holds the configuration. */
export const EDGE_CONFIG_FILE = 'edge.json';

/** Reads an `edge.json` back, refusing anything that is not one (fail closed: no config, no subscriber pages). */
export function parseEdgeConfig(text: string): EdgeConfig {
  const value: unknown = JSON.parse(text);
  const object = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!object(value) || !object(value.paid)) throw new Error('edge.json: not an edge configuration');
  for (const field of ['base', 'prefix', 'cookie', 'issuer', 'audience'] as const) {
    if (typeof value[field] !== 'string' || value[field] === '') throw new Error(`edge.json: ${field} must be text`);
  }
  if (typeof value.clockSkewSeconds !== 'number') throw new Error('edge.json: clockSkewSeconds must be a number');
  if (typeof value.paid.claim !== 'string') throw new Error('edge.json: paid.claim must be text');
  if (value.meter !== undefined && (!object(value.meter) || typeof value.meter.free !== 'number' || typeof value.meter.cookie !== 'string')) {
    throw new Error('edge.json: meter must have free (a number) and cookie (text)');
  }
  return value as unknown as EdgeConfig;
}
