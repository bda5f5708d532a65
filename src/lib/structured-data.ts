import { jsonForScript } from './script-json';

/**
 * schema.org `NewsArticle` data for an article page, with Google's markup for
 * paywalled content. Values are frontmatter, so serialising must be safe inside
 * a `<script>` element: see `serializeJsonLd`.
 */
/** schema.org's article types for the labels that have one; every other article is a `NewsArticle`. */
const LABEL_TYPES: Readonly<Record<string, string>> = {
  opinion: 'OpinionNewsArticle',
  analysis: 'AnalysisNewsArticle',
  review: 'ReviewNewsArticle',
  explainer: 'BackgroundNewsArticle',
};

/** The schema.org type for an article with this label (`Opinion` → `OpinionNewsArticle`), else `NewsArticle`. */
export function articleTypeForLabel(label: string | undefined): string {
  return (label !== undefined && LABEL_TYPES[label.toLowerCase()]) || 'NewsArticle';
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: Date;
  dateModified?: Date;
  /** The author, or every author of a piece by several, in byline order. */
  author: { name: string; url: string } | readonly { name: string; url: string }[];
  publisher: { name: string; url: string };
  section: string;
  keywords: readonly string[];
  /** True when the reader gets the whole text without subscribing. */
  isAccessibleForFree: boolean;
  /**
   * Class selector (`.free-limit`) of the element standing in for the
   * paywalled part: Google's paywalled-content guideline reads `cssSelector`
   * as a class name, and the element must be on the page.
   */
  paywalledSelector?: string;
  image?: string;
  /** The article's label (`Opinion`…), which picks its schema.org type. */
  label?: string | undefined;
  /** Corrections to the article, as schema.org `CorrectionComment`s. They are metadata, never paid text. */
  corrections?: readonly { datePublished: Date; text: string }[] | undefined;
}

/** Builds the JSON-LD object. Pure: everything it prints comes in through `input`. */
export function newsArticle(input: NewsArticleInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': articleTypeForLabel(input.label),
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    datePublished: input.datePublished.toISOString(),
    dateModified: (input.dateModified ?? input.datePublished).toISOString(),
    author: (Array.isArray(input.author) ? input.author : [input.author]).map((author: { name: string; url: string }) => ({
      '@type': 'Person',
      name: author.name,
      url: author.url,
    })),
    publisher: { '@type': 'Organization', name: input.publisher.name, url: input.publisher.url },
    articleSection: input.section,
    ...(input.keywords.length > 0 ? { keywords: input.keywords.join(', ') } : {}),
    ...(input.image ? { image: [input.image] } : {}),
    ...(input.corrections && input.corrections.length > 0
      ? {
          correction: input.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            datePublished: correction.datePublished.toISOString(),
            text: correction.text,
          })),
        }
      : {}),
    isAccessibleForFree: input.isAccessibleForFree,
    ...(!input.isAccessibleForFree && input.paywalledSelector
      ? {
          hasPart: {
            '@type': 'WebPageElement',
            isAccessibleForFree: false,
            cssSelector: input.paywalledSelector,
          },
        }
      : {}),
  };
}

/** JSON for a `<script type="application/ld+json">` element: no value can close it. */
export const serializeJsonLd = jsonForScript;
