import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { stringify } from 'yaml';
import { planCut } from '../free-limit/plan';
import { articleFrontmatterSchema } from '../schemas/article';
import { ID_PATTERN, idKey, reservedIdReason } from '../schemas/id';
import { FREE_LIMIT, hastText, htmlToMarkdown, type BodyNote, type PictureChoice } from './html-to-markdown';
import type { Redirect } from './redirects';
import { oldPath } from './redirects';
import type { ReportLine, SourcePost, SourceSite } from './types';

/**
 * One post of an export to one article file: frontmatter, body, the
 * pictures to copy, the redirect, and the report lines. The paywall and the
 * cut are decided here and checked with the build's own `planCut`; a body the
 * build would refuse is never returned as an article.
 */

export interface ConvertSettings {
  source: 'wordpress' | 'ghost' | 'feed';
  /** `--more-is-paywall`: WordPress's read-more tag marks where the paid part starts. */
  moreIsPaywall: boolean;
  /** The paper's settings, as the build reads them. */
  freeParagraphs: number;
  defaultAccess: 'free' | 'subscribers';
  /** Section for posts with no category or tag. */
  defaultSection: string;
  /** `--map`: old category or tag slug → section id (and name). */
  sectionMap: ReadonlyMap<string, { id: string; name?: string }>;
  /** The new address of an article (`createUrls(base).article`). */
  articleUrl: (slug: string) => string;
}

/** What the conversion asks of the folder it writes to: ids taken, pictures placed. */
export interface ConvertPlace {
  /** Claims a slug for a post (unique across the import and the folder); returns the slug given. */
  claimSlug(wanted: string, postId: string): string;
  /** The folder an earlier import wrote this slug's article in, so a post whose date moved stays one file. */
  folderOf?(slug: string): string | undefined;
  /** Where a picture goes for the article in `folder` (`articles/2024`), or a link when it stays behind. */
  picture(url: string, folder: string, slug: string): PictureChoice;
  /** The author id for a source author key, creating the author on first use. */
  author(key: string): string;
  /** The section id for a category or tag, recording the section on first use. */
  section(term: { slug: string; name: string } | undefined): string;
}

export interface ConvertedArticle {
  /** `articles/<year>/<slug>.md`, relative to the content folder. */
  file: string;
  text: string;
  slug: string;
  draft: boolean;
  embargo: boolean;
  cut: boolean;
  access?: 'free' | 'subscribers';
}

export interface Conversion {
  article?: ConvertedArticle;
  /** The Markdown of a body the build refused, to show the newsroom. */
  refused?: { slug: string; markdown: string };
  redirects: Redirect[];
  report: ReportLine[];
}

/** A slug the build accepts, from anything: accents kept, spaces and URL characters hyphenated. */
export function slugify(value: string): string {
  const slug = value
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_.\p{M}]+|[-.]+$/gu, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  if (!slug || !ID_PATTERN.test(slug)) return '';
  return reservedIdReason(slug) ? `${slug}-1` : slug;
}

/** Plain text of a bit of HTML (titles, excerpts, captions): tags dropped, entities decoded, spaces collapsed. */
export function plainText(html: string): string {
  return hastText(fromHtml(html, { fragment: true })).replace(/\s+/g, ' ').trim();
}

/** The first sentence of a text, at most about 300 characters. */
export function firstSentence(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const match = clean.match(/^(.{20,}?[.!?…])(?:["'’”)]*)(?=\s|$)/u);
  const sentence = match ? match[0] : clean;
  if (sentence.length <= 300) return sentence;
  const cut = sentence.slice(0, 300);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 200 ? cut.lastIndexOf(' ') : 300)}…`;
}

/** The first paragraph of a free part with words in it, as text. */
function firstFreeText(free: Root): string {
  for (const node of free.children) {
    if (node.type === 'paragraph' || node.type === 'blockquote' || node.type === 'list') {
      const words = toString(node).trim();
      if (/[\p{L}\p{N}]/u.test(words)) return words;
    }
  }
  return '';
}

/** Year folder of an ISO date. */
const yearOf = (iso: string) => iso.slice(0, 4);

/** Ghost's and WordPress's ways of saying who may read a post, as the article's `access` and whether it must be cut. */
export function paywallFor(post: SourcePost, bodyHasCut: boolean, moreIsPaywall: boolean): { access?: 'free' | 'subscribers'; cutAtTop: boolean; note?: string } {
  if (post.visibility === 'public') {
    if (post.autop) return bodyHasCut ? { access: 'subscribers', cutAtTop: false } : { cutAtTop: false };
    // Ghost shows a public post whole, whatever markers it holds.
    return { access: 'free', cutAtTop: false };
  }
  const who = post.visibility === 'tiers' ? `tiers (${(post.tiers ?? []).join(', ') || 'unnamed'})` : post.visibility;
  const note = post.visibility === 'members' || post.visibility === 'tiers' ? `Ghost access "${who}" became subscribers: Masthead has one kind of subscriber` : undefined;
  if (bodyHasCut) return { access: 'subscribers', cutAtTop: false, ...(note ? { note } : {}) };
  void moreIsPaywall;
  return { access: 'subscribers', cutAtTop: true, ...(note ? { note } : {}) };
}

/** Converts one post; everything the newsroom should know is in `report`. */
export function convertPost(post: SourcePost, site: SourceSite, settings: ConvertSettings, place: ConvertPlace): Conversion {
  const title = plainText(post.title);
  const label = `${post.type} ${post.id}${title ? ` "${title}"` : ''}`;
  const report: ReportLine[] = [];
  const leftOut = (message: string, kind: ReportLine['kind'] = 'left-out'): Conversion => ({ redirects: [], report: [...report, { kind, where: label, message }] });

  if (post.type === 'page') return leftOut(`a page, not news: not imported${post.permalink ? ` (was ${post.permalink})` : ''}; make it a page of the site by hand if it is still needed`, 'page');
  if (post.status === 'private') return leftOut('private post: left out (only its author could read it)');
  if (post.status === 'other') return leftOut(`status "${post.rawStatus || 'none'}": left out`);
  if (!post.date && post.status !== 'draft') return leftOut('no publication date: left out');

  const draft = post.status === 'draft' || post.password === true;
  if (post.password) report.push({ kind: 'draft', where: label, message: 'password-protected post imported as a draft: decide who may read it before publishing' });
  else if (post.status === 'draft') report.push({ kind: 'draft', where: label, message: `${post.rawStatus} post imported as a draft` });

  // Its id and place.
  const wanted = slugify(post.slug) || slugify(title) || `post-${slugify(post.id) || 'untitled'}`;
  const slug = place.claimSlug(wanted, post.id);
  if (slug !== wanted) report.push({ kind: 'guessed', where: label, message: `slug "${wanted}" was taken: the article is "${slug}"` });
  const date = post.date ?? post.updated;
  if (!date) return leftOut('a draft with no date at all: left out');
  if (!post.date) report.push({ kind: 'guessed', where: label, message: `draft with no publication date: dated ${date}, its last change` });
  const folder = place.folderOf?.(slug) ?? `articles/${yearOf(date)}`;
  const file = `${folder}/${slug}.md`;
  const where = file;

  // The body.
  const converted = htmlToMarkdown(post.html, {
    wordpress: post.autop,
    moreIsPaywall: settings.moreIsPaywall,
    picture: (url) => place.picture(url, folder, slug),
    // `[gallery]` without ids shows the pictures attached to the post.
    gallery: (ids) =>
      ids.length > 0
        ? ids.flatMap((id) => {
            const found = site.attachments.get(id);
            return found ? [found] : [];
          })
        : [...site.attachments.values()].filter((picture) => picture.parent === post.id),
  });
  const paywall = paywallFor(post, converted.cut, settings.moreIsPaywall);
  let markdown = converted.markdown;
  if (paywall.access === 'free' && converted.cut) {
    markdown = markdown.replace(`${FREE_LIMIT}\n\n`, '').replace(`\n\n${FREE_LIMIT}\n`, '\n');
    report.push({ kind: 'paywall', where, message: 'members-only marker in a public post dropped: Ghost showed the whole post to everyone' });
  }
  if (paywall.cutAtTop) {
    markdown = `${FREE_LIMIT}\n\n${markdown}`;
    for (const note of converted.notes) if (note.line) note.line += 2;
    report.push({ kind: 'paywall', where, line: 1, message: `the whole post was for ${post.visibility === 'public' ? 'subscribers' : post.visibility} readers: the free limit is at the top, so only the headline and standfirst are free; move it down to show a preview` });
  } else if (converted.cut) {
    const line = markdown.split('\n').indexOf(FREE_LIMIT) + 1;
    report.push({ kind: 'paywall', where, line, message: `the free limit is where the old site cut (${converted.cutFrom ?? 'its marker'})` });
  }
  if (paywall.note) report.push({ kind: 'paywall', where, message: paywall.note });
  for (const note of converted.notes) report.push(noteLine(note, where));

  // The build's own cut check, on the body exactly as it will be written.
  const access = paywall.access ?? settings.defaultAccess;
  let plan: ReturnType<typeof planCut>;
  try {
    plan = planCut(markdown, { access, freeParagraphs: settings.freeParagraphs });
  } catch (error) {
    const line = typeof (error as { line?: unknown }).line === 'number' ? (error as { line: number }).line : undefined;
    return {
      refused: { slug, markdown },
      redirects: [],
      report: [...report, { kind: 'refused', where, ...(line ? { line } : {}), message: `not written: the build would refuse its body (${error instanceof Error ? error.message.replace(/^line \d+: /, '') : String(error)}); the converted Markdown is in the report folder to fix by hand` }],
    };
  }

  // The standfirst: the writer's excerpt, or the first sentence of the free part.
  let standfirst = post.excerpt ? plainText(post.excerpt) : '';
  if (!standfirst) {
    const free = firstFreeText(plan.free);
    standfirst = free ? firstSentence(free) : '';
    if (standfirst) report.push({ kind: 'guessed', where, message: `no excerpt: the standfirst is the first sentence of the free part ("${standfirst.slice(0, 60)}${standfirst.length > 60 ? '…' : ''}")` });
  }
  if (!standfirst) {
    standfirst = title || slug;
    report.push({ kind: 'guessed', where, message: 'no excerpt and no free text: the standfirst repeats the headline; write one' });
  }
  let headline = title;
  if (!headline) {
    headline = firstSentence(standfirst).replace(/[.!?…]$/, '').split(' ').slice(0, 10).join(' ') || slug;
    report.push({ kind: 'guessed', where, message: `no title: the headline is "${headline}"` });
  }

  // People, section, tags, dates.
  const authors = [...new Set((post.authors.length > 0 ? post.authors : ['']).map((key) => place.author(key)))];
  if (post.authors.length === 0) report.push({ kind: 'guessed', where, message: 'no author: credited to the staff byline' });
  const sectionTerm = post.sections[0];
  const section = place.section(sectionTerm);
  if (!sectionTerm) report.push({ kind: 'guessed', where, message: `no category or tag: in section "${section}"` });
  const tags = [...new Set([...post.sections.slice(1), ...post.tags].map((term) => plainText(term.name)).filter(Boolean))];

  const frontmatter: Record<string, unknown> = { title: headline, author: authors.length === 1 ? authors[0] : authors, section, date };
  if (post.updated && post.date && Date.parse(post.updated) - Date.parse(post.date) >= 60_000) frontmatter.updated = post.updated;
  frontmatter.standfirst = standfirst;
  if (tags.length > 0) frontmatter.tags = tags;
  if (paywall.access) frontmatter.access = paywall.access;
  if (post.featured) {
    const choice = place.picture(post.featured.url, folder, slug);
    if ('link' in choice) {
      report.push({ kind: 'picture', where, message: `lead picture not carried: ${choice.note}` });
    } else {
      const alt = post.featured.alt ? plainText(post.featured.alt) : '';
      const caption = post.featured.caption ? plainText(post.featured.caption) : '';
      frontmatter.image = { src: choice.src, ...(alt ? { alt } : { decorative: true }), ...(caption ? { caption } : {}) };
      if (!alt) report.push({ kind: 'guessed', where, message: 'lead picture has no alt text: marked decorative; describe it in image.alt' });
      if (choice.note) report.push({ kind: 'picture', where, message: `lead picture: ${choice.note}` });
    }
  }
  if (draft) frontmatter.draft = true;
  const embargo = post.status === 'scheduled';
  if (embargo) report.push({ kind: 'draft', where, message: `scheduled post: embargoed until ${date}` });

  const checked = articleFrontmatterSchema.safeParse(frontmatter);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`).join('; ');
    return { redirects: [], report: [...report, { kind: 'refused', where, message: `not written: its frontmatter would be refused (${problems})` }] };
  }

  const yaml = stringify(frontmatter, { lineWidth: 0 });
  const text = `---\n${yaml}---\n${markdown}`;
  // Lines of the body as lines of the file, as the build names them.
  const offset = yaml.split('\n').length + 1;
  for (const line of report) if (line.where === file && line.line) line.line += offset;
  const redirects: Redirect[] = [];
  if (!draft) {
    for (const address of [post.permalink, ...(post.aliases ?? [])]) {
      const from = address ? oldPath(address) : undefined;
      if (from) redirects.push({ from, to: settings.articleUrl(slug) });
    }
  }
  return {
    article: { file, text, slug, draft, embargo, cut: plan.cutBy !== 'none', ...(paywall.access ? { access: paywall.access } : {}) },
    redirects,
    report,
  };
}

function noteLine(note: BodyNote, where: string): ReportLine {
  return { kind: note.kind, where, ...(note.line ? { line: note.line } : {}), message: note.message };
}

export { idKey };
