/**
 * The newsroom's settings: the one file a publisher edits.
 * Every field is optional; see `src/schemas/settings.ts` for meanings and defaults.
 * `SITE_URL`, `BASE_PATH` and `CONTENT_DIR` in the build environment override the
 * site URL, base path and content folder without editing this file.
 */
import { defineSettings } from './schemas/settings';

export default defineSettings({
  siteName: 'The Harbour Ledger',
  tagline: 'Independent news for Port Averley and the Strand coast',
  siteUrl: 'https://example.org',
  locale: 'en-GB',
  timeZone: 'Europe/London',
  freeParagraphs: 3,
  defaultAccess: 'subscribers',
  subscribe: {
    url: 'https://example.org/subscribe',
    heading: 'Support {siteName}',
    message: 'You have reached the free limit. Subscribe to continue reading.',
    button: 'Subscribe',
  },
  subscribers: {
    // Where the subscriber edition (EDITION=subscribers npm run build) is deployed, behind access control.
    editionUrl: 'https://subscribers.example.org/',
    unlockInPage: true,
  },
  lists: { moreFromAuthor: 4, similar: 4 },
  footer: 'The Harbour Ledger is a sample newspaper built with Masthead. All stories are fiction.',
});
