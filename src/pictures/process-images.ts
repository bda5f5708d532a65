import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp, { type AvifOptions, type JpegOptions, type PngOptions, type WebpOptions } from 'sharp';
import { CACHE_KEEP_MS, removeStaleShardedFiles } from '../lib/stale-files';
import type { ImageFormat, ImageVariant } from './variants';

/** One file to write: a variant of a source picture. */
export interface ImageJob {
  /** Absolute path of the source file. */
  source: string;
  /** The source's content hash: with the variant, the cache key. */
  hash: string;
  variant: ImageVariant;
}

export interface ProcessImagesOptions {
  /**
   * Where processed files are kept, named by their cache key: the picture
   * cache (kept between builds), or a temporary folder when caching is off.
   */
  storeDir: string;
  /** Files processed at once. Default: one per core, at least 2 (sharp works off the main thread). */
  concurrency?: number;
}

export interface ProcessImagesResult {
  /** Each job's file name, and the stored file holding it. */
  files: Map<string, string>;
  /** Files made by sharp in this run. */
  processed: number;
  /** Files found in the store, made by an earlier build. */
  cached: number;
}

/**
 * Encoder settings. Changing one changes every cache key (with sharp's and
 * libvips' versions), so a cached file is always what this code would make.
 * Efforts are low: at the defaults AVIF alone took most of a build's picture
 * time, for a few percent of bytes on the gradients and photographs tried.
 */
const ENCODERS: Record<ImageFormat, AvifOptions | WebpOptions | JpegOptions | PngOptions> = {
  avif: { quality: 50, effort: 0 },
  webp: { quality: 75, effort: 2 },
  jpeg: { quality: 80, progressive: true },
  png: { compressionLevel: 9, effort: 4 },
};

const ENCODER_VERSION = JSON.stringify([sharp.versions, ENCODERS, 1]);

/** A stored file's name: the source's content, the variant's size, crop and format, and the encoder. */
export function imageCacheKey(job: ImageJob): string {
  const { format, width, height, crop } = job.variant;
  return createHash('sha256').update(JSON.stringify([ENCODER_VERSION, job.hash, format, width, height, crop])).digest('hex');
}

/** `<store>/<key[0..2]>/<key>.<ext>` */
export function storedPath(storeDir: string, job: ImageJob): string {
  const key = imageCacheKey(job);
  return path.join(storeDir, key.slice(0, 2), `${key}${path.extname(job.variant.file)}`);
}

/** Makes one variant from the source's bytes. */
async function render(bytes: Buffer, { format, width, height, crop }: ImageVariant): Promise<Buffer> {
  // `rotate()` applies the EXIF orientation; metadata (EXIF, GPS, ICC profiles) is dropped, and colours converted to sRGB.
  const pipeline = sharp(bytes, { failOn: 'error' }).rotate();
  const resized = crop
    ? // Centred: the same crop on every machine, and no saliency pass over the whole picture for each size.
      pipeline.resize(width, height, { fit: 'cover', position: 'centre' })
    : pipeline.resize(width, height, { fit: 'fill' });
  return resized.toFormat(format, ENCODERS[format]).toBuffer();
}

/**
 * Makes variants of a source file, in memory and never into a cache: for
 * paid pictures, which a keyed build keeps only sealed.
 */
export async function makeVariants(source: string, variants: readonly ImageVariant[]): Promise<Buffer[]> {
  let bytes: Buffer;
  try {
    bytes = await readFile(source);
  } catch (error) {
    throw new Error(`${source} cannot be read to make a sealed picture (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return Promise.all(
    variants.map(async (variant) => {
      try {
        return await render(bytes, variant);
      } catch (error) {
        throw new Error(`${source}: sharp could not make a ${variant.width} px ${variant.format} to seal (${(error as Error).message.split('\n')[0]})`);
      }
    }),
  );
}

/**
 * Makes sure every job's file is in the store: kept from an earlier build
 * when it holds the same variant of the same bytes, otherwise made with sharp.
 * Work runs `concurrency` files at a time on sharp's own threads; files are
 * written through a temporary name, so an interrupted run leaves no half
 * file. Jobs naming the same file are done once.
 */
export async function processImages(jobs: readonly ImageJob[], options: ProcessImagesOptions): Promise<ProcessImagesResult> {
  const unique = [...new Map(jobs.map((job) => [job.variant.file, job])).values()];
  const concurrency = options.concurrency ?? Math.max(2, availableParallelism());
  const result: ProcessImagesResult = { files: new Map(), processed: 0, cached: 0 };

  // Each source is read once for all its variants, and let go after its last one: with the
  // jobs in source order, only about `concurrency` sources are in memory at once.
  const sources = new Map<string, { bytes?: Promise<Buffer>; left: number }>();
  for (const job of unique) {
    const entry = sources.get(job.source);
    if (entry) entry.left++;
    else sources.set(job.source, { left: 1 });
  }
  const readSource = (file: string) => {
    const entry = sources.get(file)!;
    entry.bytes ??= readFile(file);
    return entry.bytes;
  };
  const release = (file: string) => {
    const entry = sources.get(file)!;
    if (--entry.left === 0) sources.delete(file);
  };

  const queue = [...unique].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  let next = 0;
  const worker = async () => {
    while (next < queue.length) {
      const job = queue[next++]!;
      const stored = storedPath(options.storeDir, job);
      result.files.set(job.variant.file, stored);
      try {
        if (await markUsed(stored)) {
          result.cached++;
          continue;
        }
        let bytes: Buffer;
        try {
          bytes = await readSource(job.source);
        } catch (error) {
          throw new Error(`${job.source} cannot be read to make ${job.variant.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
        let output: Buffer;
        try {
          output = await render(bytes, job.variant);
        } catch (error) {
          throw new Error(`${job.source}: sharp could not make ${job.variant.file} (${(error as Error).message.split('\n')[0]})`);
        }
        await writeAtomically(stored, output);
        result.processed++;
      } finally {
        release(job.source);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
  return result;
}

/** Copies processed files into the site's picture folder. */
export async function writeImages(files: ReadonlyMap<string, string>, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await Promise.all([...files].map(([file, stored]) => copyFile(stored, path.join(outDir, file))));
}

/** True when the stored file exists; its time is set to now, so pruning keeps it. */
async function markUsed(stored: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(stored, now, now);
    return true;
  } catch {
    return false;
  }
}

async function writeAtomically(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/**
 * Removes cached pictures no build has used for a week: sources that changed
 * or went, sizes no longer made. Best effort; another build may be pruning too.
 */
export function pruneImageCache(cacheDir: string, now = Date.now()): Promise<number> {
  return removeStaleShardedFiles(cacheDir, CACHE_KEEP_MS, now);
}
