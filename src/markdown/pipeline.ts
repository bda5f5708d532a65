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
import rehypeFocusableTables from './rehype-focusable-tables';
import remarkDemoteHeadings from './remark-demote-headings';
import { FreeLimitError } from './free-limit-marker';
import remarkFreeLimit, { type FreeLimitOptions } from './remark-free-limit';
import { articleSanitizeSchema } from './sanitize-schema';
import { verifyCut } from './verify-cut';

export interface BodyOptions extends FreeLimitOptions {
  /** The site's base path: site-relative links in bodies are put under it. Default `/`. */
  basePath?: string;
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
}

/**
 * Builds the article body processor. The order is fixed and matters:
 * 1. parse Markdown with GFM (tables, footnotes, strikethrough);
 * 2. cut at the free limit, on the Markdown tree, before any HTML exists;
 * 3. demote `#` headings under the page's headline;
 * 4. to HTML, parsing raw HTML so that it can be
 * 5. sanitised (no scripts, handlers or `javascript:` URLs),
 * 6. given keyboard access to tables that scroll sideways,
 * 7. site-relative links put under the base path, then
 * 8. serialised.
 */
export function createBodyProcessor(options: BodyOptions) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFreeLimit, { freeParagraphs: options.freeParagraphs, keepPaid: options.keepPaid ?? false })
    .use(remarkDemoteHeadings)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRaw)
    .use(rehypeSanitize, articleSanitizeSchema)
    .use(rehypeFocusableTables)
    .use(rehypeBasePath, { base: options.basePath ?? '/' })
    .use(rehypeStringify)
    .freeze();
}

export type BodyProcessor = ReturnType<typeof createBodyProcessor>;

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
  const result: RenderedBody = { html, cut, fullText };
  const { wholeTree } = file.data;
  if (wholeTree) {
    // The whole article through the same plugins: as a free file it is not cut, only its marker removed.
    const wholeFile = new VFile({ data: { access: 'free' } });
    result.wholeHtml = processor.stringify(processor.runSync(wholeTree, wholeFile), wholeFile);
  }
  return result;
}
