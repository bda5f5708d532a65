import type { Link, Nodes, Parents, Root, Text } from 'mdast';
import { smartenRuns, smartenText, type TextRun } from '../lib/typography';
import { smartenHtml } from './html-typography';

export interface TypographyOptions {
  /** The paper's BCP 47 locale (`settings.locale`), for its quotation marks. Default `en-GB`. */
  locale?: string;
}

/** Blocks whose children are a line of prose: each is read as one text, so quotes pair up across emphasis and links. */
const PROSE_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** Link text that is its own address (`<https://…>`, `www.…`): shown as written, like code. */
function isAddress(link: Link): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (only?.type !== 'text') return false;
  return link.url.endsWith(only.value) || /^(?:[a-z][a-z\d+.-]*:|www\.)\S*$/i.test(only.value);
}

/**
 * A prose block's text in reading order: text nodes to change, and stand-ins
 * for what must not change (inline code and pictures read as a word, line
 * breaks as a space). Raw HTML tags stand for nothing: `"<b>x</b>"` is a
 * quoted word.
 */
function collectRuns(node: Nodes, runs: TextRun[], texts: (Text | undefined)[]): void {
  const opaque = (stand: 'word' | 'space') => {
    runs.push({ opaque: stand });
    texts.push(undefined);
  };
  switch (node.type) {
    case 'text':
      runs.push(node.value);
      texts.push(node);
      return;
    case 'inlineCode':
    case 'image':
    case 'imageReference':
      return opaque('word');
    case 'break':
      return opaque('space');
    case 'link':
      if (isAddress(node)) return opaque('word');
      break;
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'linkReference':
    case 'paragraph':
    case 'heading':
    case 'tableCell':
      break;
    default:
      // Raw HTML, footnote references and anything unknown: left as written, and no part of the sentence.
      return;
  }
  for (const child of (node as Parents).children) collectRuns(child as Nodes, runs, texts);
}

/** Words readers meet outside the prose: pictures' alt text and titles (a picture's title is its caption), links' titles. */
function smartenAttributes(node: Nodes, locale: string): void {
  if ((node.type === 'image' || node.type === 'imageReference') && node.alt) node.alt = smartenText(node.alt, locale);
  if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.title) node.title = smartenText(node.title, locale);
  if ('children' in node) for (const child of (node as Parents).children) smartenAttributes(child as Nodes, locale);
}

/**
 * Typographic quotes, apostrophes, dashes and ellipses in a body's prose
 * (`src/lib/typography.ts`, with retext-smartypants), quotes in the paper's
 * locale, and in pictures' alt text and captions and links' titles, and in
 * the text of raw HTML blocks. Code (inline and blocks, and HTML's `code`,
 * `pre`, `kbd`…), HTML tags and attributes, link and picture addresses and the
 * free-limit marker are left exactly as written.
 *
 * Runs after the cut, on the free part only; the independent cut check
 * (`verify-cut.ts`) reads these marks as the straight ones they came from.
 */
export default function remarkTypography(options: TypographyOptions = {}) {
  const locale = options.locale ?? 'en-GB';
  const visit = (node: Nodes) => {
    if (PROSE_BLOCKS.has(node.type)) {
      const runs: TextRun[] = [];
      const texts: (Text | undefined)[] = [];
      collectRuns(node, runs, texts);
      smartenRuns(runs, locale).forEach((value, index) => {
        const text = texts[index];
        if (text && value !== undefined) text.value = value;
      });
      return;
    }
    // A block of raw HTML: its text, never its tags or code (`html-typography.ts`). Inline HTML inside a
    // paragraph is only tags: the words between them are the paragraph's own, typeset above.
    if (node.type === 'html') {
      node.value = smartenHtml(node.value, locale);
      return;
    }
    if ('children' in node) for (const child of (node as Parents).children) visit(child as Nodes);
  };
  return (tree: Root) => {
    visit(tree);
    smartenAttributes(tree, locale);
  };
}
