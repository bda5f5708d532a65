import type { BuildEnv } from './env';

/**
 * The one object the parts of a build share, on `globalThis`: the config and
 * the pages load in two module graphs, so a module variable would be two.
 * Lifecycle and slots: docs/architecture.md#the-build-context.
 */
// Augmented by each feature, one slot each.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BuildSlots {}

export interface BuildContext {
  /** The build environment, resolved once by `astro.config.mjs`. */
  env: BuildEnv;
  /** True when drafts and embargoed pieces are shown: a `PREVIEW=1` build, or `astro dev`. */
  showUnpublished: boolean;
  /** Each feature's slot, created on first use. */
  slots: Partial<BuildSlots>;
}

const KEY = Symbol.for('masthead.build-context');
type Holder = typeof globalThis & { [KEY]?: BuildContext };

/** Opens a new context for a build (or a dev server start), replacing any earlier one. */
export function openBuildContext(env: BuildEnv): BuildContext {
  const context: BuildContext = { env, showUnpublished: env.preview, slots: {} };
  (globalThis as Holder)[KEY] = context;
  return context;
}

/** The context of the running build, or `undefined` outside one (unit tests, command-line tools). */
export function currentBuildContext(): BuildContext | undefined {
  return (globalThis as Holder)[KEY];
}

/** The context of the running build; throws outside one, naming what opens it. */
export function buildContext(): BuildContext {
  const context = currentBuildContext();
  if (!context) throw new Error('Masthead: no build context; astro.config.mjs opens it (openBuildContext) before the content loader runs');
  return context;
}

/**
 * A feature's slot: the running build's, or, outside a build (unit tests, a
 * page rendered alone), one kept for this process. Made by `create` on first use.
 */
export function buildSlot<K extends keyof BuildSlots>(name: K, create: () => BuildSlots[K]): BuildSlots[K] {
  const slots = currentBuildContext()?.slots ?? outsideABuild;
  return (slots[name] ??= create()) as BuildSlots[K];
}

/** Slots outside any build: one module graph, so a module variable serves. */
const outsideABuild: Partial<BuildSlots> = {};
