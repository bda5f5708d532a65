/**
 * A reader's token, checked: signature (HS256 with the shared secret, RS256,
 * ES256 and kin with the provider's keys), issuer, audience, expiry and not-before
 * with a little clock skew, and the claim that says they have paid. Any
 * failure is simply "not a subscriber": the reader gets the teaser.
 */
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { EdgeConfig, PaidClaim } from './config.ts';

/** The keys the edge checks signatures with. Either may be missing; with neither, no token is accepted. */
export interface EdgeKeys {
  /** The HS256 shared secret (`MASTHEAD_EDGE_SECRET`), at least 32 characters. */
  secret?: string | undefined;
  /** The provider's public keys, e.g. `createRemoteJWKSet(new URL(jwksUrl))`. */
  jwks?: JWTVerifyGetKey | undefined;
}

/**
 * What a provider's key set may sign with: RSA and elliptic-curve signatures (Auth0 and Supabase use
 * RS256 or ES256, Ghost RS512). Never `none`, never HS256 with a public key (algorithm confusion).
 */
export const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'];

/** A shared secret shorter than this is refused: HS256 needs 256 bits to be worth its name. */
export const MIN_SECRET_LENGTH = 32;

/** The keys for a configuration: the secret from the environment, and the provider's key set when a JWKS address is set. */
export function edgeKeys(config: EdgeConfig, secret: string | undefined): EdgeKeys {
  return {
    ...(secret ? { secret } : {}),
    ...(config.jwksUrl ? { jwks: createRemoteJWKSet(new URL(config.jwksUrl)) } : {}),
  };
}

/** The verdict on a token: who it names when it says they have paid, or why not. */
export type TokenVerdict = { paid: true; subject: string | undefined; expires: number | undefined } | { paid: false; reason: string };

/**
 * Checks a token against the configuration at `now`. Never throws: a forged,
 * expired, foreign or malformed token is `{ paid: false }` with a reason
 * (for logs and tests, never shown to readers).
 */
export async function verifyToken(token: string, config: EdgeConfig, keys: EdgeKeys, now: Date): Promise<TokenVerdict> {
  const secret = keys.secret && keys.secret.length >= MIN_SECRET_LENGTH ? new TextEncoder().encode(keys.secret) : undefined;
  const algorithms = [...(secret ? ['HS256'] : []), ...(keys.jwks ? ASYMMETRIC : [])];
  if (algorithms.length === 0) return { paid: false, reason: 'no keys to check tokens with' };
  const jwks = keys.jwks;
  // One resolver for both kinds: the algorithm picks the key, and `algorithms` refuses `none` and anything else.
  const getKey: JWTVerifyGetKey = async (header, input) => {
    if (header.alg === 'HS256' && secret) return secret;
    if (jwks && header.alg !== 'HS256') return jwks(header, input);
    throw new Error(`no key for ${header.alg}`);
  };
  try {
    const { payload } = await jwtVerify(token, getKey, {
      algorithms,
      issuer: config.issuer,
      audience: config.audience,
      clockTolerance: config.clockSkewSeconds,
      currentDate: now,
      requiredClaims: ['exp'],
    });
    if (!hasPaid(payload, config.paid)) return { paid: false, reason: `claim ${config.paid.claim} does not say the reader has paid` };
    return { paid: true, subject: payload.sub, expires: payload.exp };
  } catch (error) {
    return { paid: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

/** The claim's value: by its exact name first (namespaced claims have dots), then as a dotted path. */
export function claimValue(payload: JWTPayload, claim: string): unknown {
  if (Object.hasOwn(payload, claim)) return payload[claim];
  let value: unknown = payload;
  for (const part of claim.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** True when the payload's claim says the reader has paid. */
export function hasPaid(payload: JWTPayload, paid: PaidClaim): boolean {
  const value = claimValue(payload, paid.claim);
  if (!paid.values) return value === true;
  const wanted = new Set(paid.values);
  if (typeof value === 'string') return wanted.has(value);
  if (Array.isArray(value)) return value.some((item) => typeof item === 'string' && wanted.has(item));
  return false;
}

/**
 * A token of the site's own, for a paper without a membership system
 * (`npm run subscribers:link`): HS256 with the shared secret, the configured
 * issuer and audience, the paid claim set, valid for `days` from `now`.
 */
export async function signReaderToken(options: { subject: string; days: number; config: EdgeConfig; secret: string; now: Date }): Promise<string> {
  const { subject, days, config, secret, now } = options;
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`MASTHEAD_EDGE_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
  const paidValue = config.paid.values ? config.paid.values[0] : true;
  const claims: JWTPayload = {};
  // A dotted path (`app_metadata.plan`) is the provider's shape; our own tokens use the name as it is.
  claims[config.paid.claim] = paidValue;
  const issued = Math.floor(now.getTime() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(config.issuer)
    .setAudience(config.audience)
    .setIssuedAt(issued)
    .setNotBefore(issued)
    .setExpirationTime(issued + Math.round(days * 86_400))
    .sign(new TextEncoder().encode(secret));
}
