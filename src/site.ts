/**
 * The site as pages see it: settings resolved once, the URL builder for the
 * configured base path, and date printing in the paper's locale.
 */
import { formatDate } from './lib/dates';
import { createUrls } from './lib/urls';
import settings from './settings';

export { settings };

/** Every internal link goes through this builder. */
export const urls = createUrls(import.meta.env.BASE_URL);

/** `8 June 2023`, in the paper's locale and time zone. */
export const printDate = (date: Date): string => formatDate(date, settings);

/** `public`, or `subscribers` for the full-text edition behind access control. */
export const edition = import.meta.env.MASTHEAD_EDITION;

/** True in the public edition: feeds, search and the cut-off exist only there. */
export const isPublicEdition = edition === 'public';

/** Replaces `{siteName}` in a settings text. */
export const fillSiteName = (text: string): string => text.replaceAll('{siteName}', settings.siteName);
