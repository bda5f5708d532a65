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
import { assertRenderable } from './assert-renderable';
import rehypeBasePath from './rehype-base-path';
import rehypeFigures, { type BodyImage } from './rehype-figures';
import rehypeFocusableTables from './rehype-focusable-tables';
import remarkDemoteHeadings from './remark-demote-headings';
import { assertMarkerEvidence } from './free-limit-evidence';
import { FreeLimitError } from './free-limit-marker';
import { freeSource, parseStructure, settleFreeTree } from './parse-structure';
import remarkFreeLimit, { type FreeLimitOptions } from './remark-free-limit';
import remarkTypography from './remark-typography';
import { articleSanitizeSchema } from './sanitize-schema';
import { splitAtFreeLimit } from './split-at-free-limit';
import { assertBlocksClosed } from './unclosed-blocks';
import { verifyCut } from './verify-cut';

export interface BodyOptions extends FreeLimitOptions {
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
   * sealing; never render it.
   */
  wholeHtml?: string;
  /** The local pictures of `html`, in the order of its placeholders (see `rehype-figures.ts`). */
  images: BodyImage[];
  /** The local pictures of `wholeHtml`, free part only: the sealed part leaves out paid pictures. */
  wholeImages?: BodyImage[];
}

/**
 * Builds the article body processor. The order is fixed and matters:
 * 1. parse Markdown with GFM (tables, footnotes, strikethrough);
 * 2. cut at the free limit, on the Markdown tree, before any HTML exists;
 * 3. demote `#` headings under the page's headline;
 *    typographic quotes, dashes and ellipses, in what is left after the cut only
 *    (the cut and its check read the source as written);
 * 4. to HTML, parsing raw HTML so that it can be
 * 5. sanitised (no scripts, handlers or `javascript:` URLs),
 *    pictures alone in a paragraph made figures, local pictures left as placeholders for the build to fill,
 * 6. given keyboard access to tables that scroll sideways,
 * 7. site-relative links put under the base path, then
 * 8. serialised.
 */
export function createBodyProcessor(options: BodyOptions) {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFreeLimit, { freeParagraphs: options.freeParagraphs, keepPaid: options.keepPaid ?? false })
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

/**
 * Renders one article body. The Markdown is parsed once: the same tree gives the
 * full text for ranking and, after the cut, the public HTML.
 */
export function renderBody(
  processor: BodyProcessor,
  markdown: string,
  access: 'free' | 'subscribers',
): RenderedBody {
  assertRenderable(markdown);
  const options = processorOptions.get(processor);
  if (access === 'subscribers' && options && !options.keepPaid) {
    const rendered = renderFreePart(processor, options, markdown);
    if (rendered) return rendered;
  }
  const file = new VFile({ value: markdown, data: { access } });
  const tree: Root = processor.parse(file);
  const fullText = toString(tree, { includeHtml: false });
  const hast = processor.runSync(tree, file);
  const html = processor.stringify(hast, file);
  const { cut = false, cutOffset, freeTree } = file.data.freeLimit ?? {};
  if (cut) {
    // A second opinion, by code that shares nothing with the split: the build stops rather than publish.
    if (cutOffset === undefined || !freeTree) throw new FreeLimitError('internal-check', [], 'the cut left no record of where it fell');
    verifyCut({ source: markdown, cutOffset, free: freeTree, freeHtml: html });
  }
  const result: RenderedBody = { html, cut, fullText, images: file.data.bodyImages ?? [] };
  const { wholeTree } = file.data;
  if (wholeTree) {
    // The whole article through the same plugins: as a free file it is not cut, only its marker removed.
    const wholeFile = new VFile({ data: { access: 'free', ...(cutOffset === undefined ? {} : { paidFrom: cutOffset }) } });
    result.wholeHtml = processor.stringify(processor.runSync(wholeTree, wholeFile), wholeFile);
    result.wholeImages = wholeFile.data.bodyImages ?? [];
  }
  return result;
}

/**
 * Parse what you publish: a paywalled body in a public build without keys is
 * parsed whole only for its structure (`parseStructure`: no autolink
 * literals), which is enough to check it and place the cut; then only the
 * free part's source is parsed in full and rendered. `undefined` when nothing
 * is cut: the caller renders the whole body as usual.
 */
function renderFreePart(processor: BodyProcessor, options: BodyOptions, markdown: string): RenderedBody | undefined {
  const structure = parseStructure(markdown);
  assertBlocksClosed(markdown, structure);
  assertMarkerEvidence(markdown, structure);
  const { paid, cutOffset } = splitAtFreeLimit(structure, { freeParagraphs: options.freeParagraphs });
  if (!paid || cutOffset === undefined) return undefined;
  const file = new VFile({ value: freeSource(markdown, structure, cutOffset), data: { access: 'free' } });
  const free = settleFreeTree(processor.parse(file), structure, cutOffset);
  const html = processor.stringify(processor.runSync(free, file), file);
  verifyCut({ source: markdown, cutOffset, free, freeHtml: html });
  return { html, cut: true, fullText: toString(structure, { includeHtml: false }), images: file.data.bodyImages ?? [] };
}
