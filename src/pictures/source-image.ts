import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata } from 'sharp';
import type { ImageSourceInfo } from './variants';

/** Where pictures may come from, to resolve a `src` as written. */
export interface ImageRoots {
  /** The content folder: a relative `src` must stay inside it. */
  contentDir: string;
  /** `public/`: a `src` starting with `/` is a file in it. */
  publicDir: string;
}

/** Why a picture cannot be used: a code of the error catalogue and its arguments. */
export type PictureProblem =
  | { code: 'picture-names-no-file' | 'picture-outside-public' | 'picture-outside-content'; args: { src: string } }
  | { code: 'picture-unusable'; args: { src: string; problem: string; path: string } };

/** A resolved path, or why the `src` cannot be one. */
export type ResolvedPath = { ok: true; path: string } | { ok: false; problem: PictureProblem };

function isInside(target: string, dir: string): boolean {
  const relative = path.relative(dir, target);
  return relative !== '' && !relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative);
}

/**
 * Turns a picture's `src` into a file path: `/images/pier.jpg` is a file in
 * `public/`; anything else is relative to the Markdown file that names it
 * (`fromFile`) and must stay inside the content folder, so a build reads
 * pictures from where the newsroom keeps its content and nowhere else. Query
 * strings and fragments are not part of a file name.
 */
export function resolveImagePath(src: string, fromFile: string, roots: ImageRoots): ResolvedPath {
  const file = src.replace(/[?#].*$/, '');
  if (!file) return { ok: false, problem: { code: 'picture-names-no-file', args: { src } } };
  if (file.startsWith('/')) {
    const resolved = path.join(roots.publicDir, ...file.split('/'));
    return isInside(resolved, roots.publicDir)
      ? { ok: true, path: resolved }
      : { ok: false, problem: { code: 'picture-outside-public', args: { src } } };
  }
  const resolved = path.resolve(path.dirname(fromFile), ...file.split('/'));
  return isInside(resolved, roots.contentDir)
    ? { ok: true, path: resolved }
    : { ok: false, problem: { code: 'picture-outside-content', args: { src } } };
}

/** A picture file, read and measured. */
export interface SourceImage extends ImageSourceInfo {
  /** Absolute path of the file. */
  path: string;
}

/** Why a file is not a picture the build can use. */
export class ImageReadError extends Error {}

/**
 * Reads a picture file: its content hash, its size as displayed (EXIF
 * orientations 5 to 8 swap width and height) and whether it needs a PNG
 * fallback (transparent pixels). Only the header is decoded, except for the
 * rare source with an alpha channel, whose pixels say whether it is really
 * transparent.
 */
export async function readSourceImage(file: string): Promise<SourceImage> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new ImageReadError('is a folder, not a picture file');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof ImageReadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImageReadError(code === 'ENOENT' || code === 'ENOTDIR' ? 'is not found' : `cannot be read (${code ?? (error as Error).message})`);
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch (error) {
    throw new ImageReadError(`is not a picture Masthead can read (${(error as Error).message.split('\n')[0]}); use JPEG, PNG, WebP or AVIF`);
  }
  const { width, height } = metadata;
  if (!width || !height) throw new ImageReadError('is not a picture Masthead can read (it has no size); use JPEG, PNG, WebP or AVIF');
  const turned = (metadata.orientation ?? 1) >= 5;
  let fallback: 'jpeg' | 'png' = 'jpeg';
  if (metadata.hasAlpha) {
    try {
      // A PNG saved with an alpha channel is often opaque all the same; only real transparency needs a PNG.
      fallback = (await sharp(bytes).stats()).isOpaque ? 'jpeg' : 'png';
    } catch (error) {
      throw new ImageReadError(`is not a picture Masthead can read (${(error as Error).message.split('\n')[0]})`);
    }
  }
  return {
    path: file,
    hash: createHash('sha256').update(bytes).digest('hex'),
    width: turned ? height : width,
    height: turned ? width : height,
    fallback,
  };
}

/**
 * Reads each picture once however many articles name it: the same path gives
 * the same promise within one archive read.
 */
export function createSourceImageReader(): (file: string) => Promise<SourceImage> {
  const read = new Map<string, Promise<SourceImage>>();
  return (file) => {
    let pending = read.get(file);
    if (!pending) {
      pending = readSourceImage(file);
      // Each caller awaits and reports it; an unawaited copy must not count as unhandled.
      pending.catch(() => {});
      read.set(file, pending);
    }
    return pending;
  };
}
