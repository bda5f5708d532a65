import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { removeFreeLimitMarker, splitAtFreeLimit, type SplitOptions, type SplitResult } from './split-at-free-limit';

declare module 'vfile' {
  interface DataMap {
    /** Set by the caller per file: `free` articles are not cut. */
    access: 'free' | 'subscribers';
    /** How the free limit was applied to this file. Set by `remarkFreeLimit`. */
    freeLimit: { cut: boolean; cutBy: SplitResult['cutBy'] };
  }
}

/**
 * Cuts the Markdown tree at the free limit before anything becomes HTML, so the
 * plugins after it only ever see the free part. A thin adapter over `splitAtFreeLimit`.
 */
export default function remarkFreeLimit(options: SplitOptions) {
  return (tree: Root, file: VFile): Root => {
    if (file.data.access === 'free') {
      file.data.freeLimit = { cut: false, cutBy: 'none' };
      return removeFreeLimitMarker(tree);
    }
    const { free, paid, cutBy } = splitAtFreeLimit(tree, options);
    file.data.freeLimit = { cut: paid !== null, cutBy };
    return free;
  };
}
