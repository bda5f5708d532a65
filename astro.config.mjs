// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import pagefind from './src/integrations/pagefind';
import { resolveBuildEnv } from './src/lib/build-env';
import settings from './src/settings';

const env = resolveBuildEnv(process.env, settings, process.cwd());

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: env.siteUrl,
  base: env.basePath,
  outDir: env.outDir,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // External stylesheets only, so the Content Security Policy needs no 'unsafe-inline'.
    inlineStylesheets: 'never',
  },
  // Reading an article needs no client JavaScript; no prefetch script either.
  prefetch: false,
  devToolbar: { enabled: false },
  // Scripts as files too (Vite inlines small ones by default): the CSP allows only 'self'.
  vite: { build: { assetsInlineLimit: 0 } },
  integrations: [
    sitemap({ filter: (page) => !/\/(404|search|unlock)\/?$/.test(new URL(page).pathname) }),
    pagefind(),
  ],
});
