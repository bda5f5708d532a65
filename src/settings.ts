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
    // Per-reader access at the edge (docs/subscribers.md): off until the edge code is deployed with the site.
    edge: { enabled: false, signInUrl: 'https://example.org/sign-in' },
  },
  lists: { moreFromAuthor: 4, similar: 4 },
  cms: {
    // The editing screen at /admin/ (docs/editor.md). Off until sign-in is set up;
    // `CMS=on npm run dev` tries it on this computer, with the local repository.
    enabled: false,
    repo: 'example/harbour-ledger',
    branch: 'main',
  },
  footer: 'A sample newspaper built with Masthead. All stories are fiction.',
  footerLinks: [
    { label: 'About us', href: 'https://www.example.org/about/' },
    { label: 'Contact', href: 'https://www.example.org/contact/' },
    { label: 'Corrections policy', href: 'https://www.example.org/corrections/' },
    // Masthead's own list of recent corrections (public edition).
    { label: 'Corrections', href: '/corrections/' },
    { label: 'Privacy', href: 'https://www.example.org/privacy/' },
  ],
});
