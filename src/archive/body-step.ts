import { createDocAnalyser, type AnalysedDoc } from '../similar-stories/similar-stories';
import type { IssueCode } from '../errors/catalogue';
import { FreeLimitError, type CutWarning } from '../free-limit/errors';
import { UnrenderableBodyError } from '../lib/markdown-limits';
import { createBodyProcessor, renderBody } from '../markdown/pipeline';
import type { BodyImage } from '../pictures/rehype-figures';

/**
 * The work done on one article body: cut, render and check the free part,
 * analyse the whole text for similar stories, and (for sealing) render the
 * whole article. Self-contained and synchronous, so it runs the same in the
 * build's own thread and in a worker, and its result can be cached.
 *
 * Plain data in and out (structured-clone safe). The whole text never leaves:
 * only the free HTML, the analysed terms (fingerprints of stems, with counts)
 * and, when asked for, the whole article's HTML to be sealed at once.
 */
export interface BodyJob {
  markdown: string;
  /** `free` renders the whole body without a cut. */
  access: 'free' | 'subscribers';
  title: string;
  standfirst: string;
  tags: readonly string[];
}

export interface BodyStepOptions {
  freeParagraphs: number;
  basePath: string;
  /** The paper's BCP 47 locale, for typographic quotation marks. Default `en-GB`. */
  locale?: string;
  /** Render the whole article too, for sealing or the edge's private pages. Only for a public build with keys, or with the edge. */
  keepWhole: boolean;
  /** With `keepWhole`, for sealing: the whole article keeps its paid pictures, to be sealed with the text. */
  sealPictures?: boolean;
}

export type BodyOutcome =
  | {
      ok: true;
      /** Sanitised HTML of the free part (the whole text for `free` access). */
      html: string;
      cut: boolean;
      analysed: AnalysedDoc;
      /**
       * The whole article's HTML, when `keepWhole` and something was cut. Seal it, or keep it for the edge's
       * private page (cached only in the subscriber folder of the body cache); never on a public page.
       */
      wholeHtml?: string;
      /** The local pictures of `html`, for the build to find, process and put in place. */
      images: BodyImage[];
      /** The local pictures of `wholeHtml`: the free part's, and with `sealPictures` the paid part's (marked `paid`). */
      wholeImages?: BodyImage[];
      /** What the writer should know about the cut, with lines within the body. */
      warnings: CutWarning[];
    }
  | {
      ok: false;
      /** Why, as a code of the error catalogue with its arguments; `line` and any `…Line` argument are lines within the body. */
      problem: BodyProblem;
    };

/** A body refused or failed, as plain data: the archive places it in the file. */
export interface BodyProblem {
  code: IssueCode;
  line?: number | undefined;
  args: unknown;
}

/**
 * A 53-bit fingerprint of a term (cyrb53), so that what the build keeps and
 * caches of the whole text is counts of fingerprints, not words. The seed is
 * fixed: every machine must rank similar stories the same way.
 */
function fingerprint(term: string): string {
  let h1 = 0xdeadbeef ^ 0x4d41;
  let h2 = 0x41c6ce57 ^ 0x5448;
  for (let i = 0; i < term.length; i++) {
    const c = term.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

function fingerprinted({ terms, weights, tagTerms }: AnalysedDoc): AnalysedDoc {
  return { terms: terms.map(fingerprint), weights, tagTerms: tagTerms.map(fingerprint) };
}

/** Creates the body step; reuse it for many bodies (the processor and word cache are kept). */
export function createBodyStep(options: BodyStepOptions): (job: BodyJob) => BodyOutcome {
  const processor = createBodyProcessor({
    freeParagraphs: options.freeParagraphs,
    keepPaid: options.keepWhole,
    sealPictures: options.sealPictures === true,
    basePath: options.basePath,
    locale: options.locale ?? 'en-GB',
  });
  const analyse = createDocAnalyser();
  return (job) => {
    try {
      const body = renderBody(processor, job.markdown, job.access);
      const analysed = fingerprinted(analyse({ title: job.title, standfirst: job.standfirst, tags: job.tags, body: body.fullText }));
      return {
        ok: true,
        html: body.html,
        cut: body.cut,
        analysed,
        images: body.images,
        warnings: body.warnings,
        ...(body.wholeHtml === undefined ? {} : { wholeHtml: body.wholeHtml, wholeImages: body.wholeImages ?? [] }),
      };
    } catch (error) {
      if (error instanceof FreeLimitError) return { ok: false, problem: { code: error.code, line: error.line, args: error.args } };
      if (error instanceof UnrenderableBodyError) {
        return { ok: false, problem: { code: 'body-too-costly', line: error.line, args: { problem: error.problem, advice: error.advice } } };
      }
      return { ok: false, problem: { code: 'body-render-failed', args: { reason: String((error as Error)?.message ?? error).split('\n')[0]! } } };
    }
  };
}
