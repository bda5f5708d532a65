import { getCollection, type CollectionEntry } from 'astro:content';
import { compareNewestFirst } from '../lib/dates';
import { devContentError, tagTexts } from './published';
import type { StoredImage } from '../pictures/schema';
import { joinNames } from '../lib/bylines';
import { tagPages, tagSlug, type TagPage } from '../lib/tags';
import { printDate, settings, urls } from '../site';

export type Article = CollectionEntry<'articles'>;
export type Author = CollectionEntry<'authors'>;
export type SectionEntry = CollectionEntry<'sections'>;

/** What a list item needs, and nothing more: never any body text. */
export interface StoryItem {
  id: string;
  url: string;
  title: string;
  standfirst: string;
  date: Date;
  dateText: string;
  sectionName: string;
  sectionUrl: string;
  /** Every author's name, joined as a byline joins them (`Ada Quill and Ben Ink`). */
  authorName: string;
  /** The first author's page. */
  authorUrl: string;
  /** Each author, in byline order. */
  authors: { name: string; url: string }[];
  /** The lead picture, for the card's crop. */
  image?: StoredImage | undefined;
  /** The article's label (`Opinion`…), shown over the headline. */
  label?: string | undefined;
  /** True for a story for subscribers (`access: subscribers`): cards, results and feeds mark it. */
  forSubscribers: boolean;
}

export interface SiteData {
  /** Newest first. */
  articles: Article[];
  articlesById: Map<string, Article>;
  /** Each section's articles, newest first; every section has an entry. */
  bySection: Map<string, Article[]>;
  /** Each author's articles, newest first; every author has an entry. */
  byAuthor: Map<string, Article[]>;
  authorsById: Map<string, Author>;
  /** In navigation order. */
  sections: SectionEntry[];
  sectionsById: Map<string, SectionEntry>;
  /** Tags used by two or more published articles, each with its page; sorted by slug. */
  tags: TagPage[];
  /** The tag pages an article links to, in the order of its `tags`. */
  tagsOf(article: Article): TagPage[];
  item(article: Article): StoryItem;
  items(ids: readonly string[]): StoryItem[];
}

/** Every author of an article, in byline order (articles stored before lists of authors have one). */
export function articleAuthors(data: { author: string; authors?: readonly string[] | undefined }): readonly string[] {
  return data.authors && data.authors.length > 0 ? data.authors : [data.author];
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [articleEntries, authorEntries, sectionEntries] = await Promise.all([
    getCollection('articles'),
    getCollection('authors'),
    getCollection('sections'),
  ]);
  const articles = [...articleEntries].sort((a, b) =>
    compareNewestFirst({ id: a.id, date: a.data.date }, { id: b.id, date: b.data.date }),
  );
  const articlesById = new Map(articles.map((article) => [article.id, article]));
  const authorsById = new Map(authorEntries.map((author) => [author.id, author]));
  const sections = [...sectionEntries].sort((a, b) => a.data.order - b.data.order);
  const sectionsById = new Map(sections.map((section) => [section.id, section]));
  // Grouped once, so section and author pages and feeds never rescan the whole archive.
  const bySection = new Map<string, Article[]>(sections.map((section) => [section.id, []]));
  const byAuthor = new Map<string, Article[]>(authorEntries.map((author) => [author.id, []]));
  for (const article of articles) {
    bySection.get(article.data.section)?.push(article);
    // A piece by several authors is on each one's page and in each one's feed.
    for (const authorId of articleAuthors(article.data)) byAuthor.get(authorId)?.push(article);
  }
  // From the published articles only: a draft's tags neither make a page nor count towards one.
  const tags = tagPages(articles.map((article) => ({ id: article.id, tags: article.data.tags })), 2, tagTexts());
  const tagsBySlug = new Map(tags.map((tag) => [tag.slug, tag]));
  const tagsOf = (article: Article) => [
    ...new Set(article.data.tags.flatMap((tag) => tagsBySlug.get(tagSlug(tag)) ?? [])),
  ];
  const itemCache = new Map<string, StoryItem>();
  const item = (article: Article): StoryItem => {
    let cachedItem = itemCache.get(article.id);
    if (!cachedItem) {
      const { data } = article;
      cachedItem = {
        id: article.id,
        url: urls.article(article.id),
        title: data.title,
        standfirst: data.standfirst,
        date: data.date,
        dateText: printDate(data.date),
        sectionName: sectionsById.get(data.section)?.data.name ?? data.section,
        sectionUrl: urls.section(data.section),
        authorName: joinNames(
          articleAuthors(data).map((id) => authorsById.get(id)?.data.name ?? id),
          settings.locale,
        ),
        authorUrl: urls.author(data.author),
        authors: articleAuthors(data).map((id) => ({ name: authorsById.get(id)?.data.name ?? id, url: urls.author(id) })),
        image: data.image,
        label: data.label,
        forSubscribers: data.access === 'subscribers',
      };
      itemCache.set(article.id, cachedItem);
    }
    return cachedItem;
  };
  const items = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const article = articlesById.get(id);
      return article ? [item(article)] : [];
    });
  return { articles, articlesById, bySection, byAuthor, authorsById, sections, sectionsById, tags, tagsOf, item, items };
}

/**
 * All content, indexed, loaded once per build: every page's `getStaticPaths`
 * and layout share one copy. In `astro dev` it is re-read so edits show up.
 */
export function siteData(): Promise<SiteData> {
  if (!import.meta.env.PROD) {
    // In `astro dev`, content problems are thrown from every page for Astro's error overlay to show.
    const problems = devContentError();
    if (problems) return Promise.reject(problems);
    return load();
  }
  cached ??= load();
  return cached;
}
