import type { Nodes, Parents, Root } from 'mdast';
import { FreeLimitError } from './free-limit-marker';
import { foldForMarkers } from './marker-text';
import { isCarriedOver } from './split-at-free-limit';

/** Nodes that may span the cut: the cut falls inside them, and only their children before it are kept. */
const SPLIT_CONTAINERS = new Set(['root', 'list', 'listItem', 'blockquote']);

/**
 * Words the pipeline itself writes into a body (footnote section label and
 * back-reference labels), which the source need not contain.
 */
const GENERATED_WORDS = new Set(['footnotes', 'back', 'to', 'reference', 'content']);

const WORD = /[\p{L}\p{N}]+/gu;
/** Attributes whose values a reader or a screen reader meets. */
const READABLE_ATTRIBUTE = /\s(?:alt|title|aria-label|summary|label)="([^"]*)"/g;

/**
 * The typographic marks `remarkTypography` writes into the free part, and the
 * straight forms they come from in the source (`’` is `'`, `“` is `"`, `–` is
 * `-`, `…` is `...`), so that both sides are read alike.
 */
const TYPOGRAPHIC = /[‘’‚′“”„″«»–—…\u202F]/g;
const TYPED_AS: Record<string, string> = {
  '‘': "'", '’': "'", '‚': "'", '′': "'", '“': '"', '”': '"', '„': '"', '″': '"', '«': '"', '»': '"',
  '–': '-', '—': '-', '…': '...', '\u202F': ' ',
};

function words(text: string): string[] {
  return foldForMarkers(text.replace(TYPOGRAPHIC, (mark) => TYPED_AS[mark]!)).text.match(WORD) ?? [];
}

/** The words a reader can meet in an HTML fragment: its text and its readable attributes. */
function readableWords(html: string): string[] {
  const attributes = [...html.matchAll(READABLE_ATTRIBUTE)].map((match) => match[1]!).join(' ');
  const text = html.replace(/<[^>]*>/g, ' ');
  return [...words(text), ...words(attributes)];
}

export interface CutCheck {
  /** The whole Markdown body, as written. */
  source: string;
  /** Where the cut falls in `source` (from `splitAtFreeLimit`). */
  cutOffset: number;
  /** The free tree as it left the split. */
  free: Root;
  /** The free part's HTML as it will be published. */
  freeHtml: string;
}

/**
 * Proves, with code independent of the split, that a free part holds nothing
 * from after the cut:
 * 1. every node of the free tree comes from source text before the cut, by its
 *    position (lists and quotations the cut falls inside may start before it;
 *    link definitions carried over without their titles are the one
 *    documented exception);
 * 2. every word a reader can meet in the free HTML (text, alt, title and ARIA
 *    labels) is a word of the source before the cut, or one the pipeline
 *    writes itself (the footnotes' labels); typographic quotes, apostrophes,
 *    dashes and ellipses are read as the straight marks they were typed as.
 * Throws `FreeLimitError('internal-check')` otherwise: the build must stop.
 */
export function verifyCut({ source, cutOffset, free, freeHtml }: CutCheck): void {
  const fail = (why: string) => {
    throw new FreeLimitError('internal-check', [], why);
  };
  const visit = (node: Nodes) => {
    const { start, end } = node.position ?? {};
    if (node.type !== 'root') {
      if (start?.offset === undefined || end?.offset === undefined) fail(`a ${node.type} of unknown origin is in the free part`);
      else if (SPLIT_CONTAINERS.has(node.type) ? start.offset >= cutOffset : end.offset > cutOffset && !isCarriedOver(node)) {
        fail(`a ${node.type} from line ${start.line}, after the cut, is in the free part`);
      }
    }
    if ('children' in node) for (const child of (node as Parents).children) visit(child);
  };
  visit(free);

  const allowed = new Set(words(source.slice(0, cutOffset)));
  for (const word of readableWords(freeHtml)) {
    if (allowed.has(word) || GENERATED_WORDS.has(word) || /^\d{1,3}$/.test(word)) continue;
    fail(`the free part shows the word "${word}", which the text before the cut does not hold`);
  }
}
