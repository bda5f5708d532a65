import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** A picture in a body that the build must find, process and print. */
export interface BodyImage {
  /** The path as written (URL-decoded), relative to the article file or, starting with `/`, in `public/`. */
  src: string;
  /** Alt text as written; empty when the picture is decorative. */
  alt: string;
  /** The advisory title, for a picture inside a line of text (a figure's title is its caption). */
  title?: string;
  /** Line in the body where the picture is written. */
  line: number;
  /** Set on a picture after the free limit when the whole article is rendered for sealing with its pictures (`sealPictures`). */
  paid?: true;
}

declare module 'vfile' {
  interface DataMap {
    /** The local pictures of the rendered body, in order; placeholder `i` stands for `bodyImages[i]`. Set by `rehypeFigures`. */
    bodyImages: BodyImage[];
    /**
     * Where the paid part starts in the source, when the whole article is
     * rendered for sealing: local pictures from there on are left out (a
     * figure keeps its caption), so the sealed part references no file.
     */
    paidFrom: number;
    /**
     * With `paidFrom`: keep paid local pictures as placeholders marked `paid`,
     * to be sealed with the text (a keyed build). Without it they are left out.
     */
    sealPictures: boolean;
  }
}

/** The comment that stands for body picture `index` until the build knows its files. */
export function imagePlaceholder(index: number): string {
  return `<!--${PLACEHOLDER_PREFIX}${index}-->`;
}

const PLACEHOLDER_PREFIX = 'masthead-image:';

/** Every placeholder in a body's HTML. */
export const PLACEHOLDER_PATTERN = /<!--masthead-image:(\d+)-->/g;

/** A path to a file the build processes: not a URL with a scheme, not protocol-relative, not a fragment. */
export function isLocalImage(src: string): boolean {
  return src.trim() !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(src) && !src.startsWith('//') && !src.startsWith('#');
}

function decoded(src: string): string {
  try {
    return decodeURIComponent(src);
  } catch {
    return src;
  }
}

const isImg = (node: ElementContent | undefined): node is Element => node?.type === 'element' && node.tagName === 'img';
const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/**
 * Pictures in article bodies:
 * - a picture alone in a paragraph (`![alt](./photo.jpg "caption")`) becomes
 *   a `<figure>`, its title the `<figcaption>`;
 * - each local picture is replaced by a placeholder comment and listed on
 *   `file.data.bodyImages` with its line; the build reads the file, makes
 *   its sizes and puts the `<picture>` in the placeholder's place (see
 *   `src/pictures/fill-pictures.ts`). The rendered body depends only on the
 *   Markdown, so it can be cached while the pictures change;
 * - pictures on the web are left as they are, loaded lazily;
 * - in the whole article rendered for sealing (`paidFrom`), local pictures
 *   after the cut are left out, a figure keeping its caption, or, with
 *   `sealPictures`, kept as placeholders marked `paid`, to be sealed.
 *
 * Runs after sanitising, so the only comments in the output are its own.
 */
export default function rehypeFigures() {
  return (tree: Root, file: VFile) => {
    const images: BodyImage[] = [];
    const { paidFrom, sealPictures = false } = file.data;
    const isPaid = (node: Element) => paidFrom !== undefined && (node.position?.start.offset ?? paidFrom) >= paidFrom;
    /** A paid picture that is left out: its files would be public. Sealed with the text instead when `sealPictures`. */
    const isWithheld = (node: Element) => !sealPictures && isPaid(node);

    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const image = content[0];
      if (content.length !== 1 || !isImg(image)) return;
      const { title } = image.properties;
      delete image.properties.title;
      const caption = typeof title === 'string' && title.trim() ? title.trim() : undefined;
      const figcaption: Element[] = caption
        ? // Not search words, as the lead picture's (figure-html.ts): an excerpt must read as the article's text.
          [{ type: 'element', tagName: 'figcaption', properties: { dataPagefindIgnore: '' }, children: [{ type: 'text', value: caption }] }]
        : [];
      const src = image.properties.src;
      if (isWithheld(image) && typeof src === 'string' && isLocalImage(src)) {
        // A paid picture is not sealed with the text: its caption stays, the picture is for the subscriber edition.
        if (figcaption.length === 0) parent.children.splice(index, 1);
        else parent.children[index] = { type: 'element', tagName: 'figure', properties: { className: ['figure', 'figure--withheld'] }, children: figcaption, position: node.position };
        return [SKIP, index];
      }
      parent.children[index] = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['figure'] },
        children: [image, ...figcaption],
        position: node.position,
      };
      return SKIP;
    });

    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'img' || !parent || index === undefined) return;
      const { src, alt, title } = node.properties;
      if (typeof src !== 'string' || !isLocalImage(src)) {
        node.properties.loading = 'lazy';
        node.properties.decoding = 'async';
        return;
      }
      if (isWithheld(node)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
      images.push({
        src: decoded(src),
        alt: typeof alt === 'string' ? alt : '',
        ...(typeof title === 'string' && title ? { title } : {}),
        line: node.position?.start.line ?? 0,
        ...(isPaid(node) ? { paid: true as const } : {}),
      });
      parent.children[index] = { type: 'comment', value: `${PLACEHOLDER_PREFIX}${images.length - 1}` };
      return SKIP;
    });

    file.data.bodyImages = images;
  };
}
