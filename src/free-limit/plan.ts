import type { Root } from 'mdast';
import { assertRenderable } from '../markdown/assert-renderable';
import { countedBlocks, placeCountedCut } from './count';
import { FREE_LIMIT_MARKER } from './marker';
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
        warnings.push({ kind: 'block-left-out', line: block.position?.start.line ?? 0, paragraphs: placed.weight, free: freeParagraphs - placed.seen });
      }
    }
    cutBy = 'paragraph-count';
  }
  // Only link definitions after the cut: nothing to sell, so nothing is cut.
  const cut = paid.children.some((node) => node.type !== 'definition');
  assertModelsAgree(markdown, freeParagraphs, marker, cut ? cutOffset : undefined);
  if (!cut) return whole();
  for (const reference of referencesDefinedAfter(structure, cutOffset)) {
    warnings.push({ kind: 'address-after-cut', line: reference.line, label: reference.label, definedAt: reference.definedAt });
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
  const disagree = (line: number | undefined, why: string) => {
    throw new FreeLimitError('disagreement', line === undefined ? [] : [line], `the build cannot be certain where the free part ends: ${why}. Put ${FREE_LIMIT_MARKER} on a line of its own where the free part should end, and check the lines named`);
  };
  if (marker) {
    const line = lineOfOffset(markdown, startOf(marker.node));
    if (!plain.markerLines.some((found) => found.line === line) || plain.markerLines.length > 1) {
      const others = plain.markerLines.filter((found) => found.line !== line).map((found) => found.line);
      disagree(line, `the marker the parser cuts at (line ${line}) is not the only marker line in the text${others.length > 0 ? ` (also line ${others.join(', ')})` : ''}`);
    }
    if (cutOffset === undefined && showsWordsAfter(markdown, startOf(marker.node))) {
      disagree(line, `the text has words after the marker (line ${line}), but the parser found nothing after it to cut`);
    }
    return;
  }
  if (plain.markerLines.length > 0) {
    const [first] = plain.markerLines;
    disagree(first!.line, `line ${first!.line} holds the marker, but the parser does not read it as one (it is inside something that swallows it)`);
  }
  const beyond = plain.chunks[freeParagraphs];
  if (!beyond) return;
  if (cutOffset === undefined) {
    disagree(beyond.line, `read plainly, this paywalled article has ${plain.chunks.length} paragraphs, more than the ${freeParagraphs} free ones, yet the parser finds nothing to cut; paragraph ${freeParagraphs + 1} starts at line ${beyond.line}`);
  }
  // The free part ends with the last free paragraph, read plainly: what follows it is paid, words or not.
  const last = plain.chunks[freeParagraphs - 1];
  const limit = last ? last.end : beyond.start;
  if (cutOffset! > limit) {
    const line = last ? lineOfOffset(markdown, last.end) : beyond.line;
    disagree(line, `read plainly, the free part would run on past its ${freeParagraphs} paragraphs, which end at line ${line}, because the parser does not count some of the text before the cut as paragraphs (code, a footnote, a block of HTML or a comment)`);
  }
}
