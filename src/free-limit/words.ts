import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { planCut, type CutPlan } from './plan';

/** Where an article's free limit falls, in words: for the note `astro dev` shows on each article. */
export interface FreeLimitWords {
  /** Words readers get free. */
  free: number;
  /** Words in the whole body. */
  total: number;
  /** How the cut is placed: at the marker, after the free paragraphs, or nowhere (everything free). */
  cutBy: CutPlan['cutBy'];
}

/** Nodes that hold blocks: their blocks' texts are separate runs of words. */
const CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'footnoteDefinition']);

/** The text of a tree with a space between blocks (`mdast-util-to-string` runs paragraphs together). */
function blockText(node: Nodes): string {
  if (CONTAINERS.has(node.type) && 'children' in node) return (node.children as Nodes[]).map(blockText).join(' ');
  return toString(node, { includeHtml: false });
}

/** Words as a reader counts them: runs of letters and digits, `don't` and `1,000` as one. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[’'.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/**
 * Counts the words before and after the free limit of a body, from the same
 * plan the build makes (`planCut`): a body the build would refuse throws the
 * build's `FreeLimitError`. For `astro dev` only: the count of paid words is
 * not for readers.
 */
export function freeLimitWords(markdown: string, access: 'free' | 'subscribers', freeParagraphs: number): FreeLimitWords {
  const plan = planCut(markdown, { access, freeParagraphs });
  const total = countWords(blockText(plan.structure));
  return { free: plan.cutBy === 'none' ? total : countWords(blockText(plan.free)), total, cutBy: plan.cutBy };
}

/** `Free limit — 212 of 940 words free (at the marker)`, and the like for an article with nothing cut. */
export function freeLimitNote({ free, total, cutBy }: FreeLimitWords, access: 'free' | 'subscribers', freeParagraphs: number): string {
  const words = (count: number) => `${count} ${count === 1 ? 'word' : 'words'}`;
  if (access === 'free') return `Free limit — none: access: free, all ${words(total)} free`;
  if (cutBy === 'none') return `Free limit — none: nothing comes after the free part, all ${words(total)} free`;
  const where = cutBy === 'marker' ? 'at the marker' : `after the first ${freeParagraphs} paragraphs: no marker`;
  return `Free limit — ${free} of ${words(total)} free (${where})`;
}
