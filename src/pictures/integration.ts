import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { processImages, pruneImageCache, writeImages, type ProcessImagesResult } from './process-images';
import { IMAGE_FOLDER, SEALED_FOLDER } from './variants';
import { pruneSealedStore, sealedStorePath, writeSealedFiles } from './sealed-files';
import { latestPicturePlan, receivePicturePlans, type PicturePlan } from './plan-channel';

interface Processing {
  /** The files, and how long making them took (ms), from the plan to the last one. */
  result: Promise<ProcessImagesResult & { ms: number }>;
  plan: PicturePlan;
  storeDir: string;
}

const contentTypes: Record<string, string> = { '.avif': 'image/avif', '.webp': 'image/webp', '.jpg': 'image/jpeg', '.png': 'image/png' };

/** Where processed files are kept: the cache, or a temporary folder removed after the build. */
function storeFor(plan: PicturePlan): string {
  return plan.cacheDir ?? mkdtempSync(path.join(os.tmpdir(), 'masthead-images-'));
}

/**
 * Writes the processed pictures into `<output>/_images/`. The content loader
 * hands over the plan (every file the pages reference, from the archive's
 * lead, body and portrait pictures; `src/pictures/variants.ts` names them) as
 * soon as it has read the archive; sharp makes the files on its own threads
 * while Astro renders the pages, and they are copied into the output folder
 * once the pages are written. Only files in the plan are written, and the
 * plan of a public build holds no picture from after a free limit. In a
 * keyed build, the sealed files of paid pictures (ciphertext, made by the
 * body stage) are copied into `<output>/_sealed/` beside them.
 *
 * In `astro dev` a picture is made when a page first asks for it.
 */
export default function imagesIntegration(): AstroIntegration {
  let stopReceiving: (() => void) | undefined;
  let processing: Processing | undefined;
  let base = '/';

  return {
    name: 'masthead-images',
    hooks: {
      'astro:config:setup': ({ command, config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (command !== 'build') return;
        stopReceiving = receivePicturePlans((plan) => {
          // The archive is read once per build; a second plan would be a bug upstream.
          if (processing) throw new Error('the picture integration was handed two plans in one build');
          const storeDir = storeFor(plan);
          const started = performance.now();
          const result = processImages(plan.jobs, { storeDir }).then((done) => ({ ...done, ms: performance.now() - started }));
          // Failures are reported at astro:build:done; until then nobody awaits this.
          result.catch(() => {});
          processing = { result, plan, storeDir };
        });
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}${IMAGE_FOLDER}/`;
        const sealedPrefix = `${base}${SEALED_FOLDER}/`;
        let devStore: string | undefined;
        server.middlewares.use((request, response, next) => {
          const pathname = (request.url ?? '').split('?')[0]!;
          const plan = latestPicturePlan();
          const sealedName = pathname.startsWith(sealedPrefix) ? /^([0-9a-f]{32})\.bin$/.exec(pathname.slice(sealedPrefix.length))?.[1] : undefined;
          if (sealedName && plan?.sealed?.names.includes(sealedName)) {
            readFile(sealedStorePath(plan.sealed.dir, sealedName))
              .then((bytes) => {
                response.setHeader('Content-Type', 'application/octet-stream');
                response.end(bytes);
              })
              .catch((error: unknown) => next(error));
            return;
          }
          if (!pathname.startsWith(prefix) || !plan) return next();
          const file = decodeURIComponent(pathname.slice(prefix.length));
          const job = plan.jobs.find((candidate) => candidate.variant.file === file);
          if (!job) return next();
          const storeDir = plan.cacheDir ?? (devStore ??= storeFor(plan));
          processImages([job], { storeDir, concurrency: 1 })
            .then(({ files }) => readFile(files.get(file)!))
            .then((bytes) => {
              response.setHeader('Content-Type', contentTypes[path.extname(file)] ?? 'application/octet-stream');
              response.end(bytes);
            })
            .catch((error: unknown) => next(error));
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        stopReceiving?.();
        // The loader hands over a plan in every build, empty when there are no pictures: without one, pages may name files nobody made.
        if (!processing) throw new Error('the content loader handed no picture plan to the picture integration, so no picture would be written');
        const { result, plan, storeDir } = processing;
        try {
          const { files, processed, cached, ms } = await result;
          const writing = performance.now();
          await writeImages(files, path.join(fileURLToPath(dir), IMAGE_FOLDER));
          if (plan.sealed) await writeSealedFiles(plan.sealed, fileURLToPath(dir));
          logger.info(`images: ${processed} processed, ${cached} from the cache${plan.sealed ? `; ${plan.sealed.names.length} sealed files of paid pictures` : ''}`);
          // Read by the benchmark (bench/phases.ts): making the files (while the pages render), then copying them into the site.
          logger.info(`phase images: ${Math.round(ms + performance.now() - writing)} ms`);
          if (plan.cacheDir) {
            const removed = await pruneImageCache(plan.cacheDir);
            if (removed > 0) logger.info(`images: removed ${removed} cached files unused for a week`);
          }
          if (plan.sealed && !plan.sealed.temporary) {
            const removed = await pruneSealedStore(plan.sealed.dir);
            if (removed > 0) logger.info(`images: removed ${removed} sealed files unused for a week`);
          }
        } finally {
          if (!plan.cacheDir) rmSync(storeDir, { recursive: true, force: true });
        }
      },
    },
  };
}
