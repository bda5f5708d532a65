import { createReadStream } from 'node:fs';
import { SaxesParser } from 'saxes';
import type { SourceAuthor, SourcePicture, SourcePost, SourceSite, SourceTerm } from './types';

/**
 * The WordPress reader: a WXR file (Tools → Export) read as a stream with
 * saxes, never whole. `readWordPressSite` is the first pass (authors,
 * attachments: small); `readWordPressPosts` the second, one item at a time.
 */

/** An `<item>` as it stands in the file: its leaf elements, categories and post meta. */
interface RawItem {
  fields: Map<string, string>;
  terms: { domain: string; slug: string; name: string }[];
  meta: Map<string, string>;
}

/**
 * Calls `onItem` for each `<item>` and `onChannel` for each leaf of
 * `<channel>` (authors as maps), yielding after each chunk of the file so the
 * caller handles what was found before more is read.
 */
async function* streamWxr(
  file: string,
  handlers: { onItem?: (item: RawItem) => void; onAuthor?: (author: Map<string, string>) => void; onChannel?: (name: string, text: string) => void },
): AsyncGenerator<void> {
  const parser = new SaxesParser({ xmlns: false });
  const stack: string[] = [];
  let text = '';
  let item: RawItem | undefined;
  let author: Map<string, string> | undefined;
  let meta: { key?: string; value?: string } | undefined;
  let term: { domain: string; slug: string } | undefined;
  let inComment = 0;
  let failure: Error | undefined;
  parser.on('error', (error) => {
    failure ??= new Error(`${file}: not a readable WordPress export (${error.message})`);
  });
  parser.on('opentag', (tag) => {
    stack.push(tag.name);
    text = '';
    if (tag.name === 'item') item = { fields: new Map(), terms: [], meta: new Map() };
    else if (tag.name === 'wp:author' && !item) author = new Map();
    else if (tag.name === 'wp:comment') inComment += 1;
    else if (tag.name === 'wp:postmeta' && item) meta = {};
    else if (tag.name === 'category' && item) {
      const attr = (name: string) => {
        const value = tag.attributes[name];
        return typeof value === 'string' ? value : '';
      };
      term = { domain: attr('domain'), slug: attr('nicename') };
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    const name = tag.name;
    if (name === 'wp:comment') inComment -= 1;
    else if (inComment > 0) {
      // Comments are not carried.
    } else if (name === 'item' && item) {
      handlers.onItem?.(item);
      item = undefined;
    } else if (item && meta && name === 'wp:meta_key') meta.key = text;
    else if (item && meta && name === 'wp:meta_value') meta.value = text;
    else if (item && meta && name === 'wp:postmeta') {
      if (meta.key) item.meta.set(meta.key, meta.value ?? '');
      meta = undefined;
    } else if (item && term && name === 'category') {
      item.terms.push({ ...term, name: text.trim() });
      term = undefined;
    } else if (item && stack[stack.length - 1] === 'item') item.fields.set(name, text);
    else if (author && name === 'wp:author') {
      handlers.onAuthor?.(author);
      author = undefined;
    } else if (author) author.set(name, text.trim());
    else if (!item && stack[stack.length - 1] === 'channel') handlers.onChannel?.(name, text.trim());
    text = '';
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    parser.write(chunk as string);
    if (failure) throw failure;
    yield;
  }
  parser.close();
  if (failure) throw failure;
}

/** First pass: the site's address, its authors and its attachments. */
export async function readWordPressSite(file: string): Promise<SourceSite> {
  const site: SourceSite = { authors: new Map(), attachments: new Map() };
  const reading = streamWxr(file, {
    onChannel: (name, text) => {
      if ((name === 'wp:base_blog_url' || (name === 'link' && !site.baseUrl)) && text) site.baseUrl = text;
    },
    onAuthor: (fields) => {
      const login = fields.get('wp:author_login') ?? '';
      if (!login) return;
      const display = fields.get('wp:author_display_name') || [fields.get('wp:author_first_name'), fields.get('wp:author_last_name')].filter(Boolean).join(' ') || login;
      const person: SourceAuthor = { key: login, slug: login, name: display };
      site.authors.set(login, person);
    },
    onItem: (item) => {
      if (item.fields.get('wp:post_type') !== 'attachment') return;
      const id = item.fields.get('wp:post_id') ?? '';
      const url = item.fields.get('wp:attachment_url') ?? item.fields.get('guid') ?? '';
      if (!id || !url) return;
      const picture: SourcePicture & { parent?: string } = { url: url.trim() };
      const alt = item.meta.get('_wp_attachment_image_alt')?.trim();
      if (alt) picture.alt = alt;
      const caption = item.fields.get('excerpt:encoded')?.trim();
      if (caption) picture.caption = caption;
      const parent = item.fields.get('wp:post_parent');
      if (parent && parent !== '0') picture.parent = parent;
      site.attachments.set(id, picture);
    },
  });
  for await (const _ of reading) {
    // Everything is gathered by the handlers.
  }
  return site;
}

const STATUS: Record<string, SourcePost['status']> = { publish: 'published', draft: 'draft', pending: 'draft', future: 'scheduled', private: 'private' };

/**
 * `2013-01-10 20:15:40` local and `2013-01-11 01:15:40` GMT → `2013-01-10T20:15:40-05:00`.
 * Without a usable GMT time (drafts: `0000-00-00 00:00:00`) the local time is read as UTC, and `guessed` says so.
 */
export function wordPressDate(local: string | undefined, gmt: string | undefined): { iso: string; guessed: boolean } | undefined {
  const pattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;
  const l = local?.trim().match(pattern);
  if (!l || l[1] === '0000') return undefined;
  const asUtc = (m: RegExpMatchArray) => Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]));
  const g = gmt?.trim().match(pattern);
  const stamp = `${l[1]}-${l[2]}-${l[3]}T${l[4]}:${l[5]}:${l[6]}`;
  if (!g || g[1] === '0000') return { iso: `${stamp}Z`, guessed: true };
  const minutes = Math.round((asUtc(l) - asUtc(g)) / 60_000);
  if (Math.abs(minutes) > 18 * 60) return { iso: `${stamp}Z`, guessed: true };
  if (minutes === 0) return { iso: `${stamp}Z`, guessed: false };
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return { iso: `${stamp}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`, guessed: false };
}

/** A raw item as a post, or `undefined` for what is not a post or page (attachments, menu items, blocks). */
export function wordPressPost(item: RawItem, site: SourceSite): SourcePost | undefined {
  const f = (name: string) => item.fields.get(name) ?? '';
  const type = f('wp:post_type');
  if (type !== 'post' && type !== 'page') return undefined;
  const rawStatus = f('wp:status').trim();
  const id = f('wp:post_id').trim();
  const date = wordPressDate(f('wp:post_date'), f('wp:post_date_gmt'));
  const updated = wordPressDate(f('wp:post_modified'), f('wp:post_modified_gmt'));
  const term = (domain: string): SourceTerm[] =>
    item.terms.filter((t) => t.domain === domain).map((t) => ({ slug: safeDecode(t.slug) || t.name, name: t.name || t.slug }));
  const thumbnail = item.meta.get('_thumbnail_id');
  const featured = thumbnail ? site.attachments.get(thumbnail.trim()) : undefined;
  const creator = f('dc:creator').trim();
  const link = f('link').trim();
  const post: SourcePost = {
    id,
    type,
    status: STATUS[rawStatus] ?? 'other',
    rawStatus,
    title: f('title').trim(),
    slug: safeDecode(f('wp:post_name').trim()),
    html: f('content:encoded'),
    autop: true,
    authors: creator ? [creator] : [],
    sections: term('category'),
    tags: term('post_tag'),
    visibility: 'public',
    ...(f('wp:post_password').trim() ? { password: true } : {}),
  };
  const excerpt = f('excerpt:encoded').trim();
  if (excerpt) post.excerpt = excerpt;
  if (date) post.date = date.iso;
  if (updated && !updated.guessed) post.updated = updated.iso;
  if (featured) post.featured = { url: featured.url, ...(featured.alt ? { alt: featured.alt } : {}), ...(featured.caption ? { caption: featured.caption } : {}) };
  if (link) post.permalink = link;
  if (id && site.baseUrl) post.aliases = [`/?p=${id}`];
  return post;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Second pass: every post and page, one at a time, in file order. The reader
 * waits for each batch to be handled before reading on, so memory holds one
 * chunk of the file and its items, whatever the archive's size.
 */
export async function* readWordPressPosts(file: string, site: SourceSite): AsyncGenerator<SourcePost> {
  const queue: SourcePost[] = [];
  const reading = streamWxr(file, {
    onItem: (item) => {
      const post = wordPressPost(item, site);
      if (post) queue.push(post);
    },
  });
  for await (const _ of reading) {
    while (queue.length > 0) yield queue.shift()!;
  }
  while (queue.length > 0) yield queue.shift()!;
}
