import { createHash } from 'node:crypto';
import { fillPictures, type FilledPicture } from './fill-pictures';
import type { ImageJob } from './process-images';
import { createSourceImageReader, ImageReadError, resolveImagePath, type ImageRoots, type PictureProblem, type SourceImage } from './source-image';
import { imageVariants, sealedUrl, sealedVariants, type ImageUse, type ImageVariant } from './variants';
import { createUrls } from '../lib/urls';
import type { BodyImage } from './rehype-figures';
import type { LeadImageFrontmatter, PortraitFrontmatter, StoredImage } from './schema';

export interface ArchiveImagesOptions extends ImageRoots {
  /** The site's base path, for the URLs in bodies. */
  basePath: string;
  /** A path as messages show it. */
  show: (file: string) => string;
}

/** A picture found and measured, or why not. */
export type Found<T> = { ok: true; value: T } | { ok: false; problem: PictureProblem };

/** The result of filling a body's picture placeholders. */
export interface FilledBody {
  html: string;
  /** One per picture that could not be used, with its line in the file. */
  problems: { line: number; problem: PictureProblem }[];
  /** The files of the paid pictures the HTML names sealed (with `seal`): to be made, then sealed with the text under these names. */
  toSeal: PictureToSeal[];
}

/** A file of a paid picture to make and seal with its article. */
export interface PictureToSeal {
  /** The sealed file's name (random: see `newSealedFileName`), as the HTML names it. */
  name: string;
  /** Absolute path of the source picture. */
  source: string;
  variant: ImageVariant;
}

/** How to fill the paid pictures of an article's whole HTML, to be sealed. */
export interface SealPaidPictures {
  /** Content hashes of the pictures this article shows publicly besides its body's (its lead picture): a paid copy of one stays public. */
  publicHashes: ReadonlySet<string>;
  /** A fresh, unguessable name for a sealed file. */
  newName: () => string;
}

/**
 * The pictures of one archive read: finds and measures each file (once,
 * however many articles name it), turns frontmatter into what pages print,
 * fills body placeholders, and records which files pages will reference, for
 * the picture integration to make. Nothing is recorded for a picture that is
 * not shown: a public build never sees the pictures after a free limit.
 */
export function createArchiveImages({ basePath, show, ...roots }: ArchiveImagesOptions) {
  const read = createSourceImageReader();
  const urls = createUrls(basePath);
  const uses = new Map<string, { source: SourceImage; uses: Set<ImageUse> }>();

  const use = (source: SourceImage, ...kinds: ImageUse[]) => {
    const entry = uses.get(source.path) ?? { source, uses: new Set<ImageUse>() };
    for (const kind of kinds) entry.uses.add(kind);
    uses.set(source.path, entry);
  };

  /** Finds and reads a picture named by `src` in `fromFile`. */
  const find = async (src: string, fromFile: string): Promise<Found<SourceImage>> => {
    const resolved = resolveImagePath(src, fromFile, roots);
    if (!resolved.ok) return resolved;
    try {
      return { ok: true, value: await read(resolved.path) };
    } catch (error) {
      if (error instanceof ImageReadError) return { ok: false, problem: { code: 'picture-unusable', args: { src, problem: error.message, path: show(resolved.path) } } };
      throw error;
    }
  };

  const stored = (source: SourceImage, text: Omit<StoredImage, 'hash' | 'width' | 'height' | 'fallback'>): StoredImage => ({
    hash: source.hash,
    width: source.width,
    height: source.height,
    fallback: source.fallback,
    ...text,
  });

  return {
    /** An article's lead picture: the whole picture on its page, a crop on story cards and for link previews. */
    async lead(image: LeadImageFrontmatter, fromFile: string, typeset: (text: string) => string = (text) => text): Promise<Found<StoredImage>> {
      const found = await find(image.src, fromFile);
      if (!found.ok) return found;
      use(found.value, 'content', 'card', 'social');
      return {
        ok: true,
        value: stored(found.value, {
          alt: image.decorative ? '' : typeset(image.alt ?? ''),
          decorative: image.decorative,
          ...(image.caption === undefined ? {} : { caption: typeset(image.caption) }),
          ...(image.credit === undefined ? {} : { credit: typeset(image.credit) }),
        }),
      };
    },

    /** An author's portrait: a square crop; decorative unless it has alt text. */
    async portrait(portrait: PortraitFrontmatter, fromFile: string): Promise<Found<StoredImage>> {
      const found = await find(portrait.src, fromFile);
      if (!found.ok) return found;
      use(found.value, 'portrait');
      return { ok: true, value: stored(found.value, { alt: portrait.alt ?? '', decorative: portrait.alt === undefined }) };
    },

    /**
     * Puts each local picture of a rendered body in its placeholder's place.
     * `lineOffset` turns body lines into file lines for the messages.
     *
     * Paid pictures (in an article's whole HTML rendered for sealing) need
     * `seal`: one shown only in the paid part is named by sealed files, which
     * the caller makes and seals with the text, and no public file is planned
     * for it; one the article also shows in its free part, or as its lead
     * picture, is public anyway and printed as such.
     * @throws Error for a paid picture without `seal`: it would be published.
     */
    async fillBody(html: string, images: readonly BodyImage[], fromFile: string, lineOffset: number, seal?: SealPaidPictures): Promise<FilledBody> {
      const problems: FilledBody['problems'] = [];
      const toSeal: PictureToSeal[] = [];
      const found = await Promise.all(images.map((image) => find(image.src, fromFile)));
      const publicHashes = new Set(seal?.publicHashes);
      found.forEach((result, index) => {
        if (result.ok && !images[index]!.paid) publicHashes.add(result.value.hash);
      });
      const pictures = images.map((image, index): FilledPicture | undefined => {
        const result = found[index]!;
        if (!result.ok) {
          problems.push({ line: image.line + lineOffset, problem: result.problem });
          return undefined;
        }
        const source = result.value;
        if (image.paid && !publicHashes.has(source.hash)) {
          if (!seal) throw new Error(`fillBody: a paid picture (line ${image.line + lineOffset} of ${show(fromFile)}) can only be sealed, and no seal was given`);
          const sealed = sealedVariants(source).map((variant) => {
            const name = seal.newName();
            toSeal.push({ name, source: source.path, variant });
            return { url: sealedUrl(name, urls), width: variant.width, height: variant.height };
          });
          return { source, alt: image.alt, title: image.title, sealed };
        }
        use(source, 'content');
        return { source, alt: image.alt, title: image.title };
      });
      return { html: fillPictures(html, pictures, urls), problems, toSeal };
    },

    /**
     * A fingerprint of the files a body's pictures are now (content hashes and
     * sizes): a sealed envelope made with other files is stale. Missing files
     * give a fingerprint of their own; the caller reports them when filling.
     */
    async fingerprint(images: readonly BodyImage[], fromFile: string): Promise<string> {
      const parts = await Promise.all(
        images.map(async (image) => {
          const found = await find(image.src, fromFile);
          return found.ok ? `${found.value.hash}:${found.value.width}x${found.value.height}:${found.value.fallback}` : 'missing';
        }),
      );
      return createHash('sha256').update(parts.join('\n')).digest('hex');
    },

    /** Every file the pages of this build reference. */
    jobs(): ImageJob[] {
      return [...uses.values()].flatMap(({ source, uses: kinds }) =>
        [...kinds].flatMap((kind) => imageVariants(source, kind).map((variant) => ({ source: source.path, hash: source.hash, variant }))),
      );
    },
  };
}

export type ArchiveImages = ReturnType<typeof createArchiveImages>;
