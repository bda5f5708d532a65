import { z } from 'astro/zod';
import { checkText, textProblem } from '../lib/text-check';
import { field } from '../lib/field-meta';

/** How a picture's `src` is written, for messages. */
export const IMAGE_SRC_HINT =
  'a picture beside the Markdown file (./harbour-wall.jpg) or a path in public/ starting with / (/images/pier.jpg)';

/**
 * What is wrong with a picture's `src`, or `undefined` when nothing is. Web
 * addresses are refused: pictures are resized at build time, which needs the
 * file, and a build must not depend on the network.
 */
export function imageSrcProblem(src: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return /^(https?:)?\/\//i.test(src)
      ? `"${src}" is a web address; Masthead resizes pictures at build time without the network: save the picture beside the article and write its path (./${webFileName(src)})`
      : `"${src}" must be ${IMAGE_SRC_HINT}`;
  }
  if (src.includes('\\')) return `"${src}" must use / between folders, not \\`;
  if (src.endsWith('/')) return `"${src}" is a folder; name the picture file`;
  return undefined;
}

/** `pier.jpg` from `https://example.org/a/pier.jpg?x=1`, for the hint in a message. */
function webFileName(src: string): string {
  const name = src.replace(/[?#].*$/, '').split('/').pop();
  return name && /\.\w+$/.test(name) ? name : 'picture.jpg';
}

const oneLine = (what: string) =>
  z.string({ error: `must be ${what}` }).trim().min(1, 'must not be empty').superRefine(checkText());

/** A picture's path, checked for form only; the file itself is checked when the archive is read. */
const imageSrc = oneLine('the picture’s path as text').superRefine((value, context) => {
  const problem = imageSrcProblem(value);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** `image:` written the old way, as a bare path, gets the new form spelled out. */
function leadImageTypeError(input: unknown): string {
  if (typeof input === 'string') {
    const src = imageSrcProblem(input.trim()) ? './picture.jpg' : input.trim();
    return `is now a group of fields, not a bare path: write image: { src: "${src}", alt: "what the picture shows" } (caption and credit optional)`;
  }
  return 'must be a group of fields: image: { src: ./picture.jpg, alt: "what the picture shows", caption, credit }';
}

/**
 * An article's lead picture in frontmatter:
 *
 * ```yaml
 * image:
 *   src: ./harbour-wall.jpg
 *   alt: The harbour wall at low tide, with the new crane behind it
 *   caption: Work on the wall began in March.
 *   credit: Mara Okafor
 * ```
 */
export const leadImageSchema = z
  .strictObject(
    {
      /** The picture file: beside the article (`./harbour-wall.jpg`, relative to the Markdown file) or in `public/` (`/images/pier.jpg`). */
      src: field(imageSrc, { editor: { label: 'Picture', widget: 'image' } }),
      /** What the picture shows, for readers who cannot see it. Required unless `decorative`. */
      alt: field(oneLine('text describing the picture').optional(), {
        editor: { label: 'Alt text', hint: 'What the picture shows, for readers who cannot see it. Required unless the picture is decorative.' },
      }),
      /** A sentence or two shown under the picture. Optional. */
      caption: field(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText({ multiline: true })).optional(), {
        editor: { label: 'Caption', widget: 'text' },
      }),
      /** Who made the picture (photographer, agency, licence), shown after the caption. Optional. */
      credit: field(oneLine('text naming who made the picture').optional(), { editor: { label: 'Credit', hint: 'Photographer, agency or licence.' } }),
      /** `true` for a picture that adds nothing to the text: it gets `alt=""` and is not announced. Default `false`. */
      decorative: field(z.boolean({ error: 'must be true or false' }).default(false), { editor: { label: 'Decorative (adds nothing to the text)' } }),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `has unknown fields ${issue.keys.map((key) => `"${key}"`).join(', ')} (known: src, alt, caption, credit, decorative)` : leadImageTypeError(issue.input)) },
  )
  .superRefine((image, context) => {
    if (!image.decorative && image.alt === undefined)
      context.addIssue({
        code: 'custom',
        path: ['alt'],
        message: 'is required: describe what the picture shows, or set decorative: true for a picture that adds nothing to the text',
      });
  });

export type LeadImageFrontmatter = z.output<typeof leadImageSchema>;

/** An author's portrait in frontmatter: `portrait: { src: ./mara-okafor.jpg }`. */
export const portraitSchema = z.strictObject(
  {
    /** The picture file, relative to the author's Markdown file, or a path in `public/`. */
    src: field(imageSrc, { editor: { label: 'Picture', widget: 'image' } }),
    /** Alt text. Optional: beside a byline the portrait is decorative, the name is next to it. */
    alt: field(oneLine('text describing the portrait').optional(), { editor: { label: 'Alt text' } }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has unknown fields ${issue.keys.map((key) => `"${key}"`).join(', ')} (known: src, alt)`
        : typeof issue.input === 'string'
          ? `must be a group of fields: portrait: { src: "${textProblem(issue.input) || imageSrcProblem(issue.input.trim()) ? './portrait.jpg' : issue.input.trim()}" }`
          : 'must be a group of fields: portrait: { src: ./portrait.jpg }',
  },
);

export type PortraitFrontmatter = z.output<typeof portraitSchema>;

/**
 * A picture the build has found, read and will process: what pages need to
 * print a `<picture>` for it. Every processed file's name derives from `hash`
 * and the variant (`src/pictures/variants.ts`), so pages and the image writer
 * agree on URLs without talking to each other.
 */
export const storedImageSchema = z.object({
  /** SHA-256 (hex) of the source file's bytes. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** Width in pixels of the source as displayed (after its EXIF orientation). */
  width: z.number().int().positive(),
  /** Height in pixels of the source as displayed. */
  height: z.number().int().positive(),
  /** The format for browsers without AVIF or WebP: `png` for sources with transparency, otherwise `jpeg`. */
  fallback: z.enum(['jpeg', 'png']),
  /** Alt text; empty for a decorative picture. */
  alt: z.string(),
  /** True when the picture is decorative: `alt=""`, not announced. */
  decorative: z.boolean(),
  /** Shown under the picture. */
  caption: z.string().optional(),
  /** Who made the picture, shown after the caption. */
  credit: z.string().optional(),
});

export type StoredImage = z.output<typeof storedImageSchema>;
