import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { removeFreeLimitMarker, splitAtFreeLimit, type SplitOptions, type SplitResult } from './split-at-free-limit';

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller per file: `free` articles are not cut. */
    access: 'free' | 'subscribers';
    /** How the free limit was applied to this file. Set by `remarkFreeLimit`. */
    freeLimit: { cut: boolean; cutBy: SplitResult['cutBy'] };
    /** The part after the cut, kept only when asked for (to seal it for subscribers). */
    paidTree: Root;
  }
}

export interface FreeLimitOptions extends SplitOptions {
  /** Keep the paid part on `file.data.paidTree`. Off by default: then it is dropped here. */
  keepPaid?: boolean;
}

/**
 * Cuts the Markdown tree at the free limit before anything becomes HTML, so the
 * plugins after it only ever see the free part. A thin adapter over `splitAtFreeLimit`.
 */
export default function remarkFreeLimit(options: FreeLimitOptions) {
  return (tree: Root, file: VFile): Root => {
    if (file.data.access === 'free') {
      file.data.freeLimit = { cut: false, cutBy: 'none' };
      return removeFreeLimitMarker(tree);
    }
    const { free, paid, cutBy } = splitAtFreeLimit(tree, options);
    file.data.freeLimit = { cut: paid !== null, cutBy };
    if (paid && options.keepPaid) file.data.paidTree = paid;
    return free;
  };
}
