import path from 'node:path';
import { normaliseBase } from './urls';

/** The environment variables Masthead reads at build time, and nothing else. */
export interface BuildEnvInput {
  /** Folder with `articles/`, `authors/` and `sections.yaml`. Default `content`. */
  CONTENT_DIR?: string;
  /** Overrides the settings' `siteUrl`, e.g. for a preview deploy. */
  SITE_URL?: string;
  /** Overrides the settings' `basePath`, e.g. `/paper/` on GitHub Pages. */
  BASE_PATH?: string;
  /** Where the built site goes. Default `dist`. Used by tests to build side by side. */
  OUT_DIR?: string;
}

export interface BuildEnv {
  contentDir: string;
  siteUrl: string;
  basePath: string;
  outDir: string;
}

/**
 * Resolves build-time overrides against the settings. Pure: the caller passes
 * `process.env` and the working directory in.
 */
export function resolveBuildEnv(
  env: BuildEnvInput,
  settings: { siteUrl: string; basePath: string },
  cwd: string,
): BuildEnv {
  const siteUrl = env.SITE_URL?.trim() || settings.siteUrl;
  try {
    new URL(siteUrl);
  } catch {
    throw new Error(`SITE_URL "${siteUrl}" is not an absolute URL (e.g. https://news.example.org)`);
  }
  return {
    contentDir: path.resolve(cwd, env.CONTENT_DIR?.trim() || 'content'),
    siteUrl,
    basePath: normaliseBase(env.BASE_PATH ?? settings.basePath),
    outDir: path.resolve(cwd, env.OUT_DIR?.trim() || 'dist'),
  };
}
