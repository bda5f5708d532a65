import { siteData, type Article } from '../archive/queries';
import { articleSocialImage, type SocialImage } from '../social-cards/page-images';
import { articlePageKey } from './page-keys';

/** What an article page is given: the article and its social picture (a type, not an interface: Astro's props need an index signature). */
export type ArticlePageProps = {
  article: Article;
  socialImage: SocialImage | undefined;
};

/**
 * The paths of article pages, for `getStaticPaths`: one per article that
 * `include` keeps (every one by default), with its social picture and its
 * page key. Shared by the public article page and the edge's subscriber page,
 * which print the same article and so take the same key (it holds the body,
 * whole text included). The social picture is asked for here, so that a page
 * copied from the last build still has its card drawn.
 */
export async function articlePaths(include: (article: Article) => boolean = () => true) {
  const site = await siteData();
  return Promise.all(
    site.articles.filter(include).map(async (article) => {
      // The lead picture's 1200×630 crop, or a card drawn with the headline: for link previews and JSON-LD alike.
      const socialImage = await articleSocialImage(article.id, article.data, site.sectionsById.get(article.data.section)!.data.name);
      const props: ArticlePageProps = { article, socialImage };
      return { params: { slug: article.id }, props, cacheKey: articlePageKey(site, article, socialImage) };
    }),
  );
}
