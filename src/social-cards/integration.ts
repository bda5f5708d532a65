import { mkdtempSync, rmSync } from 'node:fs';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { cardLogo, readBrandFile, touchIcon, type BrandFile } from './brand-files';
import { createCardStore, pruneCardCache, type CardStore } from './card-store';
import { CARD_FOLDER, TOUCH_ICON_FILE } from './card';
import type { Brand } from '../schemas/brand';
import { openCardChannel, requestedCard } from './channel';

export interface SocialCardsOptions {
  /** Masthead's cache folder (`MASTHEAD_CACHE_DIR`); cards are kept in its `cards/`. `undefined`: no cache. */
  cacheDir: string | undefined;
  brand: Brand;
  siteName: string;
}

/**
 * Social cards and the touch icon. Pages ask for a card by its words
 * (`requestCard` in `channel.ts`) and print its URL; each card is drawn
 * (satori, then resvg off the main thread) the moment it is first asked for,
 * while Astro renders the remaining pages, and kept in the cache. When the
 * pages are written, the cards go into `<output>/_social/` and the 180×180
 * `apple-touch-icon.png` into the site's root. `astro dev` draws them when the
 * browser asks.
 *
 * The brand files (logo, favicon) are read and checked when the build starts:
 * a missing or unusable file stops it before any page is rendered.
 */
export default function socialCardsIntegration(options: SocialCardsOptions): AstroIntegration {
  const { brand, siteName } = options;
  let closeChannel: (() => void) | undefined;
  let icon: Promise<Buffer> | undefined;
  let store: CardStore | undefined;
  let storeDir: string | undefined;
  let temporaryStore = false;
  let firstRequest: number | undefined;
  let lastDrawn: number | undefined;
  const drawing = new Map<string, Promise<string>>();
  let base = '/';

  const open = async (command: string, publicDir: string) => {
    const files = await Promise.all([
      readBrandFile(publicDir, 'brand.favicon', brand.favicon),
      brand.logo ? readBrandFile(publicDir, 'brand.logo', brand.logo) : undefined,
    ]);
    const favicon: BrandFile = files[0];
    const logo: BrandFile | undefined = files[1];
    icon = touchIcon(logo ?? favicon, brand.colours, siteName);
    // Reported when the icon is written; nobody awaits it before.
    icon.catch(() => {});
    temporaryStore = !options.cacheDir;
    storeDir = options.cacheDir ? path.join(options.cacheDir, 'cards') : mkdtempSync(path.join(os.tmpdir(), 'masthead-cards-'));
    const cards = createCardStore(storeDir);
    store = cards;
    closeChannel = openCardChannel({ colours: brand.colours, logo: logo && cardLogo(logo) }, (file, input) => {
      // The dev server draws a card when the browser asks for it, not when a page names it.
      if (command !== 'build') return;
      firstRequest ??= performance.now();
      const drawn = cards.draw(file, input);
      drawn.then(
        () => (lastDrawn = performance.now()),
        // Failures are reported at astro:build:done; until then nobody awaits this.
        () => {},
      );
      drawing.set(file, drawn);
    });
  };

  return {
    name: 'masthead-social-cards',
    hooks: {
      'astro:config:setup': async ({ command, config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        // `public/` as Astro resolves it, without its trailing slash.
        if (command === 'build' || command === 'dev') await open(command, fileURLToPath(config.publicDir).replace(/[\\/]+$/, ''));
      },
      'astro:server:setup': ({ server }) => {
        const cardPrefix = `${base}${CARD_FOLDER}/`;
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?')[0]!;
          let answer: Promise<Buffer> | undefined;
          if (pathname === `${base}${TOUCH_ICON_FILE}`) answer = icon;
          else if (pathname.startsWith(cardPrefix) && store) {
            const input = requestedCard(decodeURIComponent(pathname.slice(cardPrefix.length)));
            if (input) answer = store.draw(pathname.slice(cardPrefix.length), input).then((file) => readFile(file));
          }
          if (!answer) return next();
          answer
            .then((png) => {
              response.setHeader('Content-Type', 'image/png');
              response.end(png);
            })
            .catch((error: unknown) => next(error));
        });
      },
      'astro:server:done': () => {
        closeChannel?.();
        if (temporaryStore && storeDir) rmSync(storeDir, { recursive: true, force: true });
      },
      'astro:build:done': async ({ dir, logger }) => {
        closeChannel?.();
        const out = fileURLToPath(dir);
        const writing = performance.now();
        try {
          if (!icon || !store || !storeDir) throw new Error('the social-card integration did not start');
          await writeFile(path.join(out, TOUCH_ICON_FILE), await icon);
          const files = await Promise.all([...drawing].map(async ([file, drawn]) => [file, await drawn] as const));
          await mkdir(path.join(out, CARD_FOLDER), { recursive: true });
          await Promise.all(files.map(([file, stored]) => copyFile(stored, path.join(out, CARD_FOLDER, file))));
          logger.info(`social cards: ${store.stats.drawn} drawn, ${store.stats.cached} from the cache; ${TOUCH_ICON_FILE} written`);
          // Read by the benchmark (bench/phases.ts): from the first card asked for to the last one drawn (most of it while
          // pages render), plus writing them out; not the wait for the integrations before this one.
          const end = performance.now();
          const start = firstRequest ?? writing;
          const drawnBy = lastDrawn ?? start;
          const busy = drawnBy <= writing ? drawnBy - start + (end - writing) : end - start;
          logger.info(`phase cards: ${Math.round(busy)} ms`);
          if (!temporaryStore) {
            const removed = await pruneCardCache(storeDir);
            if (removed > 0) logger.info(`social cards: removed ${removed} cached cards unused for a week`);
          }
        } finally {
          if (temporaryStore && storeDir) rmSync(storeDir, { recursive: true, force: true });
        }
      },
    },
  };
}
