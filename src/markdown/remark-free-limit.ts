import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { assertMarkerEvidence } from './free-limit-evidence';
import { removeFreeLimitMarker, splitAtFreeLimit, type SplitOptions, type SplitResult } from './split-at-free-limit';
import { assertBlocksClosed } from './unclosed-blocks';

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller per file: `free` articles are not cut. */
    access: 'free' | 'subscribers';
    /** How the free limit was applied to this file. Set by `remarkFreeLimit`. */
    freeLimit: {
      cut: boolean;
      cutBy: SplitResult['cutBy'];
      /** Where the cut falls in the source, when something was cut. */
      cutOffset?: number;
      /** The free tree as the split left it, for the independent check after rendering. */
      freeTree?: Root;
    };
    /**
     * The whole article, free and paid parts together, kept only when asked for and
     * something was cut: sealed for subscribers in one piece, so footnotes referenced
     * before the cut keep their notes once unlocked.
     */
    wholeTree: Root;
  }
}

export interface FreeLimitOptions extends SplitOptions {
  /** Keep the whole article on `file.data.wholeTree` when something is cut. Off by default: then the paid part is dropped here. */
  keepPaid?: boolean;
}

/**
 * Cuts the Markdown tree at the free limit before anything becomes HTML, so the
 * plugins after it only ever see the free part. A thin adapter over
 * `splitAtFreeLimit`, which first reads the raw source as evidence: blocks that
 * never close, and anything marker-like that is not a marker the split will
 * cut at, stop the build with the line. (A tree given without its source, as
 * the whole article is when re-rendered for sealing, has already been checked.)
 */
export default function remarkFreeLimit(options: FreeLimitOptions) {
  return (tree: Root, file: VFile): Root => {
    if (file.value !== undefined) {
      const raw = String(file.value);
      assertBlocksClosed(raw, tree);
      assertMarkerEvidence(raw, tree);
    }
    if (file.data.access === 'free') {
      file.data.freeLimit = { cut: false, cutBy: 'none' };
      return removeFreeLimitMarker(tree);
    }
    // Copied first: the split may prune footnote references on nodes the free part shares with the input.
    const whole = options.keepPaid ? structuredClone(tree) : undefined;
    const { free, paid, cutBy, cutOffset } = splitAtFreeLimit(tree, options);
    file.data.freeLimit = { cut: paid !== null, cutBy, ...(paid ? { cutOffset, freeTree: free } : {}) };
    if (paid && whole) file.data.wholeTree = whole;
    return free;
  };
}
