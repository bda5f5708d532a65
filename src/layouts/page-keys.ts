/**
 * What each page shows that is not code, as its `cacheKey` for Astro's
 * incremental build (`experimental.incrementalBuild` in astro.config.mjs): a
 * page whose key and code are unchanged since the last build is copied from
 * it instead of rendered again. A key must hold every piece of data the page
 * prints, or a changed page would be served stale: each function here names
 * the page it keys, and takes what that page reads. tests/build/incremental.test.ts
 * holds them to it, building after each kind of change and comparing with a
 * build from scratch, byte for byte.
 */
import { articleBodyDigest } from '../archive/published';
import { articleAuthors, type Article, type SiteData } from '../archive/queries';
import { FEED_ITEMS } from '../feeds/feed';
import { pageKey } from '../lib/page-key';
import type { Page } from '../similar-stories/lists';
import { LIST_KEYS } from '../similar-stories/article-lists';
import { defaultSocialImage, type SocialImage } from '../social-cards/page-images';

/** A collection entry as a key part: its id and data (not Astro's own fields, such as the digest of the file it was read from). */
export const pageEntry = (each: { id: string; data: unknown }) => ({ id: each.id, data: each.data });

/** Digests of what many pages share, worked out once per build's site data: the layout's parts, and each story's card. */
let shared: { site: SiteData; layout: string; cards: Map<string, string> } | undefined;

function sharedOf(site: SiteData) {
  if (shared?.site !== site) {
    // What BaseLayout shows on every page: the sections in the navigation and the paper's social card.
    shared = { site, layout: pageKey({ sections: site.sections.map(pageEntry), card: defaultSocialImage() }), cards: new Map() };
  }
  return shared;
}

/** What BaseLayout shows on every page, as a digest. */
function layoutParts(site: SiteData): string {
  return sharedOf(site).layout;
}

/**
 * The stories a page lists (`site.items`), each as the digest of its card: a
 * card is on hundreds of pages (every list it is in), and a page's key hashes
 * a few digests rather than writing out every card again. The same cards, the
 * same digests; any changed word of a card changes its digest.
 */
function cards(site: SiteData, ids: readonly string[]): string[] {
  const { cards: known } = sharedOf(site);
  return ids.flatMap((id) => {
    let digest = known.get(id);
    if (digest === undefined) {
      const [item] = site.items([id]);
      if (!item) return [];
      digest = pageKey(item);
      known.set(id, digest);
    }
    return [digest];
  });
}

/** `src/pages/articles/[slug].astro`: the article, its body, authors, section, lists, tags and social picture. */
export function articlePageKey(site: SiteData, article: Article, socialImage: SocialImage | undefined): string {
  return pageKey(
    layoutParts(site),
    pageEntry(article),
    articleBodyDigest(article.id),
    articleAuthors(article.data).map((id) => site.authorsById.get(id)).map((author) => author && pageEntry(author)),
    pageEntry(site.sectionsById.get(article.data.section)!),
    LIST_KEYS.map((key) => cards(site, article.data[key])),
    site.tagsOf(article),
    socialImage,
  );
}

/** A page of a section, author or tag: what it is (the section, author or tag), the page's stories and where it sits among the pages. */
export function listPageKey(site: SiteData, owner: unknown, page: Page<string>): string {
  return pageKey(layoutParts(site), owner, { number: page.number, total: page.total }, cards(site, page.items));
}

/**
 * A section's, author's or tag's feed (`src/routes/<kind>/rss.xml.ts`): whose it
 * is (its title and description come from it) and the newest stories it shows,
 * as `feedResponse` reads them. The paper's own feed has no key: it is one file.
 */
export function feedKey(site: SiteData, owner: unknown, articles: readonly Article[]): string {
  return pageKey(owner, articles.slice(0, FEED_ITEMS).map((article) => [cards(site, [article.id])[0], article.data.updated]));
}

