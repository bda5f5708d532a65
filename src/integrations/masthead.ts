import type { AstroIntegration } from 'astro';
import type { Edition } from '../lib/build-env';

export interface MastheadIntegrationOptions {
  edition: Edition;
  /** True when this build seals paid parts for subscriber keys. */
  sealed: boolean;
  /** The build's "now" (`resolveBuildTime`), handed to pages as `buildTime` in `src/site.ts`. */
  buildTime: Date;
}

/**
 * Adds the routes that belong to one edition only, and tells pages which
 * edition they are in. The public site gets feeds, the news sitemap and search;
 * the subscriber edition (full text, behind access control) gets none of them,
 * so paid text is never syndicated or indexed. `/unlock/` exists only when
 * the build seals paid parts.
 */
export default function mastheadIntegration({ edition, sealed, buildTime }: MastheadIntegrationOptions): AstroIntegration {
  return {
    name: 'masthead',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        const route = (pattern: string, file: string) =>
          injectRoute({ pattern, entrypoint: new URL(`../routes/${file}`, import.meta.url) });
        if (edition === 'public') {
          route('/rss.xml', 'rss.xml.ts');
          route('/sections/[id]/rss.xml', 'sections/rss.xml.ts');
          route('/authors/[id]/rss.xml', 'authors/rss.xml.ts');
          route('/news-sitemap.xml', 'news-sitemap.xml.ts');
          route('/search', 'search.astro');
          if (sealed) route('/unlock', 'unlock.astro');
        }
        updateConfig({
          vite: {
            define: {
              'import.meta.env.MASTHEAD_EDITION': JSON.stringify(edition),
              'import.meta.env.MASTHEAD_SEALED': JSON.stringify(sealed),
              'import.meta.env.MASTHEAD_BUILD_TIME': JSON.stringify(buildTime.toISOString()),
            },
          },
        });
      },
    },
  };
}
