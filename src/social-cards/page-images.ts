/**
 * The picture each page shares on social media (`og:image`, `twitter:image`,
 * JSON-LD `image`), as pages see it: an article's lead picture cropped to
 * 1200×630, or a card drawn at build time with its headline and section; on
 * every other page, the paper's card with its name and tagline. Pages print
 * what these return; the files are made by the picture and card integrations.
 */
import { siteData } from '../archive/queries';
import { socialImageUrl } from '../pictures/variants';
import { requestCard } from './channel';
import { articlesWithDrawnCards, CARD_FOLDER, CARD_HEIGHT, CARD_WIDTH, TOUCH_ICON_FILE } from './card';
import type { StoredImage } from '../pictures/schema';
import { settings, urls } from '../site';

/** A page's social picture: a site path and what Open Graph says about it. */
export interface SocialImage {
  /** Site path, under the base path. */
  src: string;
  /** Its description; empty for a decorative lead picture. */
  alt: string;
  width: number;
  height: number;
  /** MIME type. */
  type: string;
}

function card(file: string | undefined, alt: string): SocialImage | undefined {
  return file === undefined ? undefined : { src: urls.path(`${CARD_FOLDER}/${file}`), alt, width: CARD_WIDTH, height: CARD_HEIGHT, type: 'image/png' };
}

let drawn: { from: readonly unknown[]; ids: Set<string> } | undefined;

/** The articles with a drawn card of their own (`settings.socialCards.drawn`), worked out once per read of the archive. */
async function drawnCards(): Promise<Set<string>> {
  const { articles } = await siteData();
  if (drawn?.from !== articles) {
    const newestFirst = articles.map((article) => ({ id: article.id, hasPicture: Boolean(article.data.image) }));
    drawn = { from: articles, ids: articlesWithDrawnCards(newestFirst, settings.socialCards.drawn) };
  }
  return drawn.ids;
}

/**
 * An article's social picture: its lead picture's crop, or a card with the
 * headline, the section's name and the paper's name (headline-level words
 * only, never the standfirst or the body) for the newest articles without a
 * picture, or the paper's card for older ones.
 */
export async function articleSocialImage(
  id: string,
  article: { title: string; image?: StoredImage | undefined },
  sectionName: string,
): Promise<SocialImage | undefined> {
  if (article.image) {
    return { src: socialImageUrl(article.image, urls), alt: article.image.alt, width: CARD_WIDTH, height: CARD_HEIGHT, type: 'image/jpeg' };
  }
  if (!(await drawnCards()).has(id)) return defaultSocialImage();
  const file = requestCard({ title: article.title, label: sectionName, footer: settings.siteName });
  return card(file, `${article.title} (${sectionName}, ${settings.siteName})`);
}

/** The card of every page without a picture of its own: the paper's name and tagline. */
export function defaultSocialImage(): SocialImage | undefined {
  const file = requestCard({ title: settings.siteName, subtitle: settings.tagline });
  return card(file, settings.tagline ? `${settings.siteName}: ${settings.tagline}` : settings.siteName);
}

/** The favicon's `<link>`: its site path and MIME type, from `brand.favicon`. */
export function faviconLink(): { href: string; type: string } {
  const { favicon } = settings.brand;
  const extension = favicon.slice(favicon.lastIndexOf('.') + 1).toLowerCase();
  const type = extension === 'svg' ? 'image/svg+xml' : extension === 'png' ? 'image/png' : 'image/x-icon';
  return { href: urls.asset(favicon), type };
}

/** The 180×180 home-screen icon's site path (`src/social-cards/integration.ts` writes it). */
export const touchIconPath = (): string => urls.path(TOUCH_ICON_FILE);
