import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Indexes the built site with Pagefind once Astro has written it, so that
 * `npm run build` alone gives a working `/search/`. Only elements marked
 * `data-pagefind-body` (the article: its header and free part) are indexed;
 * the cut-off panel and the lists are marked `data-pagefind-ignore`.
 */
export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'masthead-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const { index, errors } = await pagefind.createIndex({});
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`indexed ${added.page_count} pages for search`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
