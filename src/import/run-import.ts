import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { idKey, reservedIdReason } from '../schemas/id';
import { sectionsFileSchema } from '../schemas/section';
import { convertPost, plainText, slugify, type ConvertPlace, type ConvertSettings } from './convert';
import type { PictureChoice } from './html-to-markdown';
import { ContentWriter, type WriteOutcome } from './manifest';
import { PictureFolder, pictureFileName } from './pictures';
import { mergeRedirects, nginxRedirects, parseRedirects, redirectRules, redirectsFile, type Redirect } from './redirects';
import { formatReport, type ImportSummary } from './report';
import { readFeedPosts } from './feed';
import { readGhost } from './ghost';
import type { ReportLine, SourceAuthor, SourcePost, SourceSite } from './types';
import { readWordPressPosts, readWordPressSite } from './wordpress';

/**
 * `npm run import`: reads an export, converts each post as it comes, writes
 * the content folder through the manifest (never over a writer's edit), the
 * redirects and the report. The only module of the import that touches the
 * disk besides the readers and the writer.
 */

export interface ImportOptions extends Omit<ConvertSettings, 'sectionMap' | 'source'> {
  source: 'wordpress' | 'ghost' | 'feed';
  exportFile: string;
  /** The content folder to write (`content/`). */
  outDir: string;
  /** WordPress's uploads folder or Ghost's `content/images`. */
  picturesDir?: string;
  /** A YAML file: old category or tag slug → section id, or `{ id, name }`. */
  mapFile?: string;
  /** Where `_redirects` goes (the nginx form goes in the report folder: `public/` is served as it is). */
  redirectsFile: string;
  /** Where the report, refused bodies and kept files' incoming versions go. */
  reportDir: string;
  /** Called every so often with the number of posts read. */
  progress?: (posts: number) => void;
}

export interface ImportResult {
  summary: ImportSummary;
  report: ReportLine[];
  /** The report as printed and saved. */
  text: string;
  /** Written articles: file, slug, whether cut. */
  articles: { file: string; slug: string; draft: boolean; cut: boolean; postId: string }[];
}

/** Reads `--map`: `old-slug: new-id` or `old-slug: { id, name }`. */
export function readSectionMap(file: string): Map<string, { id: string; name?: string }> {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: not readable YAML (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: must map old category slugs to section ids (old-slug: new-id)`);
  const map = new Map<string, { id: string; name?: string }>();
  for (const [from, to] of Object.entries(data as Record<string, unknown>)) {
    const entry = typeof to === 'string' ? { id: to } : to && typeof to === 'object' ? (to as { id?: unknown; name?: unknown }) : undefined;
    if (!entry || typeof entry.id !== 'string' || !slugify(entry.id)) throw new Error(`${file}: ${from}: must be a section id, or { id, name }`);
    map.set(from, { id: slugify(entry.id), ...(typeof entry.name === 'string' ? { name: entry.name } : {}) });
  }
  return map;
}

/** Runs an import. */
export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const sectionMap = options.mapFile ? readSectionMap(options.mapFile) : new Map<string, { id: string; name?: string }>();
  let site: SourceSite;
  let posts: AsyncIterable<SourcePost> | Iterable<SourcePost>;
  if (options.source === 'wordpress') {
    site = await readWordPressSite(options.exportFile);
    posts = readWordPressPosts(options.exportFile, site);
  } else if (options.source === 'feed') {
    site = { authors: new Map(), attachments: new Map() };
    posts = readFeedPosts(options.exportFile, site);
  } else {
    const ghost = await readGhost(options.exportFile);
    site = ghost.site;
    posts = ghost.posts;
  }

  const writer = new ContentWriter(options.outDir);
  const report: ReportLine[] = [];
  const pictureFolder = options.picturesDir && options.source !== 'feed' ? new PictureFolder(options.picturesDir, options.source, site.baseUrl) : undefined;
  if (!pictureFolder) report.push({ kind: 'picture', where: 'pictures', message: `no ${options.source === 'wordpress' ? '--uploads' : options.source === 'ghost' ? '--images' : 'pictures'} folder${options.source === 'feed' ? ' for a feed' : ' given'}: pictures are left as links to the old site, lead pictures left out` });

  // Ids taken: by this run, and by articles already in the folder that the import did not write.
  const authors = new Map<string, { id: string; person: SourceAuthor | undefined }>();
  const authorIds = new Set<string>();
  const sections = new Map<string, { id: string; name: string }>();
  const pictureNames = new Map<string, string>();
  const copies: { from: string; to: string }[] = [];

  const slugs = new Map<string, string>();
  // Articles already in the folder: a writer's keep their slugs; the import's own keep their place.
  const ownFolders = new Map<string, string>();
  const articlesDir = path.join(options.outDir, 'articles');
  if (existsSync(articlesDir)) {
    for (const entry of readdirSync(articlesDir, { recursive: true, encoding: 'utf8' })) {
      const file = `articles/${entry.split(path.sep).join('/')}`;
      if (!file.endsWith('.md') || path.posix.basename(file).startsWith('_') || path.posix.basename(file).startsWith('.')) continue;
      const slug = path.posix.basename(file, '.md');
      if (writer.wrote(file)) ownFolders.set(idKey(slug), path.posix.dirname(file));
      else slugs.set(idKey(slug), `existing:${file}`);
    }
  }

  const place: ConvertPlace = {
    folderOf: (slug) => ownFolders.get(idKey(slug)),
    claimSlug(wanted, postId) {
      let slug = wanted;
      for (let n = 2; slugs.has(idKey(slug)) && slugs.get(idKey(slug)) !== postId; n += 1) slug = `${wanted}-${n}`;
      slugs.set(own(idKey(slug)), own(postId));
      return slug;
    },
    picture(url, folder, slug): PictureChoice {
      if (!pictureFolder) return { link: url, note: `picture left at its old address (${url}): no pictures folder was given` };
      const found = pictureFolder.find(url);
      if (!found) return { link: url, note: `picture from another site left as a link (${url}): only the old site's own uploads are copied` };
      const name = pictureFileName('file' in found ? found.name : found.missing);
      const origin = 'file' in found ? found.file : `missing:${url}`;
      let target = `${folder}/${name}`;
      if (pictureNames.has(target) && pictureNames.get(target) !== origin) target = `${folder}/${slug}-${name}`;
      pictureNames.set(own(target), own(origin));
      if ('file' in found) {
        copies.push({ from: found.file, to: target });
        return { src: `./${path.posix.basename(target)}` };
      }
      return { src: `./${path.posix.basename(target)}`, note: `picture not in the pictures folder (${url}): ./${path.posix.basename(target)} is named but missing, and the build refuses the article until the file is put there` };
    },
    author(key) {
      const known = authors.get(key);
      if (known) return known.id;
      const person = key ? site.authors.get(key) : undefined;
      const wanted = slugify(person?.slug ?? key) || slugify(person?.name ?? '') || 'staff';
      let id = wanted;
      for (let n = 2; authorIds.has(idKey(id)); n += 1) id = `${wanted}-${n}`;
      authorIds.add(idKey(id));
      authors.set(key, { id, person });
      return id;
    },
    section(term) {
      const mapped = term ? (sectionMap.get(term.slug) ?? sectionMap.get(term.name)) : undefined;
      const wanted = mapped?.id ?? (term ? slugify(term.slug) || slugify(term.name) : '');
      const id = wanted && !reservedIdReason(wanted) ? wanted : options.defaultSection;
      if (!sections.has(id)) sections.set(id, { id, name: mapped?.name ?? (term && id !== options.defaultSection ? plainText(term.name) || id : titleCase(id)) });
      return id;
    },
  };

  const settings: ConvertSettings = { ...options, sectionMap };
  const redirects: Redirect[] = [];
  const articles: ImportResult['articles'] = [];
  const counts = { posts: 0, pages: 0, articles: 0, drafts: 0, embargoed: 0, refused: 0, leftOut: 0, cut: 0 };
  const outcomes = new Map<WriteOutcome, number>();
  const count = (outcome: WriteOutcome) => outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const keep = (file: string, outcome: WriteOutcome, data: string | Buffer) => {
    count(outcome);
    if (outcome === 'kept-edited' || outcome === 'kept-existing') {
      const incoming = path.join(options.reportDir, 'incoming', file);
      mkdirSync(path.dirname(incoming), { recursive: true });
      writeFileSync(incoming, data);
      report.push({
        kind: 'kept',
        where: file,
        message: outcome === 'kept-edited' ? `changed since the last import: your version is kept; the export's is in ${path.relative(process.cwd(), incoming)}` : `already there and not written by the import: kept; the export's version is in ${path.relative(process.cwd(), incoming)}`,
      });
    }
  };
  // Refused bodies and incoming versions of an earlier run are stale: the report folder holds this run's only.
  const refusedDir = path.join(options.reportDir, 'refused');
  rmSync(refusedDir, { recursive: true, force: true });
  rmSync(path.join(options.reportDir, 'incoming'), { recursive: true, force: true });

  for await (const post of posts) {
    counts.posts += 1;
    if (counts.posts % 1000 === 0) options.progress?.(counts.posts);
    const conversion = convertPost(post, site, settings, place);
    for (const line of conversion.report) report.push({ ...line, where: own(line.where), message: own(line.message) });
    if (post.type === 'page') counts.pages += 1;
    if (conversion.refused) {
      counts.refused += 1;
      mkdirSync(refusedDir, { recursive: true });
      writeFileSync(path.join(refusedDir, `${conversion.refused.slug}.md`), conversion.refused.markdown);
    }
    const article = conversion.article;
    if (!article) {
      if (!conversion.refused && post.type !== 'page') counts.leftOut += 1;
      // Pictures this post asked for are not copied.
      copies.length = 0;
      continue;
    }
    for (const copy of copies.splice(0)) keep(copy.to, writer.copy(copy.from, copy.to), readFileSync(copy.from));
    keep(article.file, writer.write(article.file, article.text), article.text);
    counts.articles += 1;
    if (article.draft) counts.drafts += 1;
    if (article.embargo) counts.embargoed += 1;
    if (article.cut) counts.cut += 1;
    articles.push({ file: own(article.file), slug: own(article.slug), draft: article.draft, cut: article.cut, postId: own(post.id) });
    for (const { from, to } of conversion.redirects) redirects.push({ from: own(from), to: own(to) });
  }
  options.progress?.(counts.posts);

  // Authors: their files, with portraits beside them when the folder has them.
  for (const { id, person } of authors.values()) {
    const frontmatter: Record<string, unknown> = { name: person?.name ?? (id === 'staff' ? 'Staff' : titleCase(id)) };
    if (!person) report.push({ kind: 'guessed', where: `authors/${id}.md`, message: `an author the export does not describe: named "${frontmatter.name}"` });
    if (person?.avatar) {
      const found = pictureFolder?.find(person.avatar);
      if (found && 'file' in found) {
        const target = `authors/${id}${path.extname(found.name).toLowerCase() || '.jpg'}`;
        keep(target, writer.copy(found.file, target), readFileSync(found.file));
        frontmatter.portrait = { src: `./${path.posix.basename(target)}` };
      } else {
        report.push({ kind: 'picture', where: `authors/${id}.md`, message: `portrait not carried (${person.avatar}): not in the pictures folder` });
      }
    }
    const bio = person?.bio ? plainText(person.bio) : '';
    const text = `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${bio ? `${bio}\n` : ''}`;
    keep(`authors/${id}.md`, writer.write(`authors/${id}.md`, text), text);
  }

  // Sections: added to sections.yaml, never removed or renamed there.
  const sectionsFile = path.join(options.outDir, 'sections.yaml');
  const existing = existsSync(sectionsFile) ? sectionsFileSchema.safeParse(parse(readFileSync(sectionsFile, 'utf8'))) : undefined;
  if (existing && !existing.success) throw new Error(`${sectionsFile}: not a list of sections; fix it before importing`);
  const listed = existing?.data ?? [];
  const known = new Set(listed.map((entry) => idKey(entry.id)));
  const added = [...sections.values()].filter((entry) => !known.has(idKey(entry.id))).sort((a, b) => a.id.localeCompare(b.id));
  for (const entry of added) report.push({ kind: 'section', where: 'sections.yaml', message: `section "${entry.id}" (${entry.name}) added` });
  if (added.length > 0 || !existsSync(sectionsFile)) {
    const text = existsSync(sectionsFile)
      ? `${readFileSync(sectionsFile, 'utf8').replace(/\n*$/, '\n')}${stringify(added.map(({ id, name }) => ({ id, name })), { lineWidth: 0 })}`
      : stringify(added.map(({ id, name }) => ({ id, name })), { lineWidth: 0 });
    mkdirSync(options.outDir, { recursive: true });
    writeFileSync(sectionsFile, text);
  }

  // Redirects: this run's added to the file's, never dropped.
  const rules = redirectRules(redirects);
  const redirectsPath = path.resolve(options.redirectsFile);
  const earlier = existsSync(redirectsPath) ? parseRedirects(readFileSync(redirectsPath, 'utf8')) : [];
  const merged = mergeRedirects(earlier, rules);
  mkdirSync(path.dirname(redirectsPath), { recursive: true });
  const redirectsText = redirectsFile(merged);
  if (!existsSync(redirectsPath) || readFileSync(redirectsPath, 'utf8') !== redirectsText) writeFileSync(redirectsPath, redirectsText);
  const nginxPath = path.join(options.reportDir, 'redirects.nginx.conf');
  mkdirSync(options.reportDir, { recursive: true });
  const nginxText = nginxRedirects(merged);
  if (!existsSync(nginxPath) || readFileSync(nginxPath, 'utf8') !== nginxText) writeFileSync(nginxPath, nginxText);

  writer.save();

  const summary: ImportSummary = {
    source: options.source,
    exportFile: options.exportFile,
    ...counts,
    authors: authors.size,
    sectionsAdded: added.length,
    redirects: merged.length,
    created: outcomes.get('created') ?? 0,
    updated: outcomes.get('updated') ?? 0,
    unchanged: outcomes.get('unchanged') ?? 0,
    kept: (outcomes.get('kept-edited') ?? 0) + (outcomes.get('kept-existing') ?? 0),
    seconds: (performance.now() - started) / 1000,
  };
  const text = formatReport(summary, tidyReport(report));
  mkdirSync(options.reportDir, { recursive: true });
  writeFileSync(path.join(options.reportDir, 'report.txt'), text);
  return { summary, report, text, articles };
}

/**
 * The report as a newsroom reads it: the same line once, and without a
 * pictures folder one line per article for its pictures left as links
 * rather than one per picture.
 */
export function tidyReport(lines: readonly ReportLine[]): ReportLine[] {
  const seen = new Set<string>();
  const linked = new Map<string, number[]>();
  const out: ReportLine[] = [];
  for (const line of lines) {
    const key = `${line.kind}\u0000${line.where}\u0000${line.line ?? ''}\u0000${line.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (line.kind === 'picture' && line.message.endsWith('no pictures folder was given') && !line.message.startsWith('lead')) {
      const list = linked.get(line.where) ?? [];
      if (line.line) list.push(line.line);
      if (!linked.has(line.where)) {
        linked.set(line.where, list);
        out.push({ kind: 'picture', where: line.where, message: '' });
      }
      continue;
    }
    out.push(line);
  }
  for (const line of out) {
    if (line.kind !== 'picture' || line.message !== '') continue;
    const lines = [...new Set(linked.get(line.where) ?? [])].sort((a, b) => a - b);
    line.message = `${lines.length === 1 ? 'a picture' : `${lines.length} pictures`} left as ${lines.length === 1 ? 'a link' : 'links'} to the old site (no pictures folder was given)${lines.length > 0 ? `: line ${lines.join(', ')}` : ''}`;
  }
  return out;
}

/**
 * A copy of a string that holds nothing else. V8 keeps a slice or a join of
 * strings as a view of its parts, so a slug or a report line kept for the
 * whole run would keep the post's body, or a chunk of the export, alive with
 * it: 3 KB a post, 175 MB over 50,000 posts, before this.
 */
function own(value: string): string {
  return Buffer.from(value, 'utf8').toString('utf8');
}

function titleCase(id: string): string {
  return id.replace(/[-_]+/g, ' ').replace(/^\p{L}/u, (letter) => letter.toUpperCase());
}
