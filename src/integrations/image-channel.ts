/**
 * Hands the pictures a build needs from the content loader to the picture
 * integration. Like `search-channel.ts`, both run in one process but in two
 * module graphs, so the hand-over goes through `globalThis` under a
 * `Symbol.for` key.
 *
 * The latest plan is also kept, for `astro dev`, where pictures are made when
 * a page first asks for them.
 */
import type { ImageJob } from '../images/process-images';

/** Every file the pages of this build reference, and where processed files are kept. */
export interface ImagePlan {
  jobs: readonly ImageJob[];
  /** The picture cache's folder for this edition, or `undefined` when caching is off. */
  cacheDir: string | undefined;
}

export type ImagePlanReceiver = (plan: ImagePlan) => void;

const CHANNEL = Symbol.for('masthead.image-plan');
const holder = globalThis as { [CHANNEL]?: { receiver?: ImagePlanReceiver; latest?: ImagePlan } };

function slot() {
  holder[CHANNEL] ??= {};
  return holder[CHANNEL];
}

/** Listens for the loader's plans; returns a function that stops listening. */
export function receiveImagePlans(receiver: ImagePlanReceiver): () => void {
  slot().receiver = receiver;
  return () => {
    if (slot().receiver === receiver) delete slot().receiver;
  };
}

/** Gives the plan to the integration, if one is listening, and keeps it as the latest. */
export function offerImagePlan(plan: ImagePlan): void {
  const channel = slot();
  channel.latest = plan;
  channel.receiver?.(plan);
}

/** The plan of the last archive read, if any. */
export function latestImagePlan(): ImagePlan | undefined {
  return slot().latest;
}
