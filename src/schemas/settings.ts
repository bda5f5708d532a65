import { z } from 'astro/zod';
import { isTimeZone } from '../lib/dates';
import { smartenText } from '../lib/typography';
import { brandSchema } from './brand';
import { cmsSettingsSchema } from './cms';
import { checkText } from '../lib/text-check';

/** Who may read an article in full. */
export const accessSchema = z.enum(['subscribers', 'free']);
export type Access = z.infer<typeof accessSchema>;

/** The Subscribe button in every page's header, and the words of the free-limit cut-off panel. `{siteName}` is replaced by the site's name. */
export const subscribeSchema = z.object({
  /** Where the Subscribe buttons (header and cut-off) go: the newsroom's membership or checkout page. */
  url: z.url().default('https://example.org/subscribe'),
  /** Panel heading. Default: `Support {siteName}`. */
  heading: z.string().min(1).default('Support {siteName}'),
  /** The sentence under the heading. */
  message: z
    .string()
    .min(1)
    .default('You have reached the free limit. Subscribe to continue reading.'),
  /** Text of the Subscribe buttons, in the header and the cut-off. Default `Subscribe`. */
  button: z.string().min(1).default('Subscribe'),
  /**
   * The quiet word on every card, search result and feed item of a story for subscribers (free stories carry
   * none). Default `Subscribers`; screen readers hear `markerSpoken`.
   */
  marker: z.string().min(1).default('Subscribers'),
  /** What screen readers hear for the marker, where the eye has the card around it. Default `For subscribers`. */
  markerSpoken: z.string().min(1).default('For subscribers'),
});

/** A web address, a `mailto:` address, or a path on this site (`/about/`, put under the base path). */
const FOOTER_HREF = /^(?:https?:\/\/[^\s/]+\S*|mailto:\S+|\/(?!\/)\S*)$/i;

/** One link in the footer, to the newsroom's pages about itself. */
export const footerLinkSchema = z.object({
  /** The link's words, e.g. `Corrections policy`. */
  label: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText()),
  /**
   * Where it goes: an `https://` address (the newsroom's own site), a
   * `mailto:` address, or a path on this site (`/about/`), which is put under
   * the base path.
   */
  href: z
    .string({ error: 'must be text' })
    .trim()
    .regex(FOOTER_HREF, 'must be an https:// address, a mailto: address or a path starting with /'),
});

/** How many items each list under an article holds. */
export const listsSchema = z.object({
  /** Items in "More from this author". Default 4. */
  moreFromAuthor: z.number().int().min(0).max(20).default(4),
  /** Items in "Similar stories". Default 4. */
  similar: z.number().int().min(0).max(20).default(4),
});

/** Which claim of a reader's token says they have paid (see docs/subscribers.md for providers). */
export const paidClaimSchema = z.object({
  /**
   * The claim's name: `subscriber`, `role`, a namespaced claim such as `https://example.org/plan`, or a
   * dotted path into nested claims (`app_metadata.plan`). Default `subscriber`.
   */
  claim: z.string().trim().min(1, 'must not be empty').default('subscriber'),
  /**
   * The values that mean "has paid" (`["member", "premium"]`): the claim must equal one, or be a list
   * holding one. Left out, the claim must be the boolean `true`.
   */
  values: z.array(z.string().min(1, 'must not be empty')).min(1, 'list at least one value, or leave values out for a true/false claim').optional(),
});

/** A path segment for the private prefix: letters, digits, `_` and `-`. */
const PRIVATE_PREFIX = /^[A-Za-z0-9_-]+$/;

/**
 * Per-reader access at the edge (docs/subscribers.md, "Signing in at the edge"): the build writes the
 * subscriber edition's article pages under a private prefix of the same site, and a few lines of edge
 * code (Cloudflare, Netlify, the Node server) serve them at the article's own address to readers whose
 * token says they have paid. Off by default; `EDGE=on` or `EDGE=off` overrides `enabled` for one build.
 */
export const edgeSchema = z.object({
  /** Write the subscriber pages under `prefix` and drop in-page unlocking. Only deploy such a build behind the edge code. Default false. */
  enabled: z.boolean().default(false),
  /** The folder, under the base path, that holds the subscriber pages. The edge answers 404 for it. Default `_subscribers`. */
  prefix: z.string().regex(PRIVATE_PREFIX, 'must be one folder name: letters, digits, _ and -').default('_subscribers'),
  /** The membership system's sign-in page, offered as "Sign in" beside Subscribe in the cut-off. */
  signInUrl: z.url().optional(),
  /** The cookie holding the reader's token (set by the membership system, or by a sign-in link). Default `masthead_session`. */
  cookie: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+$/, 'must be a cookie name: letters, digits, _, . and -')
    .default('masthead_session'),
  /** The token's issuer (`iss`), exactly. Default: the site's URL. */
  issuer: z.string().min(1).optional(),
  /** The audience (`aud`) the token must name: this site, so another site's token is refused. Default: the site's URL. */
  audience: z.string().min(1).optional(),
  /** The provider's JWKS address, for RS256 and ES256 tokens. Without it only HS256 tokens (shared secret `MASTHEAD_EDGE_SECRET`) are accepted. */
  jwksUrl: z.url().optional(),
  /** Seconds of clock difference allowed on `exp` and `nbf`. Default 60. */
  clockSkewSeconds: z.number().int().min(0).max(600).default(60),
  /** Which claim means "has paid". Default: `subscriber: true`. */
  paid: paidClaimSchema.prefault({}),
  /**
   * The meter: anonymous readers may open `free` paywalled articles a month in full, counted in a signed
   * cookie (no server state; clearing cookies resets it). Needs `MASTHEAD_EDGE_SECRET`. Default off (`free: 0`).
   */
  meter: z
    .object({
      /** Paywalled articles a month an anonymous reader may open in full. 0 (the default) is off. */
      free: z.number({ error: 'must be a number of articles' }).int('must be a whole number').min(0, 'must be 0 or more').max(100, 'keep it to 100 or fewer').default(0),
      /** The cookie holding the count. Default `masthead_meter`. */
      cookie: z
        .string()
        .regex(/^[A-Za-z0-9_.-]+$/, 'must be a cookie name: letters, digits, _, . and -')
        .default('masthead_meter'),
    })
    .prefault({}),
});

/** How paying readers get past the free limit on a static site. */
export const subscribersSchema = z.object({
  /**
   * Root URL of the subscriber edition (`EDITION=subscribers npm run build`),
   * deployed behind the host's access control. When set, cut-off panels link
   * "Already a subscriber? Read the full article" to the same article there.
   */
  editionUrl: z.url().optional(),
  /**
   * Seal each paywalled article's paid part in its page when subscriber keys
   * are given at build time (`PAYWALL_KEYS` or `PAYWALL_KEYS_FILE`), so a reader
   * with a key link reads on in place. Without keys nothing is sealed. Default true.
   */
  unlockInPage: z.boolean().default(true),
  /** Per-reader access at the edge: subscriber pages at the article's own address. Off by default. */
  edge: edgeSchema.prefault({}),
});

/**
 * The labels an article may carry (`label: Opinion`) when the settings name none. Four have a
 * schema.org type of their own (see `articleTypeForLabel` in `src/lib/structured-data.ts`).
 */
export const DEFAULT_LABELS = ['Opinion', 'Analysis', 'Review', 'Obituary', 'Explainer', 'Interview', 'Editorial', 'Letters'] as const;

/** Everything a newsroom sets for its site, with defaults. */
export const settingsSchema = z.object({
  /** The paper's name, shown in the masthead, titles and the cut-off panel. */
  siteName: z.string().min(1).superRefine(checkText()).default('Masthead'),
  /** One line under the name in the masthead. Empty for none. */
  tagline: z.string().superRefine(checkText()).default(''),
  /** Public URL of the site (origin, optionally with a path). `SITE_URL` overrides it at build time. */
  siteUrl: z.url().default('https://example.org'),
  /** Path the site is served under, e.g. `/paper/` for a GitHub Pages project site. `BASE_PATH` overrides it. */
  basePath: z.string().default('/'),
  /** BCP 47 locale for dates and the `lang` attribute. Default `en-GB` (`8 June 2023`). */
  locale: z.string().min(2).default('en-GB'),
  /** The paper's IANA time zone: times are printed in it, and a bare date's day starts in it. Default `Europe/London`. */
  timeZone: z
    .string()
    .min(1)
    .refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not a time zone: use an IANA name such as Europe/London, America/New_York or UTC` })
    .default('Europe/London'),
  /** Paragraphs shown before the cut when an article has no `<!-- free-limit -->` marker. Default 3. */
  freeParagraphs: z.number().int().min(0).default(3),
  /** Access of articles that do not set `access`. Default `subscribers`. */
  defaultAccess: accessSchema.default('subscribers'),
  /** Articles per page on section and author pages. Default 20. */
  pageSize: z.number().int().min(1).max(200).default(20),
  /** The header's Subscribe button, and the cut-off panel's words and link. */
  subscribe: subscribeSchema.prefault({}),
  /** Ways in for subscribers: a subscriber edition, and in-page unlocking. */
  subscribers: subscribersSchema.prefault({}),
  /** Sizes of the lists under each article. */
  lists: listsSchema.prefault({}),
  /** A line in the footer, e.g. the publisher's legal name. */
  footer: z.string().superRefine(checkText()).default(''),
  /**
   * The labels articles may carry above their headline and on story cards (`label: Opinion`), in the
   * spelling pages print; an article's label is matched without regard to case, and any other is an
   * error listing these. `Opinion`, `Analysis`, `Review` and `Explainer` are also given to search
   * engines as their schema.org article types. Default: Opinion, Analysis, Review, Obituary,
   * Explainer, Interview, Editorial, Letters.
   */
  labels: z
    .array(z.string().trim().min(1, 'must not be empty').superRefine(checkText()), { error: 'must be a list of labels' })
    .max(40, 'keep the labels to 40 or fewer')
    .default([...DEFAULT_LABELS]),
  /** Links in the footer, in order: About, Contact, Corrections policy, Privacy and the like. Default none. */
  footerLinks: z.array(footerLinkSchema).max(12, 'keep the footer to 12 links or fewer').default([]),
  /** The paper's favicon, logo and colours, for browser tabs, home screens and social cards (see `src/schemas/brand.ts`). */
  brand: brandSchema.prefault({}),
  /** Link-preview cards drawn for articles without a lead picture. */
  socialCards: z
    .object({
      /**
       * How many of the newest articles without a lead picture get a card drawn with their headline
       * (about 50 ms and 40 KB each); older ones share the paper's card. Default 200; 0 for none.
       */
      drawn: z.number({ error: 'must be a number of articles' }).int('must be a whole number').min(0, 'must be 0 or more').default(200),
    })
    .prefault({}),
  /** The editing screen at `/admin/` for writers who don't use Git (see `src/schemas/cms.ts`). Off by default. */
  cms: cmsSettingsSchema.prefault({}),
});

/** Settings as the newsroom writes them: every field optional. */
export type SettingsInput = z.input<typeof settingsSchema>;
/** Settings after defaults are applied. */
export type Settings = z.output<typeof settingsSchema>;

/**
 * Declares the site's settings. Fills in defaults and fails loudly, naming the
 * field, when a value is wrong.
 */
export function defineSettings(input: SettingsInput): Settings {
  const result = settingsSchema.safeParse(input);
  if (!result.success) {
    const lines = result.error.issues.map(
      (issue) => `src/settings.ts: ${issue.path.join('.') || '(root)'} ${issue.message}`,
    );
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  return typesetSettings(result.data);
}

/**
 * The settings' texts as readers see them: typographic quotes, apostrophes,
 * dashes and ellipses in the paper's locale, as in articles.
 */
function typesetSettings(settings: Settings): Settings {
  const typeset = (text: string) => smartenText(text, settings.locale);
  const { subscribe } = settings;
  return {
    ...settings,
    siteName: typeset(settings.siteName),
    tagline: typeset(settings.tagline),
    footer: typeset(settings.footer),
    subscribe: { ...subscribe, heading: typeset(subscribe.heading), message: typeset(subscribe.message), button: typeset(subscribe.button) },
    footerLinks: settings.footerLinks.map((link) => ({ ...link, label: typeset(link.label) })),
  };
}
