/**
 * Sveltia CMS's npm build registers the fonts it bundles (the interface font,
 * a monospace font and its icon font) with the FontFace API, and its component
 * styles also name copies of them on a CDN (cdn.jsdelivr.net). The CDN rules
 * add nothing but requests to a third party, which the editor's Content
 * Security Policy refuses, so the build points them at nothing. It also asks
 * GitHub's status page (a Statuspage host, on every load, even in local mode)
 * whether GitHub is down; the build answers "all is well" in place, so the
 * editor talks to no host but the site and GitHub's API.
 */

/** The module the admin script bundles: Sveltia CMS's npm build. */
export const SVELTIA_MODULE = /[\\/]@sveltia[\\/]cms[\\/]npm[\\/]index\.js(\?.*)?$/;

const CDN_FONT = /url\(https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/[^)]+\)/g;

/** How many CDN font rules Sveltia CMS's styles hold: its interface, monospace and icon fonts. */
export const CDN_FONT_RULES = 3;

const STATUS_PAGE = 'https://www.githubstatus.com/api/v2/status.json';
/** GitHub's status as the status page writes it when nothing is wrong, as a `data:` URL the policy allows. */
const ALL_WELL = 'data:application/json,{"status":{"indicator":"none"}}';

/**
 * `code` (Sveltia CMS's npm build) with its CDN font sources replaced by a
 * local name no font has, so browsers use the bundled copies alone, and its
 * GitHub status check answered in place. Throws when the code does not hold
 * exactly what is expected: a new version of the CMS must be looked at, not
 * shipped with requests to a third party.
 */
export function withoutThirdParties(code: string): string {
  const statusChecks = code.split(STATUS_PAGE).length - 1;
  if (statusChecks !== 1) {
    throw new Error(`Sveltia CMS asks GitHub's status page ${statusChecks} times where Masthead expects once: check what this version calls and update src/editor/self-host.ts`);
  }
  return withoutCdnFonts(code.replace(STATUS_PAGE, ALL_WELL));
}

function withoutCdnFonts(code: string): string {
  let found = 0;
  const patched = code.replace(CDN_FONT, () => {
    found += 1;
    return 'local("Masthead bundled font")';
  });
  if (found !== CDN_FONT_RULES || /cdn\.jsdelivr\.net/.test(patched)) {
    throw new Error(
      `Sveltia CMS names ${found} CDN fonts where Masthead expects ${CDN_FONT_RULES}${/cdn\.jsdelivr\.net/.test(patched) ? ', and cdn.jsdelivr.net elsewhere' : ''}: check what this version loads from the CDN and update src/editor/self-host.ts`,
    );
  }
  return patched;
}
