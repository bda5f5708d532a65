import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { CmsBuild } from './enable';
import { SVELTIA_MODULE, withoutThirdParties } from './self-host';
import { adminPolicy, withAdminPolicy } from '../lib/headers-file';

/**
 * The editing screen at `/admin/` (see `src/editor/`), for builds that turn it
 * on: its page and configuration, and, once every other integration has
 * written its files, a `_headers` that gives it a policy of its own. Placed
 * just before the atomic output, so the site it lists is complete.
 */
export default function cmsIntegration(cms: CmsBuild | undefined): AstroIntegration {
  let base = '/';
  return {
    name: 'masthead-cms',
    hooks: {
      'astro:config:setup': ({ config, injectRoute, updateConfig }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({ vite: { define: { 'import.meta.env.MASTHEAD_CONTENT_FOLDER': JSON.stringify(cms?.contentFolder ?? '') } } });
        if (!cms) return;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'masthead-cms-self-host',
                // The build only: `astro dev` pre-bundles the CMS, and has no policy to break.
                apply: 'build',
                transform: (code, id) => (SVELTIA_MODULE.test(id) ? { code: withoutThirdParties(code), map: null } : undefined),
              },
            ],
          },
        });
        const route = (pattern: string, file: string) => injectRoute({ pattern, entrypoint: new URL(`../routes/${file}`, import.meta.url) });
        route('/admin', 'admin.astro');
        route('/admin/config.yml', 'admin-config.yml.ts');
        route('/admin/preview.css', 'admin-preview.css.ts');
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!cms) return;
        const out = fileURLToPath(dir);
        const file = path.join(out, '_headers');
        const headers = await readFile(file, 'utf8').catch(() => undefined);
        if (headers === undefined) return;
        const entries = (await readdir(out, { withFileTypes: true })).map((entry) => ({ name: entry.name, folder: entry.isDirectory() }));
        await writeFile(file, withAdminPolicy(headers, entries, base, adminPolicy(cms.authOrigin)));
        logger.info(`editing screen at ${base}admin/ (commits to ${cms.repo}); _headers gives it its own Content Security Policy`);
      },
    },
  };
}
