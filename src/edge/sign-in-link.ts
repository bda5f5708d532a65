/**
 * Sign-in links for a paper without a membership system: a token of the
 * site's own (HS256 under `MASTHEAD_EDGE_SECRET`) in `?signin=`, which the
 * edge turns into the session cookie and takes out of the address.
 */
import type { EdgeConfig } from './config.ts';
import { SIGN_IN_PARAM } from './decide.ts';
import { signReaderToken } from './token.ts';

export interface SignInLinkOptions {
  /** Who the link is for (the token's `sub`): an e-mail address. */
  reader: string;
  /** How many days the link, and the session it starts, last. */
  days: number;
  /** The page the link opens, a path on the site (default the front page). */
  to?: string | undefined;
  /** The site's public URL (`SITE_URL` or the settings'). */
  siteUrl: string;
  config: EdgeConfig;
  secret: string;
  now: Date;
}

/** Why the reader or the number of days cannot be used, or `undefined` when they can. */
export function signInLinkProblem(reader: string, days: number, to: string | undefined, base: string): string | undefined {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(reader)) return `"${reader}" is not an e-mail address`;
  if (!Number.isInteger(days) || days < 1 || days > 366) return '--days must be a whole number of days from 1 to 366';
  if (to !== undefined && !(to.startsWith(base) && !to.startsWith('//'))) return `--to must be a path on the site, starting with ${base}`;
  return undefined;
}

/** The link, and when it stops working. Throws on a bad reader, number of days or secret. */
export async function signInLink(options: SignInLinkOptions): Promise<{ link: string; expires: Date }> {
  const problem = signInLinkProblem(options.reader, options.days, options.to, options.config.base);
  if (problem) throw new Error(problem);
  const token = await signReaderToken({ subject: options.reader, days: options.days, config: options.config, secret: options.secret, now: options.now });
  const url = new URL(options.to ?? options.config.base, options.siteUrl);
  url.searchParams.set(SIGN_IN_PARAM, token);
  return { link: url.href, expires: new Date(options.now.getTime() + options.days * 86_400_000) };
}

/** A new random secret for `MASTHEAD_EDGE_SECRET`: 32 bytes, base64url. */
export function newEdgeSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
