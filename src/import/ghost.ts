import { readFile } from 'node:fs/promises';
import type { SourceAuthor, SourcePost, SourceSite, SourceStatus, SourceTerm, SourceVisibility } from './types';

/**
 * The Ghost reader: the JSON file from Settings → Migrate (Ghost 4 and 5:
 * `db[0].data` with `posts`, `users`, `tags`, `posts_authors`,
 * `posts_tags`). Bodies are taken from `html`; `mobiledoc` and `lexical` are
 * not needed. A Ghost export is one JSON document, read whole: it holds no
 * pictures, and a site of 50,000 posts exports a few hundred megabytes.
 */

interface GhostRow {
  [key: string]: unknown;
}

interface GhostData {
  posts: GhostRow[];
  users: GhostRow[];
  tags: GhostRow[];
  posts_authors: GhostRow[];
  posts_tags: GhostRow[];
  posts_meta: GhostRow[];
  /** Ghost 5's paid tiers (`products` before 5.x renamed them). */
  tiers: GhostRow[];
  posts_tiers: GhostRow[];
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The data block of a Ghost export, or an error naming the file and what is missing. */
export function ghostData(json: unknown, file: string): GhostData {
  const root = json as { db?: { data?: Record<string, unknown> }[]; data?: Record<string, unknown> } | null;
  const data = root?.db?.[0]?.data ?? root?.data;
  if (!data || typeof data !== 'object') throw new Error(`${file}: not a Ghost export (no db[0].data)`);
  if (!Array.isArray(data.posts)) throw new Error(`${file}: db[0].data.posts: must be a list of posts`);
  const list = (name: string) => (Array.isArray(data[name]) ? (data[name] as GhostRow[]) : []);
  return {
    posts: list('posts'),
    users: list('users'),
    tags: list('tags'),
    posts_authors: list('posts_authors'),
    posts_tags: list('posts_tags'),
    posts_meta: list('posts_meta'),
    tiers: list('tiers').length > 0 ? list('tiers') : list('products'),
    posts_tiers: list('posts_tiers').length > 0 ? list('posts_tiers') : list('posts_products'),
  };
}

/** Reads a Ghost export: the site (authors) and its posts, in the file's order. */
export async function readGhost(file: string): Promise<{ site: SourceSite; posts: SourcePost[] }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not a readable Ghost export (${error instanceof Error ? error.message : String(error)})`);
  }
  return ghostExport(ghostData(json, file));
}

const STATUS: Record<string, SourceStatus> = { published: 'published', draft: 'draft', scheduled: 'scheduled', sent: 'published' };

/** The export's rows as the neutral shape (pure: tested without files). */
export function ghostExport(data: GhostData): { site: SourceSite; posts: SourcePost[] } {
  const site: SourceSite = { authors: new Map(), attachments: new Map() };
  for (const user of data.users) {
    const id = str(user.id) ?? String(user.id ?? '');
    const name = str(user.name);
    if (!id || !name) continue;
    const author: SourceAuthor = { key: id, slug: str(user.slug) ?? name, name };
    const bio = str(user.bio);
    if (bio) author.bio = bio;
    const avatar = str(user.profile_image);
    if (avatar) author.avatar = avatar;
    site.authors.set(id, author);
  }
  const tags = new Map<string, GhostRow>(data.tags.map((tag) => [String(tag.id), tag]));
  const tiers = new Map<string, string>(data.tiers.map((tier) => [String(tier.id), str(tier.name) ?? String(tier.id)]));
  const byPost = <T>(rows: GhostRow[], pick: (row: GhostRow) => T | undefined) => {
    const map = new Map<string, { order: number; value: T }[]>();
    for (const row of rows) {
      const value = pick(row);
      if (value === undefined) continue;
      const key = String(row.post_id);
      const list = map.get(key) ?? [];
      list.push({ order: typeof row.sort_order === 'number' ? row.sort_order : list.length, value });
      map.set(key, list);
    }
    return (post: string) => (map.get(post) ?? []).sort((a, b) => a.order - b.order).map((entry) => entry.value);
  };
  const authorsOf = byPost(data.posts_authors, (row) => (row.author_id === undefined ? undefined : String(row.author_id)));
  const tagsOf = byPost(data.posts_tags, (row) => tags.get(String(row.tag_id)));
  const tiersOf = byPost(data.posts_tiers, (row) => tiers.get(String(row.tier_id ?? row.product_id)));
  const meta = new Map<string, GhostRow>(data.posts_meta.map((row) => [String(row.post_id), row]));

  const posts = data.posts.map((row): SourcePost => {
    const id = String(row.id);
    const rawStatus = str(row.status) ?? '';
    const visibility = ghostVisibility(str(row.visibility));
    const postTags = tagsOf(id);
    // Internal tags (`#hash`) steer themes, not readers.
    const terms: SourceTerm[] = postTags
      .filter((tag) => !(str(tag.name) ?? '').startsWith('#') && str(tag.visibility) !== 'internal')
      .map((tag) => ({ slug: str(tag.slug) ?? String(tag.name), name: str(tag.name) ?? String(tag.slug) }));
    const authors = authorsOf(id);
    const legacyAuthor = str(row.author_id);
    const post: SourcePost = {
      id,
      type: str(row.type) === 'page' || row.page === true || row.page === 1 ? 'page' : 'post',
      status: STATUS[rawStatus] ?? 'other',
      rawStatus,
      title: str(row.title) ?? '',
      slug: str(row.slug) ?? '',
      html: str(row.html) ?? '',
      autop: false,
      authors: authors.length > 0 ? authors : legacyAuthor ? [legacyAuthor] : [],
      sections: terms.slice(0, 1),
      tags: terms.slice(1),
      visibility,
    };
    const excerpt = str(row.custom_excerpt);
    if (excerpt) post.excerpt = excerpt;
    const published = str(row.published_at);
    if (published) post.date = published;
    const updated = str(row.updated_at);
    if (updated) post.updated = updated;
    const image = str(row.feature_image);
    if (image) {
      const m = meta.get(id);
      const alt = str(m?.feature_image_alt) ?? str(row.feature_image_alt);
      const caption = str(m?.feature_image_caption) ?? str(row.feature_image_caption);
      post.featured = { url: image, ...(alt ? { alt } : {}), ...(caption ? { caption } : {}) };
    }
    if (post.slug) post.permalink = `/${post.slug}/`;
    if (visibility === 'tiers') post.tiers = tiersOf(id);
    return post;
  });
  return { site, posts };
}

/**
 * Ghost's visibility: `public`, `members`, `paid`, `tiers`, or (Ghost 4's
 * segment filters) an NQL filter such as `status:-free`. A filter is read as
 * paid: anything that is not plainly public stays behind the cut.
 */
export function ghostVisibility(value: string | undefined): SourceVisibility {
  if (!value || value === 'public') return 'public';
  if (value === 'members' || value === 'status:free,status:-free') return 'members';
  if (value === 'tiers' || value.includes('product:') || value.includes('tier:')) return 'tiers';
  return 'paid';
}
