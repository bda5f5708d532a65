import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildContext } from '../context/build-context';
import { EDGE_CONFIG_FILE, type EdgeConfig } from '../edge/config';
import { dataStoreModule } from './data-store-module';

export interface MastheadIntegrationOptions {
  /** True when this build seals paid parts for subscriber keys. */
  sealed: boolean;
  /** The edge's configuration when this build writes the subscriber pages under its private prefix (src/edge/). */
  edge?: EdgeConfig | undefined;
}

/**
 * Adds the routes that belong to one edition only, and tells pages which
 * edition they are in. The public site gets feeds, the news sitemap and search;
 * the subscriber edition (full text, behind access control) gets none of them,
 * so paid text is never syndicated or indexed. `/unlock/` exists only when
 * the build seals paid parts. Reads the build context that astro.config.mjs opened.
 */
export default function mastheadIntegration({ sealed, edge }: MastheadIntegrationOptions): AstroIntegration {
  // Astro's data store file, once the configuration is final; none when the store is split in chunks.
  let storeFile: URL | undefined;
  return {
    name: 'masthead',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        const context = buildContext();
        const { edition } = context.env;
        // `astro dev` shows drafts and embargoed pieces as a preview build does; the content loader reads this.
        if (command === 'dev') context.showUnpublished = true;
        const route = (pattern: string, file: string) =>
          injectRoute({ pattern, entrypoint: new URL(`../routes/${file}`, import.meta.url) });
        if (edition === 'public') {
          route('/rss.xml', 'rss.xml.ts');
          route('/sections/[id]/rss.xml', 'sections/rss.xml.ts');
          route('/authors/[id]/rss.xml', 'authors/rss.xml.ts');
          route('/tags/[tag]/rss.xml', 'tags/rss.xml.ts');
          // A parameter, so that the route can have no path: no news sitemap when nothing is recent.
          route('/[name].xml', 'news-sitemap.xml.ts');
          route('/search', 'search.astro');
          if (sealed) route('/unlock', 'unlock.astro');
          // The whole articles, for the edge to serve to subscribers at each article's own address; never linked.
          if (edge) route(`/${edge.prefix}/articles/[slug]`, 'subscriber-article.astro');
        }
        // Both editions: corrections are metadata every reader may see, and the footer may link the page.
        route('/corrections', 'corrections.astro');
        updateConfig({
          vite: {
            plugins: [dataStoreModule(() => storeFile)],
            define: {
              'import.meta.env.MASTHEAD_EDITION': JSON.stringify(edition),
              'import.meta.env.MASTHEAD_SEALED': JSON.stringify(sealed),
              'import.meta.env.MASTHEAD_EDGE': JSON.stringify(edge !== undefined),
              'import.meta.env.MASTHEAD_PREVIEW': JSON.stringify(context.showUnpublished),
            },
          },
        });
      },
      'astro:config:done': ({ config }) => {
        const storage = config.experimental.collectionStorage;
        // Where Astro writes the store in a build (astro/dist/content/paths.js, getDataStoreFile).
        storeFile = storage === undefined || storage === 'single-file' ? new URL('data-store.json', config.cacheDir) : undefined;
      },
      // What the edge code reads: beside the subscriber pages, so it is private too. No secret is in it.
      'astro:build:done': ({ dir, logger }) => {
        if (!edge) return;
        const folder = path.join(fileURLToPath(dir), edge.prefix);
        mkdirSync(folder, { recursive: true });
        writeFileSync(path.join(folder, EDGE_CONFIG_FILE), `${JSON.stringify(edge, null, 2)}\n`);
        logger.warn(
          `whole articles written under ${edge.base}${edge.prefix}/ for the edge: deploy this build only with its edge code (Cloudflare Worker, Netlify Edge Function or npm run subscribers:serve), which keeps that folder private; see docs/subscribers.md`,
        );
      },
    },
  };
}
