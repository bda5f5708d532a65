import type { Nodes as HastNodes } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { parseEntities } from 'parse-entities';
import type { Nodes, Parents, Root } from 'mdast';
import { FreeLimitError } from '../free-limit/errors';

/**
 * The check after rendering. It shares nothing with the plan of the cut
 * (`src/free-limit/`) but the error it throws: it reads the free part's HTML
 * with an HTML parser, as a browser would, and the source as written.
 */

/** Nodes that may span the cut: the cut falls inside them, and only their children before it are kept. */
const SPLIT_CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote']);

/**
 * Words the pipeline itself writes into a body: footnote section label and
 * back-reference labels, and the parts of the addresses it makes (footnote
 * links, `http://` before a bare `www.` address).
 */
const GENERATED_WORDS = new Set(['footnotes', 'back', 'to', 'reference', 'content', 'user', 'fn', 'fnref', 'http', 'https', 'mailto']);

/** Attributes whose values a reader, a screen reader or a link follower meets. */
const READABLE = ['alt', 'title', 'ariaLabel', 'ariaDescription', 'summary', 'label', 'placeholder', 'value', 'href', 'src', 'cite', 'poster'];

/**
 * The typographic marks the pipeline writes into the free part, and the
 * straight forms they come from in the source (`’` is `'`, `“` is `"`, `–` is
 * `-`, `…` is `...`), so that both sides are read alike.
 */
const TYPED_AS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"', '«': '"', '»': '"',
  '–': '-', '—': '-', '…': '...', '\u202F': ' ',
};
const TYPOGRAPHIC = new RegExp(`[${Object.keys(TYPED_AS).join('')}]`, 'g');
const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.replace(TYPOGRAPHIC, (mark) => TYPED_AS[mark]!).normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/** Percent-encoded runs decoded, as link addresses show them once decoded. */
function decodePercentRuns(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

function safeDecodeUri(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}

/** Every word a reader can meet in an HTML fragment, read by an HTML parser: text, and readable or followable attributes. */
function readableWords(html: string): string[] {
  const found: string[] = [];
  const visit = (node: HastNodes) => {
    if (node.type === 'text') found.push(...words(node.value));
    if (node.type === 'element') {
      for (const name of READABLE) {
        const value = node.properties[name];
        if (value === undefined || value === null || value === false) continue;
        const text = Array.isArray(value) ? value.join(' ') : String(value);
        found.push(...words(name === 'href' || name === 'src' || name === 'cite' || name === 'poster' ? safeDecodeUri(text) : text));
      }
    }
    if ('children' in node) for (const child of node.children) visit(child as HastNodes);
  };
  visit(fromHtml(html, { fragment: true }));
  return found;
}

export interface CutCheck {
  /** The whole Markdown body, as written. */
  source: string;
  /** Where the cut falls in `source`. */
  cutOffset: number;
  /** The free tree as it is rendered. */
  free: Root;
  /** The free part's HTML as it will be published. */
  freeHtml: string;
  /** The site's base path, which the pipeline puts before site-relative addresses. Default `/`. */
  basePath?: string;
}

/**
 * Proves, with code independent of the plan of the cut, that a free part holds
 * nothing from after the cut:
 * 1. every node of the free tree comes from source text before the cut, by its
 *    position (lists and quotations the cut falls inside may start before it);
 * 2. every word a reader can meet in the free HTML (text, alt, titles, ARIA
 *    labels, and the addresses of links and pictures) is a word of the source
 *    before the cut, or one the pipeline writes itself; typographic quotes,
 *    apostrophes, dashes and ellipses are read as the straight marks typed.
 * Throws `FreeLimitError('free-limit-internal')` otherwise: the build must stop.
 */
export function verifyCut({ source, cutOffset, free, freeHtml, basePath = '/' }: CutCheck): void {
  const fail = (why: string) => {
    throw new FreeLimitError('free-limit-internal', undefined, { detail: why });
  };
  const visit = (node: Nodes) => {
    const { start, end } = node.position ?? {};
    if (node.type !== 'root') {
      if (start?.offset === undefined || end?.offset === undefined) fail(`a ${node.type} of unknown origin is in the free part`);
      else if (SPLIT_CONTAINERS.has(node.type) ? start.offset >= cutOffset : end.offset > cutOffset) {
        fail(`a ${node.type} from line ${start.line}, after the cut, is in the free part`);
      }
    }
    if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(free);

  // The source as typed, and with its character references and percent-encoding decoded, as pages show them.
  const typed = source.slice(0, cutOffset);
  const before = parseEntities(typed);
  const allowed = new Set([...words(typed), ...words(before), ...words(decodePercentRuns(before)), ...words(basePath)]);
  for (const word of readableWords(freeHtml)) {
    if (allowed.has(word) || GENERATED_WORDS.has(word) || /^\d{1,3}$/.test(word)) continue;
    fail(`the free part shows the word "${word}", which the text before the cut does not hold`);
  }
}
