import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CmsSettings } from '../schemas/cms';

/** What a build with the editing screen needs: where the content is, as the repository names it. */
export interface CmsBuild {
  /** The content folder relative to the repository root, with `/`: `content`, or empty when it is the root. */
  contentFolder: string;
  repo: string;
  /** The sign-in helper's origin, which the editor's Content Security Policy must let it reach. */
  authOrigin?: string;
}

/**
 * Whether this build serves the editing screen, and with what. `override` is
 * `CMS=on`/`CMS=off`; otherwise the settings decide. Only the public edition
 * has it: the subscriber edition is a finished site, not a place to write.
 * Throws, naming the setting, when the editor could not work.
 */
export function resolveCmsBuild(options: {
  override: boolean | undefined;
  cms: CmsSettings;
  edition: 'public' | 'subscribers';
  contentDir: string;
  /** The root of the repository the content is in (see `repositoryRoot`). */
  repoRoot: string;
}): CmsBuild | undefined {
  const { override, cms, edition, contentDir, repoRoot } = options;
  if (!(override ?? cms.enabled) || edition !== 'public') return undefined;
  const why = override ? 'CMS=on' : 'cms.enabled is true';
  if (!cms.repo) {
    throw new Error(`src/settings.ts: cms.repo is required when the editing screen is on (${why}): the GitHub repository writers commit to, as owner/name`);
  }
  const relative = path.relative(repoRoot, contentDir);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new Error(
      `CONTENT_DIR ${contentDir} is not a folder inside the repository, so the editing screen (${why}) could not commit to it; keep the content in the repository, or turn the editor off with CMS=off`,
    );
  }
  return {
    contentFolder: relative.split(path.sep).join('/'),
    repo: cms.repo,
    ...(cms.authUrl ? { authOrigin: new URL(cms.authUrl).origin } : {}),
  };
}

/**
 * The root of the Git repository holding `contentDir`: the nearest folder at or
 * above it with a `.git`, or `fallback`. A private content repository checked
 * out inside the site's (`CONTENT_DIR=private-content`) is its own root, so the
 * editor names its files as that repository does (`articles/...`).
 */
export function repositoryRoot(contentDir: string, fallback: string): string {
  for (let dir = path.resolve(contentDir); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return fallback;
  }
}
