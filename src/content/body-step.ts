import { createDocAnalyser, type AnalysedDoc } from '../lib/related/similar-stories';
import { FreeLimitError, type FreeLimitProblem } from '../markdown/free-limit-marker';
import { createBodyProcessor, renderBody } from '../markdown/pipeline';

/**
 * The work done on one article body: cut, render and check the free part,
 * analyse the whole text for similar stories, and (for sealing) render the
 * whole article. Self-contained and synchronous, so it runs the same in the
 * build's own thread and in a worker, and its result can be cached.
 *
 * Plain data in and out (structured-clone safe). The whole text never leaves:
 * only the free HTML, the analysed terms (stems and counts) and, when asked
 * for, the whole article's HTML to be sealed at once.
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
  /** Render the whole article too, for sealing. Only for a public build with keys. */
  keepWhole: boolean;
}

export type BodyOutcome =
  | {
      ok: true;
      /** Sanitised HTML of the free part (the whole text for `free` access). */
      html: string;
      cut: boolean;
      analysed: AnalysedDoc;
      /** The whole article's HTML, when `keepWhole` and something was cut. Seal it; never store it. */
      wholeHtml?: string;
    }
  | {
      ok: false;
      /** A refusal of the cut, with its lines within the body. */
      freeLimit?: { kind: FreeLimitProblem; lines: number[]; detail: string };
      /** Any other failure, first line only. */
      message: string;
    };

/** Creates the body step; reuse it for many bodies (the processor and word cache are kept). */
export function createBodyStep(options: BodyStepOptions): (job: BodyJob) => BodyOutcome {
  const processor = createBodyProcessor({
    freeParagraphs: options.freeParagraphs,
    keepPaid: options.keepWhole,
    basePath: options.basePath,
  });
  const analyse = createDocAnalyser();
  return (job) => {
    try {
      const body = renderBody(processor, job.markdown, job.access);
      const analysed = analyse({ title: job.title, standfirst: job.standfirst, tags: job.tags, body: body.fullText });
      return {
        ok: true,
        html: body.html,
        cut: body.cut,
        analysed,
        ...(body.wholeHtml === undefined ? {} : { wholeHtml: body.wholeHtml }),
      };
    } catch (error) {
      if (error instanceof FreeLimitError) {
        return { ok: false, freeLimit: { kind: error.kind, lines: error.lines, detail: error.detail }, message: error.message };
      }
      return { ok: false, message: String((error as Error)?.message ?? error).split('\n')[0]! };
    }
  };
}
