import type { AstroIntegration } from 'astro';
import type { Edition } from '../lib/build-env';

export interface MastheadIntegrationOptions {
  edition: Edition;
  /** True when this build seals paid parts for subscriber keys. */
  sealed: boolean;
  /** The build's "now" (`resolveBuildTime`), handed to pages as `buildTime` in `src/site.ts`. */
  buildTime: Date;
  /** A `PREVIEW=1` build: drafts and embargoed articles shown with banners, every page noindex. */
  preview: boolean;
}

/**
 * Adds the routes that belong to one edition only, and tells pages which
 * edition they are in. The public site gets feeds, the news sitemap and search;
 * the subscriber edition (full text, behind access control) gets none of them,
 * so paid text is never syndicated or indexed. `/unlock/` exists only when
 * the build seals paid parts.
 */
export default function mastheadIntegration({ edition, sealed, buildTime, preview }: MastheadIntegrationOptions): AstroIntegration {
  return {
    name: 'masthead',
    hooks: {
      'astro:config:setup': ({ command, injectRoute, updateConfig }) => {
        // `astro dev` shows drafts and embargoed pieces as a preview build does. src/content.config.ts,
        // loaded later in this process, reads PREVIEW to keep them.
        const showUnpublished = preview || command === 'dev';
        if (showUnpublished) process.env.PREVIEW = '1';
        const route = (pattern: string, file: string) =>
          injectRoute({ pattern, entrypoint: new URL(`../routes/${file}`, import.meta.url) });
        if (edition === 'public') {
          route('/rss.xml', 'rss.xml.ts');
          route('/sections/[id]/rss.xml', 'sections/rss.xml.ts');
          route('/authors/[id]/rss.xml', 'authors/rss.xml.ts');
          route('/tags/[tag]/rss.xml', 'tags/rss.xml.ts');
          route('/news-sitemap.xml', 'news-sitemap.xml.ts');
          route('/search', 'search.astro');
          if (sealed) route('/unlock', 'unlock.astro');
        }
        // Both editions: corrections are metadata every reader may see, and the footer may link the page.
        route('/corrections', 'corrections.astro');
        updateConfig({
          vite: {
            define: {
              'import.meta.env.MASTHEAD_EDITION': JSON.stringify(edition),
              'import.meta.env.MASTHEAD_SEALED': JSON.stringify(sealed),
              'import.meta.env.MASTHEAD_BUILD_TIME': JSON.stringify(buildTime.toISOString()),
              'import.meta.env.MASTHEAD_PREVIEW': JSON.stringify(showUnpublished),
            },
          },
        });
      },
    },
  };
}
