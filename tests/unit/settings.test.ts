import { describe, expect, it } from 'vitest';
import { edgeBuild, resolveBuildEnv } from '../../src/context/env';
import { defineSettings } from '../../src/schemas/settings';

/** When the builds below start; BUILD_TIME, when set, wins over it. */
const startedAt = new Date('2026-11-21T09:00:00Z');

describe('defineSettings', () => {
  it('fills in defaults for everything a newsroom leaves out', () => {
    const settings = defineSettings({});
    expect(settings.locale).toBe('en-GB');
    expect(settings.freeParagraphs).toBe(3);
    expect(settings.defaultAccess).toBe('subscribers');
    expect(settings.subscribe.message).toBe('You have reached the free limit. Subscribe to continue reading.');
    expect(settings.subscribe.heading).toBe('Support {siteName}');
    expect(settings.lists).toEqual({ moreFromAuthor: 4, similar: 4 });
  });

  it('names the field when a value is wrong', () => {
    expect(() => defineSettings({ freeParagraphs: -1 })).toThrow(/src\/settings\.ts: freeParagraphs/);
    expect(() => defineSettings({ subscribe: { url: 'not a url' } })).toThrow(/subscribe\.url/);
    // @ts-expect-error: testing a value outside the type
    expect(() => defineSettings({ defaultAccess: 'everyone' })).toThrow(/defaultAccess/);
  });

  it('refuses a time zone Intl does not know, since every date on the site is placed in it', () => {
    expect(() => defineSettings({ timeZone: 'Europe/Londres' })).toThrow(
      'src/settings.ts: timeZone "Europe/Londres" is not a time zone: use an IANA name such as Europe/London, America/New_York or UTC',
    );
    expect(defineSettings({ timeZone: 'Pacific/Auckland' }).timeZone).toBe('Pacific/Auckland');
  });

  it('takes footer links to web pages, e-mail addresses and pages of the site, none by default', () => {
    expect(defineSettings({}).footerLinks).toEqual([]);
    const links = [
      { label: 'About us', href: 'https://example.org/about' },
      { label: 'Contact', href: 'mailto:desk@example.org' },
      { label: 'Corrections policy', href: '/corrections/' },
    ];
    expect(defineSettings({ footerLinks: links }).footerLinks).toEqual(links);
  });

  it('names the footer link that goes nowhere useful', () => {
    expect(() => defineSettings({ footerLinks: [{ label: 'Privacy', href: 'javascript:alert(1)' }] })).toThrow(/footerLinks\.0\.href/);
    expect(() => defineSettings({ footerLinks: [{ label: 'About', href: '//evil.example/' }] })).toThrow(/footerLinks\.0\.href/);
    expect(() => defineSettings({ footerLinks: [{ label: ' ', href: '/about/' }] })).toThrow(/footerLinks\.0\.label/);
  });

  it('gives the texts readers see typographic quotes, apostrophes and dashes in the paper’s locale', () => {
    const british = defineSettings({
      siteName: "The Reader's Gazette",
      tagline: 'News -- and "views" -- from the valley',
      subscribe: { message: "You've reached the free limit..." },
      footerLinks: [{ label: "Readers' editor", href: '/readers-editor/' }],
    });
    expect(british.siteName).toBe('The Reader’s Gazette');
    expect(british.tagline).toBe('News – and ‘views’ – from the valley');
    expect(british.subscribe.message).toBe('You’ve reached the free limit…');
    expect(british.footerLinks[0]!.label).toBe('Readers’ editor');
    expect(defineSettings({ locale: 'en-US', tagline: 'News and "views"' }).tagline).toBe('News and “views”');
  });
});

describe('the edge settings', () => {
  it('are off by default, with the private folder, cookie and paid claim named', () => {
    expect(defineSettings({}).subscribers.edge).toEqual({
      enabled: false,
      prefix: '_subscribers',
      cookie: 'masthead_session',
      clockSkewSeconds: 60,
      paid: { claim: 'subscriber' },
      meter: { free: 0, cookie: 'masthead_meter' },
    });
  });

  it('name the field when a value is wrong', () => {
    expect(() => defineSettings({ subscribers: { edge: { prefix: '../x' } } })).toThrow(/subscribers\.edge\.prefix must be one folder name/);
    expect(() => defineSettings({ subscribers: { edge: { cookie: 'a b' } } })).toThrow(/subscribers\.edge\.cookie must be a cookie name/);
    expect(() => defineSettings({ subscribers: { edge: { paid: { claim: 'plan', values: [] } } } })).toThrow(/subscribers\.edge\.paid\.values list at least one value/);
    expect(() => defineSettings({ subscribers: { edge: { meter: { free: 2.5 } } } })).toThrow(/subscribers\.edge\.meter\.free must be a whole number/);
    expect(() => defineSettings({ subscribers: { edge: { jwksUrl: 'keys.json' } } })).toThrow(/subscribers\.edge\.jwksUrl/);
  });

  it('can be turned on or off for one build with EDGE, and a typo is refused', () => {
    const settings = { siteUrl: 'https://example.org', basePath: '/' };
    expect(resolveBuildEnv({ EDGE: 'on' }, settings, '/p', startedAt).edge).toBe(true);
    expect(resolveBuildEnv({ EDGE: 'off' }, settings, '/p', startedAt).edge).toBe(false);
    expect(resolveBuildEnv({}, settings, '/p', startedAt).edge).toBeUndefined();
    expect(() => resolveBuildEnv({ EDGE: 'yes please' }, settings, '/p', startedAt)).toThrow(/EDGE "yes please" is not on or off/);
    // The subscriber edition is the full text already: it never writes a private folder.
    expect(edgeBuild(resolveBuildEnv({ EDGE: 'on', EDITION: 'subscribers' }, settings, '/p', startedAt), true)).toBe(false);
    expect(edgeBuild(resolveBuildEnv({ EDGE: 'off' }, settings, '/p', startedAt), true)).toBe(false);
    expect(edgeBuild(resolveBuildEnv({}, settings, '/p', startedAt), true)).toBe(true);
  });
});

describe('resolveBuildEnv', () => {
  const settings = { siteUrl: 'https://example.org', basePath: '/' };

  it('uses the settings and the content folder by default', () => {
    expect(resolveBuildEnv({}, settings, '/project', startedAt)).toEqual({
      contentDir: '/project/content',
      siteUrl: 'https://example.org',
      basePath: '/',
      outDir: '/project/dist',
      edition: 'public',
      keyRing: undefined,
      cacheDir: '/project/node_modules/.cache/masthead',
      buildTime: startedAt,
      preview: false,
    });
  });

  it('lets MASTHEAD_CACHE_DIR move or turn off the body cache, and MASTHEAD_THREADS set the threads', () => {
    expect(resolveBuildEnv({ MASTHEAD_CACHE_DIR: '.cache/bodies' }, settings, '/project', startedAt).cacheDir).toBe('/project/.cache/bodies');
    expect(resolveBuildEnv({ MASTHEAD_CACHE_DIR: 'off' }, settings, '/project', startedAt).cacheDir).toBeUndefined();
    expect(resolveBuildEnv({ MASTHEAD_THREADS: '3' }, settings, '/project', startedAt).threads).toBe(3);
    expect(resolveBuildEnv({}, settings, '/project', startedAt).threads).toBeUndefined();
    expect(() => resolveBuildEnv({ MASTHEAD_THREADS: 'all' }, settings, '/project', startedAt)).toThrow(/MASTHEAD_THREADS "all" is not a number of threads/);
  });

  it('lets MASTHEAD_PAGE_THREADS set the page threads, none with 0, and leaves the default to the cores', () => {
    expect(resolveBuildEnv({ MASTHEAD_PAGE_THREADS: '2' }, settings, '/project', startedAt).pageThreads).toBe(2);
    expect(resolveBuildEnv({ MASTHEAD_PAGE_THREADS: '0' }, settings, '/project', startedAt).pageThreads).toBe(0);
    expect(resolveBuildEnv({}, settings, '/project', startedAt).pageThreads).toBeUndefined();
    for (const bad of ['-1', 'many', '02', '100']) {
      expect(() => resolveBuildEnv({ MASTHEAD_PAGE_THREADS: bad }, settings, '/project', startedAt)).toThrow(
        new RegExp(`MASTHEAD_PAGE_THREADS "${bad}" is not a number of threads from 0`),
      );
    }
  });

  it('lets CONTENT_DIR, SITE_URL, BASE_PATH and OUT_DIR override them', () => {
    const env = resolveBuildEnv(
      { CONTENT_DIR: '../private/news', SITE_URL: 'https://news.example.com', BASE_PATH: 'paper', OUT_DIR: '/tmp/out' },
      settings,
      '/project',
      startedAt,
    );
    expect(env).toMatchObject({ contentDir: '/private/news', siteUrl: 'https://news.example.com', basePath: '/paper/', outDir: '/tmp/out' });
  });

  it('refuses a SITE_URL that is not absolute', () => {
    expect(() => resolveBuildEnv({ SITE_URL: 'news.example.com' }, settings, '/p', startedAt)).toThrow(/SITE_URL "news.example.com" is not an absolute URL/);
  });
});

describe('resolveBuildEnv for editions and keys', () => {
  const settings = { siteUrl: 'https://example.org', basePath: '/' };

  it('builds the subscriber edition into its own folder, away from dist/', () => {
    const env = resolveBuildEnv({ EDITION: 'subscribers' }, settings, '/project', startedAt);
    expect(env.edition).toBe('subscribers');
    expect(env.outDir).toBe('/project/dist-subscribers');
    expect(resolveBuildEnv({}, settings, '/project', startedAt).edition).toBe('public');
  });

  it('refuses an unknown edition', () => {
    expect(() => resolveBuildEnv({ EDITION: 'premium' }, settings, '/p', startedAt)).toThrow(/EDITION "premium" is not an edition/);
  });

  it('takes keys from PAYWALL_KEYS or a file, not both', () => {
    expect(resolveBuildEnv({ PAYWALL_KEYS: 'a.b' }, settings, '/p', startedAt).keyRing).toEqual({ from: 'PAYWALL_KEYS', text: 'a.b' });
    expect(resolveBuildEnv({ PAYWALL_KEYS_FILE: 'keys.txt' }, settings, '/p', startedAt).keyRing).toEqual({ from: 'PAYWALL_KEYS_FILE', path: '/p/keys.txt' });
    expect(() => resolveBuildEnv({ PAYWALL_KEYS: 'a', PAYWALL_KEYS_FILE: 'b' }, settings, '/p', startedAt)).toThrow(/not both/);
  });
});

describe('resolveBuildEnv keeps the subscriber edition out of dist/', () => {
  it('refuses EDITION=subscribers with OUT_DIR=dist', () => {
    expect(() => resolveBuildEnv({ EDITION: 'subscribers', OUT_DIR: 'dist' }, { siteUrl: 'https://example.org', basePath: '/' }, '/p', startedAt)).toThrow(
      /must not build into dist\//,
    );
  });
});
