import { createReadStream } from 'node:fs';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { SourcePost, SourceSite, SourceTerm } from './types';

/**
 * The feed reader: an RSS 2.0 or Atom file, full-text (`content:encoded`,
 * Atom `content`) or not, read as a stream like the WordPress export. How
 * many small papers would move from anything else. A feed has no paywall,
 * no drafts and no pictures folder: every entry is a public, published post.
 */

const MONTHS: Record<string, string> = { jan: '01', feb: '02', mar: '03', apr: '04', may: '05', jun: '06', jul: '07', aug: '08', sep: '09', oct: '10', nov: '11', dec: '12' };
const ZONES: Record<string, string> = { GMT: '+00:00', UT: '+00:00', UTC: '+00:00', Z: '+00:00', EST: '-05:00', EDT: '-04:00', CST: '-06:00', CDT: '-05:00', MST: '-07:00', MDT: '-06:00', PST: '-08:00', PDT: '-07:00' };

/** An RSS date (`Thu, 02 May 2024 08:30:00 +0100`) or an Atom one as ISO 8601 with its offset; `undefined` when unreadable. */
export function feedDate(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return text;
  const rfc = text.match(/^(?:\w{3},\s*)?(\d{1,2})\s+(\w{3})\w*\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Z]{1,3})?$/);
  if (rfc) {
    const month = MONTHS[rfc[2]!.toLowerCase()];
    const zone = rfc[7] ?? 'GMT';
    const offset = /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : ZONES[zone];
    if (month && offset) return `${rfc[3]}-${month}-${rfc[1]!.padStart(2, '0')}T${rfc[4]}:${rfc[5]}:${rfc[6] ?? '00'}${offset === '+00:00' ? 'Z' : offset}`;
  }
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? undefined : new Date(parsed).toISOString();
}

interface Entry {
  fields: Map<string, string>;
  categories: string[];
  link?: string;
  author?: string;
}

/** Reads the feed's items or entries one at a time; `site.authors` gains each author as it is met. */
export async function* readFeedPosts(file: string, site: SourceSite): AsyncGenerator<SourcePost> {
  const parser = new SaxesParser({ xmlns: false });
  const queue: SourcePost[] = [];
  const stack: string[] = [];
  let entry: Entry | undefined;
  let text = '';
  let failure: Error | undefined;
  let count = 0;
  parser.on('error', (error) => {
    failure ??= new Error(`${file}: not a readable RSS or Atom feed (${error.message})`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    stack.push(tag.name);
    text = '';
    if (tag.name === 'item' || tag.name === 'entry') entry = { fields: new Map(), categories: [] };
    else if (entry && tag.name === 'link' && typeof tag.attributes.href === 'string' && (tag.attributes.rel === undefined || tag.attributes.rel === 'alternate')) entry.link = tag.attributes.href;
    else if (entry && tag.name === 'category' && typeof tag.attributes.term === 'string') entry.categories.push(tag.attributes.term);
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (!entry) return;
    const name = tag.name;
    if (name === 'item' || name === 'entry') {
      count += 1;
      queue.push(feedPost(entry, count, site));
      entry = undefined;
    } else if (name === 'category' && text.trim()) entry.categories.push(text.trim());
    else if (name === 'name' && stack[stack.length - 1] === 'author') entry.author = text.trim();
    else if ((name === 'dc:creator' || name === 'author') && text.trim() && !entry.author) entry.author = text.trim().replace(/^\S+@\S+\s+\((.+)\)$/, '$1');
    else if (name === 'link' && text.trim() && !entry.link) entry.link = text.trim();
    else if (stack[stack.length - 1] === 'item' || stack[stack.length - 1] === 'entry') entry.fields.set(name, text);
    text = '';
  });
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })) {
    parser.write(chunk as string);
    if (failure) throw failure;
    while (queue.length > 0) yield queue.shift()!;
  }
  parser.close();
  if (failure) throw failure;
  while (queue.length > 0) yield queue.shift()!;
}

/** One item or entry as a post: published, public, its full text if the feed has it, else its summary. */
function feedPost(entry: Entry, index: number, site: SourceSite): SourcePost {
  const f = (name: string) => entry.fields.get(name)?.trim() ?? '';
  const full = f('content:encoded') || f('content');
  const summary = f('description') || f('summary');
  const link = entry.link ?? '';
  const slug = decodeURIComponent(link.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '').replace(/\.html?$/, '');
  const author = entry.author ?? '';
  if (author && !site.authors.has(author)) site.authors.set(author, { key: author, slug: author, name: author });
  const terms: SourceTerm[] = entry.categories.map((name) => ({ slug: name, name }));
  const date = feedDate(f('pubDate') || f('published') || f('dc:date') || f('updated'));
  const updated = feedDate(f('updated') || f('atom:updated'));
  return {
    id: f('guid') || f('id') || link || String(index),
    type: 'post',
    status: 'published',
    rawStatus: 'published',
    title: f('title'),
    slug,
    html: full || summary,
    autop: false,
    ...(full && summary ? { excerpt: summary } : {}),
    ...(date ? { date } : {}),
    ...(updated ? { updated } : {}),
    authors: author ? [author] : [],
    sections: terms.slice(0, 1),
    tags: terms.slice(1),
    visibility: 'public',
    ...(link ? { permalink: link } : {}),
  };
}
