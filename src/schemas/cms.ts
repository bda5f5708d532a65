import { z } from 'astro/zod';

/** `owner/name`, as GitHub spells a repository. */
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/**
 * The editing screen at `/admin/` (Sveltia CMS, committing Markdown to the
 * repository). Off unless `enabled`; `CMS=on` / `CMS=off` in the build
 * environment overrides `enabled` for one build.
 */
export const cmsSettingsSchema = z
  .object({
    /** Serve the editing screen at `/admin/` in the public build. Default `false`. */
    enabled: z.boolean({ error: 'must be true or false' }).default(false),
    /** The GitHub repository the editor reads and commits to, as `owner/name`. Required when `enabled`. */
    repo: z.string({ error: 'must be the GitHub repository as owner/name' }).trim().regex(REPO, 'must be the GitHub repository as owner/name, e.g. harbour-ledger/newsroom').optional(),
    /** The branch writers publish to; the deploy workflow builds it. Default `main`. */
    branch: z.string({ error: 'must be a branch name' }).trim().min(1, 'must not be empty').default('main'),
    /**
     * Address of the OAuth helper that signs writers in with GitHub (Sveltia CMS Authenticator on
     * Cloudflare Workers, or your own); not needed on Netlify, whose own helper is the default.
     * Without one, writers can still sign in with a personal access token. Optional.
     */
    authUrl: z.url({ error: 'must be the https:// address of the sign-in helper' }).optional(),
  })
  .superRefine((cms, context) => {
    if (cms.enabled && !cms.repo) {
      context.addIssue({ code: 'custom', path: ['repo'], message: 'is required when cms.enabled is true: the GitHub repository writers commit to, as owner/name' });
    }
  });

export type CmsSettings = z.output<typeof cmsSettingsSchema>;
