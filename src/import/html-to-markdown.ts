import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot, RootContent } from 'hast';
import type { Html } from 'mdast';
import rehypeParse from 'rehype-parse';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { autop, expandShortcodes, type GalleryPicture } from './wordpress-markup';

/**
 * HTML to the Markdown a writer would have written, with the unified
 * ecosystem: `rehype-parse` → (the import's own clean-up of the HTML tree) →
 * `rehype-remark` → `remark-gfm` → `remark-stringify`. The cut of each source
 * (Ghost's members-only marker, WordPress's read-more tag, paywall
 * shortcodes) becomes `<!-- free-limit -->` or is dropped; what has no
 * Markdown form becomes a link or is left out, and is listed with its line.
 */

/** Where a picture of the body goes, decided by the caller (which copies files). */
export type PictureChoice =
  /** A file beside the article: `./harbour.jpg`. A missing file is written too, and the build refuses it. */
  | { src: string; note?: string }
  /** No pictures folder, or a picture from another site: a link to where it was. */
  | { link: string; note: string };

export interface ToMarkdownOptions {
  /** WordPress bodies: paragraphs from blank lines, shortcodes expanded. */
  wordpress?: boolean;
  /** WordPress's `<!--more-->` marks the paywall (`--more-is-paywall`); otherwise it is dropped. */
  moreIsPaywall?: boolean;
  /** Decides each picture's `src` (or link); called once per picture in body order. */
  picture: (url: string, alt: string) => PictureChoice;
  /** WordPress attachments, for `[gallery ids="…"]`. */
  gallery?: (ids: string[]) => GalleryPicture[];
}

export interface BodyNote {
  /** A line of the written Markdown, once known (1-based, in the body). */
  line?: number;
  /** Text to find in the Markdown to place the note on a line. */
  find?: string;
  kind: 'not-carried' | 'paywall' | 'picture';
  message: string;
}

export interface MarkdownBody {
  markdown: string;
  /** True when the body has `<!-- free-limit -->`. */
  cut: boolean;
  /** Which source cut was turned into the marker (`more`, `members-only`, `restrict`). */
  cutFrom?: string;
  notes: BodyNote[];
}

/** The marker Masthead reads; the only raw HTML the import writes. */
export const FREE_LIMIT = '<!-- free-limit -->';

const CUT_CLASS = 'masthead-cut';
const MORE_CLASS = 'masthead-more';

/** Block editor blocks whose HTML converts fully; any other `wp:` block is reported. */
const MAPPED_BLOCKS = new Set([
  'paragraph', 'heading', 'list', 'list-item', 'quote', 'image', 'table', 'separator', 'code', 'preformatted', 'pullquote',
  'verse', 'more', 'nextpage', 'group', 'columns', 'column', 'spacer', 'freeform', 'gallery', 'html', 'footnotes', 'details',
]);

/** What one conversion's clean-up step needs, carried on the file (`file.data`), so the processor is made once. */
interface ConversionState {
  options: ToMarkdownOptions;
  notes: BodyNote[];
  moreCut: boolean;
}

declare module 'vfile' {
  interface DataMap {
    importConversion: ConversionState;
  }
}

let processor: ReturnType<typeof makeProcessor> | undefined;
const markdownProcessor = () => (processor ??= makeProcessor());

/** `rehype-parse` → the import's clean-up → `rehype-remark` (the cut marker as raw HTML) → `remark-gfm` → `remark-stringify`. */
function makeProcessor() {
  return unified()
    .use(rehypeParse, { fragment: true })
    .use(() => (tree: HastRoot, file: VFile) => {
      const state = file.data.importConversion;
      if (state && cleanTree(tree, state.options, state.notes)) state.moreCut = true;
    })
    .use(rehypeRemark, {
      handlers: {
        hr(state, node): Html | { type: 'thematicBreak' } {
          if (classes(node).includes(CUT_CLASS)) {
            const marker: Html = { type: 'html', value: FREE_LIMIT };
            state.patch(node, marker);
            return marker;
          }
          return { type: 'thematicBreak' };
        },
      },
    })
    .use(remarkGfm)
    .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })
    .freeze();
}

/** Converts one body. Pure apart from what `picture` does. */
export function htmlToMarkdown(html: string, options: ToMarkdownOptions): MarkdownBody {
  const notes: BodyNote[] = [];
  let source = html.replace(/\r\n?/g, '\n');

  // Other systems' cuts, found in the source before anything else reads it.
  let cutFrom: string | undefined;
  const cutHere = (from: string) => {
    cutFrom ??= from;
    return `\n\n<hr class="${CUT_CLASS}">\n\n`;
  };
  source = source.replace(/<!--\s*members-only\s*-->/gi, () => cutHere('members-only'));
  source = source.replace(/<!--\s*wp:more\b[^>]*?-->(?:[\s\S]*?<!--\s*\/wp:more\s*-->)?/gi, () => `\n\n<hr class="${MORE_CLASS}">\n\n`);
  source = source.replace(/<!--more\b[\s\S]*?-->/gi, () => `\n\n<hr class="${MORE_CLASS}">\n\n`);
  let pages = 0;
  source = source.replace(/<!--\s*wp:nextpage\b[^>]*?-->(?:[\s\S]*?<!--\s*\/wp:nextpage\s*-->)?|<!--nextpage-->/gi, () => {
    pages += 1;
    return '\n\n';
  });
  if (pages > 0) notes.push({ kind: 'not-carried', message: `${pages + 1} pages (<!--nextpage-->) joined into one` });

  if (options.wordpress) {
    const blocks = new Map<string, number>();
    for (const match of source.matchAll(/<!--\s*wp:([a-z0-9-]+(?:\/[a-z0-9-]+)?)/g)) {
      const name = match[1]!.replace(/^core\//, '');
      if (!MAPPED_BLOCKS.has(name)) blocks.set(name, (blocks.get(name) ?? 0) + 1);
    }
    if (blocks.size > 0) {
      const names = [...blocks].map(([name, count]) => `wp:${name}${count > 1 ? ` (${count}×)` : ''}`).join(', ');
      notes.push({ kind: 'not-carried', message: `block editor blocks with no Markdown form, their text and links kept but not their layout: ${names}` });
    }
    const expanded = expandShortcodes(source, { gallery: options.gallery ?? (() => []), cutClass: CUT_CLASS });
    source = expanded.html;
    if (expanded.cutFrom) cutFrom ??= expanded.cutFrom;
    notes.push(...expanded.notes.map((note) => ({ kind: 'not-carried' as const, ...note })));
    source = autop(source);
  }

  const state: ConversionState = { options, notes, moreCut: false };
  const markdown = String(markdownProcessor().processSync(new VFile({ value: source, data: { importConversion: state } })))
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (state.moreCut) cutFrom ??= '<!--more-->';
  const cut = markdown.split('\n').some((line) => line === FREE_LIMIT);
  const lines = markdown.split('\n');
  for (const note of notes) {
    if (note.find === undefined) continue;
    const index = lines.findIndex((line) => line.includes(note.find!));
    if (index >= 0) note.line = index + 1;
  }
  return { markdown: markdown ? `${markdown}\n` : '', cut, ...(cut && cutFrom ? { cutFrom } : {}), notes };
}

function classes(node: Element): string[] {
  const value = node.properties?.className;
  return Array.isArray(value) ? value.map(String) : typeof value === "string" ? (value as string).split(/\s+/) : [];
}

/** The text a reader sees in a hast node. */
export function hastText(node: HastNodes): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && ['script', 'style', 'template'].includes(node.tagName)) return '';
  if ('children' in node) return (node.children as HastNodes[]).map(hastText).join(node.type === 'element' && node.tagName === 'br' ? '\n' : '');
  return '';
}

const el = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

const EMPHASIS = new Set(['em', 'i', 'strong', 'b', 'del', 's']);

/** Takes the spaces off the edges of an inline element's text; says which edges had them. */
function edgeSpaces(node: Element): [boolean, boolean] {
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  let lead = false;
  let trail = false;
  if (first?.type === 'text' && /^\s/.test(first.value)) {
    first.value = first.value.replace(/^\s+/, '');
    lead = true;
  }
  if (last?.type === 'text' && /\s$/.test(last.value)) {
    last.value = last.value.replace(/\s+$/, '');
    trail = true;
  }
  return [lead, trail];
}

const EMBEDS = new Set(['iframe', 'video', 'audio', 'embed', 'object']);
const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'form', 'input', 'button', 'select', 'textarea', 'canvas', 'svg', 'link', 'meta']);

/** Hosts named in an embed's link text. */
function host(url: string): string {
  try {
    return new URL(url, 'https://example.invalid/').hostname.replace(/^www\./, '') || url;
  } catch {
    return url;
  }
}

/**
 * The import's clean-up, in one walk: markers kept or dropped, comments
 * dropped, figures turned into a picture with its caption as the title,
 * pictures sent to `picture`, embeds turned into links, scripts and forms
 * dropped. Each change a reader would notice is a note.
 */
function cleanTree(tree: HastRoot, options: ToMarkdownOptions, notes: BodyNote[]): boolean {
  let cuts = 0;
  let moreCut = false;
  const visit = (children: (RootContent | ElementContent)[]): (RootContent | ElementContent)[] => {
    const out: (RootContent | ElementContent)[] = [];
    for (const node of children) {
      if (node.type === 'comment' || node.type === 'doctype') continue;
      if (node.type !== 'element') {
        out.push(node);
        continue;
      }
      const names = classes(node);
      if (node.tagName === 'hr' && names.includes(MORE_CLASS)) {
        if (options.moreIsPaywall && cuts === 0) {
          cuts += 1;
          moreCut = true;
          out.push(el('hr', { className: [CUT_CLASS] }, []));
        } else {
          notes.push({ kind: 'paywall', message: options.moreIsPaywall ? 'a second read-more tag (<!--more-->) was dropped: the first one cuts' : "read-more tag (<!--more-->) dropped: without --more-is-paywall the paper's free paragraphs decide the cut" });
        }
        continue;
      }
      if (node.tagName === 'hr' && names.includes(CUT_CLASS)) {
        cuts += 1;
        if (cuts === 1) out.push(node);
        else notes.push({ kind: 'paywall', message: 'a second members-only marker was dropped: the first one cuts' });
        continue;
      }
      if (DROPPED.has(node.tagName)) {
        const what = node.tagName === 'script' ? `script${typeof node.properties?.src === 'string' ? ` from ${host(node.properties.src)}` : ''}` : `<${node.tagName}>`;
        notes.push({ kind: 'not-carried', message: `${what} left out: it has no Markdown form and the site runs no imported code` });
        continue;
      }
      if (EMBEDS.has(node.tagName)) {
        const source = embedSource(node);
        const kind = node.tagName === 'iframe' ? 'embedded content' : node.tagName === 'object' || node.tagName === 'embed' ? 'embedded object' : node.tagName;
        if (source) {
          const label = `${kind[0]!.toUpperCase()}${kind.slice(1)}: ${host(source)}`;
          notes.push({ kind: 'not-carried', find: source, message: `${kind} from ${host(source)} turned into a link` });
          out.push(el('p', {}, [el('a', { href: source }, [text(label)])]));
        } else {
          notes.push({ kind: 'not-carried', message: `${kind} with no address left out` });
        }
        continue;
      }
      if (node.tagName === 'figure') {
        const replaced = figure(node, options, notes);
        if (replaced) {
          out.push(replaced);
          continue;
        }
      }
      if (node.tagName === 'img') {
        out.push(picture(node, undefined, options, notes));
        continue;
      }
      node.children = visit(node.children) as ElementContent[];
      if (EMPHASIS.has(node.tagName)) {
        // `<em>Right, </em>and`: the space belongs outside the emphasis, or Markdown needs character references for it.
        const [lead, trail] = edgeSpaces(node);
        if (lead) out.push(text(' '));
        out.push(node);
        if (trail) out.push(text(' '));
        continue;
      }
      out.push(node);
    }
    return out;
  };
  tree.children = visit(tree.children) as RootContent[];
  return moreCut;
}

function embedSource(node: Element): string | undefined {
  const direct = node.properties?.src ?? node.properties?.data;
  if (typeof direct === 'string' && direct) return direct;
  for (const child of node.children) {
    if (child.type === 'element' && child.tagName === 'source' && typeof child.properties?.src === 'string') return child.properties.src;
  }
  return undefined;
}

/** A picture: `img` with its caption as the title (a figure in Masthead), or a link when it stays on the old site. */
function picture(node: Element, caption: string | undefined, options: ToMarkdownOptions, notes: BodyNote[]): ElementContent {
  const src = typeof node.properties?.src === 'string' ? node.properties.src : '';
  const alt = typeof node.properties?.alt === 'string' ? node.properties.alt.trim() : '';
  if (!src) {
    notes.push({ kind: 'picture', message: 'a picture with no address left out' });
    return text(alt);
  }
  const choice = options.picture(src, alt);
  if ('link' in choice) {
    notes.push({ kind: 'picture', find: choice.link, message: choice.note });
    const words = [alt, caption].filter(Boolean).join(' — ');
    return el('a', { href: choice.link }, [text(`Picture${words ? `: ${words}` : ''}`)]);
  }
  if (choice.note) notes.push({ kind: 'picture', find: choice.src, message: choice.note });
  return el('img', { src: choice.src, alt, ...(caption ? { title: caption } : {}) }, []);
}

/** A figure with one picture (linked or not) and a caption, as a paragraph holding the picture; else `undefined`. */
function figure(node: Element, options: ToMarkdownOptions, notes: BodyNote[]): Element | undefined {
  let image: Element | undefined;
  let link: Element | undefined;
  let caption = '';
  let others = 0;
  const look = (children: ElementContent[], parentLink?: Element) => {
    for (const child of children) {
      if (child.type !== 'element') {
        if (child.type === 'text' && child.value.trim()) others += 1;
        continue;
      }
      if (child.tagName === 'figcaption') caption = hastText(child).replace(/\s+/g, ' ').trim();
      else if (child.tagName === 'img') {
        if (image) others += 1;
        image = child;
        link = parentLink;
      } else if (child.tagName === 'a') look(child.children, child);
      else if (child.tagName === 'div' || child.tagName === 'picture' || child.tagName === 'source') look(child.children, parentLink);
      else others += 1;
    }
  };
  look(node.children);
  if (!image || others > 0) return undefined;
  const pictureNode = picture(image, caption || undefined, options, notes);
  const href = link && typeof link.properties?.href === 'string' ? link.properties.href : undefined;
  const content = href && pictureNode.type === 'element' && pictureNode.tagName === 'img' ? el('a', { href }, [pictureNode]) : pictureNode;
  return el('p', {}, [content]);
}
