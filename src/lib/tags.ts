/**
 * Tag pages: which tags get a page at `/tags/<slug>/`, under which name. Pure,
 * so the rules (slugging, the two-article threshold, the shown spelling) are
 * unit-tested without a build.
 */

/** A tag that has its own page. */
export interface TagPage {
  /** The URL segment: `tagSlug` of every spelling merged into this page. */
  slug: string;
  /**
   * The name pages, links and feeds show: the name `tags.yaml` gives, else the
   * spelling most articles use (ties: the one the newest article uses), its
   * first letter capitalised when the spelling has no capitals (`harbour` →
   * `Harbour`); a spelling with capitals (`iPhone`, `BBC`) is kept.
   */
  name: string;
  /** The standfirst `tags.yaml` gives the tag's page, if any. */
  standfirst?: string | undefined;
  /** The articles carrying the tag, in the order given (newest first from callers). */
  ids: string[];
}

/**
 * The URL slug of a tag: lowercase ASCII with diacritics folded (`Café` → `cafe`),
 * every run of other characters one hyphen, none at either end. A tag of no
 * Latin letters or digits slugs to `''` and gets no page.
 */
export function tagSlug(tag: string): string {
  return tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    // Letters that NFKD leaves whole but readers expect folded.
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[œŒ]/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A tag as a heading writes it: an all-lower-case spelling (`harbour`,
 * `local elections`) in sentence case (`Harbour`, `Local elections`); one the
 * writer gave capitals (`iPhone`, `Port Averley`, `BBC`) as written.
 */
export function tagDisplayName(spelling: string): string {
  if (spelling !== spelling.toLocaleLowerCase()) return spelling;
  const first = spelling.codePointAt(0);
  if (first === undefined) return spelling;
  const letter = String.fromCodePoint(first);
  return letter.toLocaleUpperCase() + spelling.slice(letter.length);
}

/**
 * The tags used by at least `minArticles` articles, by slug, so `Harbour` and
 * `harbour` are one page, named as `tags.yaml` names them or by `tagDisplayName`. Articles are taken in the given order (newest first),
 * which is the order of each page's list; pages come sorted by slug.
 */
export function tagPages(
  articles: readonly { id: string; tags: readonly string[] }[],
  minArticles = 2,
  /** Display names and standfirsts by slug (`content/tags.yaml`). */
  texts: Readonly<Record<string, { name?: string | undefined; standfirst?: string | undefined }>> = {},
): TagPage[] {
  const bySlug = new Map<string, { ids: string[]; spellings: Map<string, number> }>();
  for (const article of articles) {
    const seen = new Set<string>();
    for (const tag of article.tags) {
      const slug = tagSlug(tag);
      // An article counts once per page even when it spells the tag two ways.
      if (!slug || seen.has(slug)) continue;
      seen.add(slug);
      let entry = bySlug.get(slug);
      if (!entry) bySlug.set(slug, (entry = { ids: [], spellings: new Map() }));
      entry.ids.push(article.id);
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
    }
  }
  const pages: TagPage[] = [];
  for (const [slug, { ids, spellings }] of bySlug) {
    if (ids.length < minArticles) continue;
    let name = '';
    let best = 0;
    // Map order is first use, i.e. the newest article's spelling wins a tie.
    for (const [spelling, count] of spellings) {
      if (count > best) [name, best] = [spelling, count];
    }
    const given = Object.hasOwn(texts, slug) ? texts[slug] : undefined;
    pages.push({ slug, name: given?.name ?? tagDisplayName(name), ids, ...(given?.standfirst === undefined ? {} : { standfirst: given.standfirst }) });
  }
  return pages.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
