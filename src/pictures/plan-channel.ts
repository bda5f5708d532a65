import { buildSlot } from '../context/build-context';
import type { ImageJob } from './process-images';
import type { SealedFiles } from './sealed-files';

/** Every file the pages of a build reference, and where processed files are kept. */
export interface PicturePlan {
  jobs: readonly ImageJob[];
  /** The picture cache's folder for this edition, or `undefined` when caching is off. */
  cacheDir: string | undefined;
  /** In a keyed build, the sealed files of paid pictures, to copy into `_sealed/`. */
  sealed?: SealedFiles;
}

interface PictureSlot {
  receiver?: (plan: PicturePlan) => void;
  /** The plan of the last read, for `astro dev`, where pictures are made when a page first asks for them. */
  latest?: PicturePlan;
}

declare module '../context/build-context' {
  interface BuildSlots {
    /** The pictures a build's pages reference, from the content loader to the picture integration. */
    pictures: PictureSlot;
  }
}

const slot = () => buildSlot('pictures', () => ({}));

/** Listens for the loader's plans; returns a function that stops listening. */
export function receivePicturePlans(receiver: (plan: PicturePlan) => void): () => void {
  slot().receiver = receiver;
  return () => {
    if (slot().receiver === receiver) delete slot().receiver;
  };
}

/** Gives the plan to the integration, if one is listening, and keeps it as the latest. */
export function offerPicturePlan(plan: PicturePlan): void {
  const current = slot();
  current.latest = plan;
  current.receiver?.(plan);
}

/** The plan of the last read, if any. */
export function latestPicturePlan(): PicturePlan | undefined {
  return slot().latest;
}
