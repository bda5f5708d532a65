/**
 * Article bodies (free HTML, and sealed envelopes in a keyed build), kept out
 * of Astro's data store. The store is one JSON document that Astro writes and
 * reads whole; with every article's HTML in it, a large archive passes V8's
 * longest string (about 0.5 GB) and the build dies. The store keeps metadata
 * and lists; the loader puts bodies here, and article pages read them here.
 *
 * The content loader and the pages run in the same Node process (in a build
 * and in `astro dev`) but not always as the same module instance, so the
 * bodies sit on `globalThis` under a registered symbol rather than in a
 * module variable.
 */
export interface ArticleBody {
  /** Sanitised HTML of the free part (the whole text for a free article, or in the subscriber edition). */
  html: string;
  /** The whole article sealed for subscriber keys (envelope JSON), in a keyed public build. */
  sealed?: string;
}

const KEY = Symbol.for('masthead.article-bodies');

function bodies(): Map<string, ArticleBody> {
  const holder = globalThis as typeof globalThis & { [KEY]?: Map<string, ArticleBody> };
  holder[KEY] ??= new Map();
  return holder[KEY];
}

/** Replaces every body with those of a fresh read of the content folder. */
export function setArticleBodies(entries: Iterable<[id: string, body: ArticleBody]>): void {
  const map = bodies();
  map.clear();
  for (const [id, body] of entries) map.set(id, body);
}

/** The body of an article, for its page. Throws if the loader has not read it: a page must never render empty. */
export function articleBody(id: string): ArticleBody {
  const body = bodies().get(id);
  if (!body) throw new Error(`Masthead: no body for article "${id}"; the content loader did not read it in this process`);
  return body;
}
