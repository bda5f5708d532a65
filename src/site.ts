/**
 * The site as pages see it: settings resolved once, the URL builder for the
 * configured base path, and date printing in the paper's locale.
 */
import { articleDateLine, formatDate, type ArticleDateLine } from './lib/dates';
import { createUrls } from './lib/urls';
import { currentBuildContext } from './context/build-context';
import settings from './settings';

export { settings };

/** Every internal link goes through this builder. */
export const urls = createUrls(import.meta.env.BASE_URL);

/** `8 June 2023`, in the paper's locale and time zone. */
export const printDate = (date: Date): string => formatDate(date, settings);

/** An article's date line in the paper's zone: a time when one was given, and how long after publication it was updated. */
export const printArticleDates = (data: { date: Date; dateHasTime: boolean; updated?: Date | undefined; updatedHasTime?: boolean | undefined }): ArticleDateLine =>
  articleDateLine(
    {
      published: { date: data.date, hasTime: data.dateHasTime },
      updated: data.updated && { date: data.updated, hasTime: data.updatedHasTime ?? false },
    },
    settings,
  );

/**
 * The build's "now" (`BUILD_TIME`, or when the build started), fixed once per
 * build in astro.config.mjs: what "the last two days" of the news sitemap mean.
 * Read from the build context, not compiled into the pages: a constant that
 * changes every build would make every page's code look changed, and no page
 * could be reused from the last build (docs/architecture.md, "Pages: only what changed").
 * Outside a build (a unit test), now.
 */
export const buildTime = (): Date => currentBuildContext()?.env.buildTime ?? new Date();

/** `public`, or `subscribers` for the full-text edition behind access control. */
export const edition = import.meta.env.MASTHEAD_EDITION;

/** True in `astro dev` and `PREVIEW=1` builds: drafts and embargoed articles are shown with banners, and no page is indexed. */
export const isPreview = import.meta.env.MASTHEAD_PREVIEW;

/** True in the public edition: feeds, search and the cut-off exist only there. */
export const isPublicEdition = edition === 'public';

/** Replaces `{siteName}` in a settings text. */
export const fillSiteName = (text: string): string => text.replaceAll('{siteName}', settings.siteName);
