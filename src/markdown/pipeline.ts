import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { withoutMarker } from '../free-limit/apply';
import type { CutWarning } from '../free-limit/errors';
import { planCut } from '../free-limit/plan';
import { freeSource, settleFreeTree } from '../free-limit/structure';
import rehypeBasePath from './rehype-base-path';
import rehypeFigures, { type BodyImage } from '../pictures/rehype-figures';
import rehypeFocusableTables from './rehype-focusable-tables';
import remarkDemoteHeadings from './remark-demote-headings';
import remarkTypography from './remark-typography';
import { articleSanitizeSchema } from './sanitize-schema';
import { verifyCut } from './verify-cut';

export interface BodyOptions {
  /** Top-level paragraphs that stay free when a paywalled body has no marker. */
  freeParagraphs: number;
  /** Render the whole article too when something is cut, for sealing. Off by default: then the paid part is never rendered. */
  keepPaid?: boolean;
  /** With `keepPaid`: keep the paid part's local pictures in the whole article, to be sealed with it (a keyed build). */
  sealPictures?: boolean;
  /** The site's base path: site-relative links in bodies are put under it. Default `/`. */
  basePath?: string;
  /** The paper's BCP 47 locale (`settings.locale`), for typographic quotation marks. Default `en-GB`. */
  locale?: string;
}

export interface RenderedBody {
  /** Sanitised HTML of the free part only (the whole text for free articles). */
  html: string;
  /** True when something was cut away and the page must show the cut-off. */
  cut: boolean;
  /**
   * Plain text of the *whole* body, paid part included. Only for build-time
   * ranking of similar stories: never render, store or serialise it.
   */
  fullText: string;
  /**
   * Sanitised HTML of the whole article, free and paid parts rendered together
   * (so footnotes referenced before the cut keep their notes and numbering), only
   * from a processor made with `keepPaid` and only when something was cut. For
   * sealing, or for the edge's private subscriber page; never on a public page.
   */
  wholeHtml?: string;
  /** The local pictures of `html`, in the order of its placeholders (see `rehype-figures.ts`). */
  images: BodyImage[];
  /** The local pictures of `wholeHtml`: the free part's, and with `sealPictures` the paid part's too (marked `paid`). */
  wholeImages?: BodyImage[];
  /** What the writer should know about the cut (lines within the body). */
  warnings: CutWarning[];
}

/**
 * Builds the article body processor. The order is fixed and matters:
 * 1. parse Markdown with GFM (tables, footnotes, strikethrough); the tree it
 *    is given to run on is already cut (see `renderBody`), before any HTML exists;
 * 2. demote `#` headings under the page's headline;
 *    typographic quotes, dashes and ellipses, in what is left after the cut only
 *    (the cut and its check read the source as written);
 * 3. to HTML, parsing raw HTML so that it can be
 * 4. sanitised (no scripts, handlers or `javascript:` URLs),
 *    pictures alone in a paragraph made figures, local pictures left as placeholders for the build to fill,
 * 5. given keyboard access to tables that scroll sideways,
 * 6. site-relative links put under the base path, then
 * 7. serialised.
 */
export function createBodyProcessor(options: BodyOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkDemoteHeadings)
    .use(remarkTypography, { locale: options.locale ?? 'en-GB' })
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, articleSanitizeSchema)
    .use(rehypeFigures)
    .use(rehypeFocusableTables)
    .use(rehypeBasePath, { base: options.basePath ?? '/' })
    .use(rehypeStringify)
    .freeze();
  processorOptions.set(processor, options);
  return processor;
}

export type BodyProcessor = ReturnType<typeof createBodyProcessor>;

/** The options each processor was made with, for `renderBody`. */
const processorOptions = new WeakMap<object, BodyOptions>();

/** Runs a (cut) tree through the processor's plugins to HTML. */
function toHtml(processor: BodyProcessor, tree: Root, file: VFile): { html: string; images: BodyImage[] } {
  const html = processor.stringify(processor.runSync(tree, file), file);
  return { html, images: file.data.bodyImages ?? [] };
}

/**
 * Renders one article body. The cut is planned once (`planCut`: every check,
 * the marker, the count, the plain reading's second opinion); then, when
 * something is cut, only the free part's source is parsed in full and
 * rendered, and checked again after rendering by `verifyCut`, which shares
 * nothing with the plan. A body the plan refuses throws its `FreeLimitError`.
 */
export function renderBody(processor: BodyProcessor, markdown: string, access: 'free' | 'subscribers'): RenderedBody {
  const options = processorOptions.get(processor);
  if (!options) throw new Error('renderBody needs a processor made by createBodyProcessor');
  const plan = planCut(markdown, { access, freeParagraphs: options.freeParagraphs });
  const fullText = toString(plan.structure, { includeHtml: false });
  const markerOffset = plan.marker?.node.position?.start.offset;
  const wholeTree = () => withoutMarker(processor.parse(markdown), markerOffset);

  if (plan.cutOffset === undefined) {
    const whole = toHtml(processor, wholeTree(), new VFile());
    return { ...whole, cut: false, fullText, warnings: plan.warnings };
  }
  const { cutOffset } = plan;
  const free = settleFreeTree(processor.parse(freeSource(markdown, plan.structure, cutOffset)), cutOffset);
  const rendered = toHtml(processor, free, new VFile());
  verifyCut({ source: markdown, cutOffset, free, freeHtml: rendered.html, basePath: options.basePath ?? '/' });
  const result: RenderedBody = { ...rendered, cut: true, fullText, warnings: plan.warnings };
  if (options.keepPaid) {
    // The whole article through the same plugins, its pictures after the cut left out, or marked to be sealed.
    const whole = toHtml(processor, wholeTree(), new VFile({ data: { paidFrom: cutOffset, sealPictures: options.sealPictures === true } }));
    result.wholeHtml = whole.html;
    result.wholeImages = whole.images;
  }
  return result;
}
