/**
 * `npm run subscribers:link -- reader@example.org [--days 31] [--to /articles/slug/]`
 * `npm run subscribers:link -- --new-secret`
 *
 * Prints a signed sign-in link for a reader of a paper without a membership
 * system (src/edge/sign-in-link.ts). The secret is `MASTHEAD_EDGE_SECRET`, the
 * one the edge is given; the site's address is the settings' (or `SITE_URL`).
 * Writes nothing to disk.
 */
import { resolveBuildEnv } from '../context/env.ts';
import { edgeConfig } from '../edge/config.ts';
import { newEdgeSecret, signInLink } from '../edge/sign-in-link.ts';
import { MIN_SECRET_LENGTH } from '../edge/token.ts';
import settings from '../settings.ts';

const USAGE = `Usage: npm run subscribers:link -- <reader e-mail> [--days 31] [--to /articles/slug/]
       npm run subscribers:link -- --new-secret

  --days        how long the link and the session it starts last (1-366, default 31)
  --to          the page the link opens (default the front page)
  --new-secret  prints a new random MASTHEAD_EDGE_SECRET to give the edge and this command`;

async function main(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  if (args.includes('--new-secret')) {
    console.log(newEdgeSecret());
    return 0;
  }
  let reader: string | undefined;
  let days = 31;
  let to: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = () => (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i]);
    if (arg === '--days' || arg.startsWith('--days=')) days = Number(value());
    else if (arg === '--to' || arg.startsWith('--to=')) to = value();
    else if (arg.startsWith('-')) return fail(`unknown option ${arg}`);
    else if (reader === undefined) reader = arg;
    else return fail(`unexpected argument ${arg}`);
  }
  if (!reader) return fail('name the reader: their e-mail address');
  const secret = process.env.MASTHEAD_EDGE_SECRET?.trim();
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    return fail(`MASTHEAD_EDGE_SECRET must hold the edge's secret (at least ${MIN_SECRET_LENGTH} characters); make one with --new-secret`);
  }
  const env = resolveBuildEnv(process.env, settings, process.cwd(), new Date());
  const config = edgeConfig(settings.subscribers.edge, { siteUrl: env.siteUrl, basePath: env.basePath });
  try {
    const { link, expires } = await signInLink({ reader, days, to, siteUrl: env.siteUrl, config, secret, now: new Date() });
    console.log(link);
    console.error(`Valid until ${expires.toISOString()}. Anyone holding the link can sign in with it: send it to ${reader} only.`);
    return 0;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function fail(message: string): number {
  console.error(`subscribers:link: ${message}\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
