// @ts-check
import { defineConfig } from 'astro/config';
import { resolveBuildEnv } from './src/lib/build-env';
import settings from './src/settings';

const env = resolveBuildEnv(process.env, settings, process.cwd());

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: env.siteUrl,
  base: env.basePath,
  outDir: env.outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No client JavaScript is needed to read an article; keep prefetching off.
  prefetch: false,
  devToolbar: { enabled: false },
});
