import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The module through which Astro's pages read its data store (astro/dist/content/consts.js). */
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * Astro's data store as a module that reads the store's file when the pages
 * first ask for it, in place of Astro's own, which holds the whole store as
 * one string literal: `export default JSON.parse("…")`. At 100,000 articles
 * that literal is some 160 MB of source, which Vite parses, bundles, writes
 * and Node then loads again, and the build's largest process grew by more
 * than a gigabyte for those few seconds. Reading the file gives the pages the
 * same value (`devalue.unflatten` of the parsed store, in
 * astro/dist/content/data-store.js).
 *
 * Only for a build, and only a static one: the bundle that reads the file runs
 * in this process, right after the store was written, and is thrown away with
 * the build; nothing deployed ever runs it. `astro dev` keeps Astro's module,
 * which it reloads when the store changes. The module is marked as content data,
 * as Astro marks its own, so Astro's incremental build leaves it out of each
 * page's code key: a page's key follows the entries it read, not the store file.
 */
export function dataStoreModule(storeFile: () => URL | undefined): Plugin {
  return {
    name: 'masthead:data-store-module',
    apply: 'build',
    load: {
      // Before Astro's own `load` for the same module, which would first build the literal.
      order: 'pre',
      handler(id) {
        if (id !== DATA_STORE_MODULE) return null;
        const file = storeFile();
        // No store written (nothing loaded yet), or a store split in chunks: Astro's module is what it has to be.
        if (!file || !existsSync(file)) return null;
        return {
          code: `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(fileURLToPath(file))}, 'utf8'));\n`,
          map: { mappings: '' },
          meta: { astroIncremental: { kind: 'content-data' } },
        };
      },
    },
  };
}
