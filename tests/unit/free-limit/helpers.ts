import { FreeLimitError } from '../../../src/free-limit/errors';
import { createBodyProcessor, renderBody, type RenderedBody } from '../../../src/markdown/pipeline';

const processors = new Map<number, ReturnType<typeof createBodyProcessor>>();

/** Renders a paywalled body as a public build does, with `freeParagraphs` free when it has no marker. */
export function render(markdown: string, freeParagraphs = 3, access: 'free' | 'subscribers' = 'subscribers'): RenderedBody {
  if (!processors.has(freeParagraphs)) processors.set(freeParagraphs, createBodyProcessor({ freeParagraphs }));
  return renderBody(processors.get(freeParagraphs)!, markdown, access);
}

/** The error a body gets; fails the test when it renders. */
export function refusal(markdown: string, freeParagraphs = 3): FreeLimitError {
  try {
    const { html } = render(markdown, freeParagraphs);
    throw new Error(`rendered without complaint; free HTML: ${html}`);
  } catch (error) {
    if (error instanceof FreeLimitError) return error;
    throw error;
  }
}

/** Four paid paragraphs, each with the canary `zqx`. */
export const PAID = 'Paid zqx one.\n\nPaid zqx two.\n\nPaid zqx three.\n\nPaid zqx four.';
