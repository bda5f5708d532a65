interface ImportMetaEnv {
  /** `public` or `subscribers`: which edition this build makes. Set by the masthead integration. */
  readonly MASTHEAD_EDITION: 'public' | 'subscribers';
  /** True when paid parts are sealed for subscriber keys in this build. */
  readonly MASTHEAD_SEALED: boolean;
  /** True when this public build writes subscriber pages under the edge's private prefix (src/edge/). */
  readonly MASTHEAD_EDGE: boolean;
  /** True in `astro dev` and `PREVIEW=1` builds: drafts and embargoed articles are in, every page noindex. */
  readonly MASTHEAD_PREVIEW: boolean;
  /** The content folder relative to the repository (`content`), when the editing screen is on; otherwise empty. */
  readonly MASTHEAD_CONTENT_FOLDER: string;
}
