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

let layout: { site: SiteData; key: unknown } | undefined;

/** What BaseLayout shows on every page: the sections in the navigation and the paper's social card. */
function layoutParts(site: SiteData): unknown {
  if (layout?.site !== site) layout = { site, key: { sections: site.sections.map(pageEntry), card: defaultSocialImage() } };
  return layout.key;
}

/** `src/pages/articles/[slug].astro`: the article, its body, authors, section, lists, tags and social picture. */
export function articlePageKey(site: SiteData, article: Article, socialImage: SocialImage | undefined): string {
  return pageKey(
    layoutParts(site),
    pageEntry(article),
    articleBodyDigest(article.id),
    articleAuthors(article.data).map((id) => site.authorsById.get(id)).map((author) => author && pageEntry(author)),
    pageEntry(site.sectionsById.get(article.data.section)!),
    LIST_KEYS.map((key) => site.items(article.data[key])),
    site.tagsOf(article),
    socialImage,
  );
}

/** A page of a section, author or tag: what it is (the section, author or tag), the page's stories and where it sits among the pages. */
export function listPageKey(site: SiteData, owner: unknown, page: Page<string>): string {
  return pageKey(layoutParts(site), owner, { number: page.number, total: page.total }, site.items(page.items));
}

/**
 * A section's, author's or tag's feed (`src/routes/<kind>/rss.xml.ts`): whose it
 * is (its title and description come from it) and the newest stories it shows,
 * as `feedResponse` reads them. The paper's own feed has no key: it is one file.
 */
export function feedKey(site: SiteData, owner: unknown, articles: readonly Article[]): string {
  return pageKey(owner, articles.slice(0, FEED_ITEMS).map((article) => [site.item(article), article.data.updated]));
}

