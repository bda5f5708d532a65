import type { Root } from 'mdast';
import { assertRenderable } from '../lib/markdown-limits';
import { countedBlocks, placeCountedCut } from './count';
import { FreeLimitError, type CutWarning } from './errors';
import { readPlainly, showsWordsAfter } from './plain-reading';
import { assertRawBlocksClosed } from './raw-blocks';
import { findTheMarker, lineOfOffset, type MarkerFound } from './read-markers';
import { parseStructure, referencesDefinedAfter } from './structure';
import { endOf, keepAfter, keepBefore, keepThrough, nodeAt, startOf, withoutNodeAt } from './tree';

export interface CutOptions {
  /** `free` articles are not cut; their body is still checked for markers. */
  access: 'free' | 'subscribers';
  /** Paragraphs that stay free when a paywalled body has no marker. */
  freeParagraphs: number;
}

/** Where and how an article's body is cut: the one decision every path (build, check, dev, editor) reads. */
export interface CutPlan {
  /** The body parsed for its structure (`parseStructure`). Holds paid text: never render it. */
  structure: Root;
  /** The marker, when the body has one. */
  marker?: MarkerFound;
  /** How the cut is placed: at the marker, after the free paragraphs, or nowhere (everything is free). */
  cutBy: 'marker' | 'paragraph-count' | 'none';
  /**
   * Where the cut falls, as an offset in the body: nothing from here on may be
   * published. Absent when nothing is cut.
   */
  cutOffset?: number;
  /** The free part of `structure` (the whole body without its marker when nothing is cut). */
  free: Root;
  /** What the writer should know about the cut, that does not stop the build. */
  warnings: CutWarning[];
}

/**
 * Plans the cut of one article body, or refuses the body with a
 * `FreeLimitError` naming the line:
 * 1. the body must be renderable in reasonable time (`assertRenderable`);
 * 2. parse it for its structure (micromark, as the pipeline parses);
 * 3. refuse raw blocks that run on over what follows (`raw-blocks.ts`);
 * 4. find the marker, and explain everything else that reads as one or as
 *    another system's cut, or refuse (`read-markers.ts`);
 * 5. place the cut: at the marker, or after the free paragraphs counted as a
 *    reader counts them (`count.ts`);
 * 6. check the cut against the plain reading (`plain-reading.ts`), which
 *    shares nothing with the parser, and refuse where the two disagree.
 */
export function planCut(markdown: string, { access, freeParagraphs }: CutOptions): CutPlan {
  assertRenderable(markdown);
  const structure = parseStructure(markdown);
  assertRawBlocksClosed(markdown, structure);
  const marker = findTheMarker(markdown, structure);
  const warnings: CutWarning[] = [];
  const whole = (): CutPlan => ({ structure, ...(marker ? { marker } : {}), cutBy: 'none', free: marker ? withoutNodeAt(structure, marker.path) : structure, warnings });
  if (access === 'free') return whole();

  let free: Root;
  let paid: Root;
  let cutOffset: number;
  let cutBy: CutPlan['cutBy'];
  if (marker) {
    free = keepBefore(structure, marker.path) as Root;
    paid = keepAfter(structure, marker.path) as Root;
    cutOffset = startOf(marker.node);
    cutBy = 'marker';
  } else {
    const counted = countedBlocks(markdown, structure, warnings);
    const placed = freeParagraphs <= 0 ? (structure.children.length > 0 ? { before: [0], weight: 0, seen: 0 } : undefined) : placeCountedCut(counted, freeParagraphs);
    if (!placed) {
      assertModelsAgree(markdown, freeParagraphs, undefined, undefined);
      return whole();
    }
    if ('after' in placed) {
      free = keepThrough(structure, placed.after) as Root;
      paid = keepAfter(structure, placed.after) as Root;
      cutOffset = endOf(nodeAt(structure, placed.after));
    } else {
      const block = nodeAt(structure, placed.before);
      free = keepBefore(structure, placed.before) as Root;
      paid = keepAfter(structure, placed.before, true) as Root;
      cutOffset = startOf(block);
      if (placed.weight > 1) {
        warnings.push({ code: 'cut-block-left-out', line: block.position?.start.line ?? 0, args: { paragraphs: placed.weight, free: freeParagraphs - placed.seen } });
      }
    }
    cutBy = 'paragraph-count';
  }
  // Only link definitions after the cut: nothing to sell, so nothing is cut.
  const cut = paid.children.some((node) => node.type !== 'definition');
  assertModelsAgree(markdown, freeParagraphs, marker, cut ? cutOffset : undefined);
  if (!cut) return whole();
  for (const reference of referencesDefinedAfter(structure, cutOffset)) {
    warnings.push({ code: 'cut-address-after-cut', line: reference.line, args: { label: reference.label, definedLine: reference.definedAt } });
  }
  return { structure, ...(marker ? { marker } : {}), cutBy, cutOffset, free, warnings: warnings.sort((a, b) => a.line - b.line) };
}

/**
 * The second opinion: the parser's cut must fit the plain reading of the
 * text. With a marker, both must find it on the same line, and what follows it
 * in words must be cut away. Without one, the free part may reach no further
 * than the plain reading's free paragraphs, and a paywalled body with more
 * paragraphs than the allowance must be cut. Anything else is refused: the
 * build cannot explain where the cut falls.
 */
function assertModelsAgree(markdown: string, freeParagraphs: number, marker: MarkerFound | undefined, cutOffset: number | undefined): void {
  const plain = readPlainly(markdown);
  if (marker) {
    const markerLine = lineOfOffset(markdown, startOf(marker.node));
    if (!plain.markerLines.some((found) => found.line === markerLine) || plain.markerLines.length > 1) {
      const otherLines = plain.markerLines.filter((found) => found.line !== markerLine).map((found) => found.line);
      throw new FreeLimitError('free-limit-disagreement', markerLine, { reason: 'marker-not-only', markerLine, otherLines });
    }
    if (cutOffset === undefined && showsWordsAfter(markdown, startOf(marker.node))) {
      throw new FreeLimitError('free-limit-disagreement', markerLine, { reason: 'words-after-marker', markerLine });
    }
    return;
  }
  const [swallowed] = plain.markerLines;
  if (swallowed) throw new FreeLimitError('free-limit-disagreement', swallowed.line, { reason: 'marker-swallowed', markerLine: swallowed.line });
  const beyond = plain.chunks[freeParagraphs];
  if (!beyond) return;
  if (cutOffset === undefined) {
    throw new FreeLimitError('free-limit-disagreement', beyond.line, { reason: 'nothing-cut', paragraphs: freeParagraphs, found: plain.chunks.length, nextLine: beyond.line });
  }
  // The free part ends with the last free paragraph, read plainly: what follows it is paid, words or not.
  const last = plain.chunks[freeParagraphs - 1];
  if (cutOffset > (last ? last.end : beyond.start)) {
    const endLine = last ? lineOfOffset(markdown, last.end) : beyond.line;
    throw new FreeLimitError('free-limit-disagreement', endLine, { reason: 'runs-past', paragraphs: freeParagraphs, endLine });
  }
}
