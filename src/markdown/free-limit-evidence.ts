import type { Nodes, Parents, Root } from 'mdast';
import { FREE_LIMIT_MARKER, FreeLimitError, isLegalMarkerParent, MARKER_EXACT } from './free-limit-marker';
import { editDistance, foldForMarkers, INVISIBLE, lineAt, showRaw, type FoldedText } from './marker-text';

/** Something in the raw text that a writer may have meant as a cut. */
export interface MarkerEvidence {
  /** Offset in the raw Markdown where it starts. */
  offset: number;
  /** 1-based line in the Markdown. */
  line: number;
  /** `free-limit` for our own marker in any shape; `other` for another system's marker. */
  kind: 'free-limit' | 'other';
  /** The raw line it sits on, as the writer's file holds it. */
  found: string;
}

const WORD = /[\p{L}\p{N}]+/gu;
/** What may stand between "free" and "limit" in a marker: spaces, joiners, dots. */
const JOINER = /^[\s\-_.:/|+*~=·•]{0,6}$/u;
/** Marker punctuation right before the words (`<!--`, `<!`, `{`, `[`, `%`…), spaces allowed. */
const OPENS_MARKER = /(?:<!-*|<|!-+|-{2,}|\{|\[|%|#)\s*$/;
/** … and right after them (`-->`, `->`, `>`, `}`, `]`, `%`). */
const CLOSES_MARKER = /^\s*(?:-+>|-{2,}|>|\}|\]|%)/;
/** What may surround a marker on its own line: markdown prefixes and marker punctuation. */
const MARKER_LINE_REST = /^[\s<>!\-[\]{}%#*/:=()|_~`'"+.0-9]*$/;

/**
 * Other systems' cut or excerpt markers, left in imported copy. Masthead does
 * not cut at them, so a writer who relies on one publishes everything.
 */
const OTHER_MARKERS: readonly RegExp[] = [
  /<!-*\s*(?:more|paywall|pay-wall|members?[-_ ]?only|paid|paid[-_ ]content|premium|subscribers?[-_ ]?only|subscriber[-_ ]content|truncate|break|page[-_ ]?break|nextpage|read[-_ ]?more|excerpt|teaser|end[-_ ]?(?:of[-_ ]?)?(?:free|preview|excerpt|teaser)|cut)\s*(?:-*\s*>|-{2,}|\n|$)/g,
  /\{\{\s*[<%]?\s*\/?\s*(?:paywall|members[-_]?only|premium|subscribers?[-_]?only)\b/g,
  /\{%\s*(?:paywall|members[-_]?only|premium|subscribers?[-_]?only)\b/g,
  /(?:^|\n)[ \t]*\[(?:paywall|members[-_ ]?only|premium)\][ \t]*(?=\n|$)/g,
];

function lineBounds(text: string, index: number): [number, number] {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const end = text.indexOf('\n', index);
  return [start, end === -1 ? text.length : end];
}

const isFree = (word: string) => word === 'free' || (word.length >= 3 && editDistance(word, 'free', 1) <= 1);
const isLimit = (word: string) => word === 'limit' || (word.length >= 4 && editDistance(word, 'limit', 1) <= 1);
const isJoined = (word: string) => word.length >= 7 && editDistance(word, 'freelimit', 2) <= 2;

/**
 * Reads the raw body for anything a writer may have meant as a free-limit
 * marker, independently of how Markdown parses it:
 * - "free" and "limit" (or a small misspelling of either) joined by nothing,
 *   a hyphen, an underscore or a dot (`free-limit`, `free_limt`, `freelimit`);
 * - the two words with spaces between them, where they stand in marker
 *   punctuation (`<!— free limit —>`) or alone on a line;
 * - other systems' markers (`<!-- more -->`, `<!--members-only-->`, `{{< paywall >}}`).
 * The words in ordinary prose ("readers hit the free limit") are not evidence.
 */
export function findMarkerEvidence(raw: string, folded: FoldedText = foldForMarkers(raw)): MarkerEvidence[] {
  const { text, rawOffset } = folded;
  const found: MarkerEvidence[] = [];
  const record = (index: number, kind: MarkerEvidence['kind']) => {
    const offset = rawOffset[index] ?? raw.length;
    if (found.some((evidence) => evidence.offset === offset)) return;
    const [start, end] = lineBounds(raw, offset);
    found.push({ offset, line: lineAt(raw, offset), kind, found: raw.slice(start, end) });
  };

  const words = [...text.matchAll(WORD)].map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));
  for (const [index, current] of words.entries()) {
    if (isJoined(current.word)) {
      record(current.start, 'free-limit');
      continue;
    }
    const next = words[index + 1];
    if (!next || !isFree(current.word) || !isLimit(next.word)) continue;
    const gap = text.slice(current.end, next.start);
    if (!JOINER.test(gap)) continue;
    const exactWords = current.word === 'free' && /^limits?$/.test(next.word);
    const joined = !/\s/.test(gap);
    const before = text.slice(Math.max(0, current.start - 12), current.start);
    const after = text.slice(next.end, next.end + 12);
    const [lineStart, lineEnd] = lineBounds(text, current.start);
    const aloneOnLine = MARKER_LINE_REST.test(text.slice(lineStart, current.start) + text.slice(next.end, lineEnd));
    if ((joined && exactWords) || aloneOnLine || OPENS_MARKER.test(before) || CLOSES_MARKER.test(after)) {
      record(current.start, 'free-limit');
    }
  }
  for (const pattern of OTHER_MARKERS) {
    for (const match of text.matchAll(pattern)) {
      const lead = match[0].length - match[0].trimStart().length;
      record(match.index + lead, 'other');
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Why the raw line is not the marker, in words a writer can act on. */
function diagnose(found: string): string {
  const reasons: string[] = [];
  const invisible = [...found].filter((char) => INVISIBLE.test(char));
  if (invisible.length > 0) {
    const codes = [...new Set(invisible.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))];
    reasons.push(`an invisible character (${codes.join(', ')}) inside it`);
  }
  if (/[\p{Pd}\u2212]/u.test(found.replace(/-/g, ''))) reasons.push('a typographic dash where "--" or "-" belongs');
  if (/&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(found)) reasons.push('HTML-escaped characters (&lt; &gt; …)');
  if (/[\uFF01-\uFF5E]/u.test(found)) reasons.push('full-width characters');
  return reasons.length > 0 ? ` (${reasons.join('; ')})` : '';
}

function describeContext(trail: Nodes[]): string | undefined {
  const inside = (type: string) => trail.some((node) => node.type === type);
  if (inside('code')) return 'inside a code block, where it does nothing';
  if (inside('inlineCode')) return 'inside `code`, where it does nothing';
  if (inside('image') || inside('imageReference')) return "inside an image's alt text";
  if (inside('link') || inside('linkReference')) return 'inside the text of a link';
  if (inside('heading')) return 'inside a heading';
  if (inside('tableCell')) return 'inside a table cell';
  if (inside('footnoteDefinition')) return 'inside a footnote';
  if (inside('emphasis') || inside('strong') || inside('delete')) return 'inside emphasis';
  if (inside('definition')) return 'inside a link definition';
  const last = trail.at(-1);
  if (last?.type === 'html') return trail.some((node) => node.type === 'paragraph') ? 'inside a line of text' : 'inside a block of HTML';
  if (inside('paragraph')) return 'inside a line of text';
  return undefined;
}

/** The nodes from the root down to the deepest one that holds `offset`. */
function trailTo(tree: Root, offset: number): Nodes[] {
  const trail: Nodes[] = [];
  let node: Nodes | undefined = tree;
  while (node) {
    trail.push(node);
    const children: Nodes[] = 'children' in node ? (node as Parents).children : [];
    node = children.find(
      (child) => child.position?.start.offset !== undefined && child.position.start.offset <= offset && offset < (child.position.end.offset ?? 0),
    );
  }
  return trail;
}

const HOW = `write ${FREE_LIMIT_MARKER} exactly, on a line of its own between paragraphs`;

/** True when the trail ends at a marker the split will cut at. */
function isRecognisedMarker(trail: Nodes[]): boolean {
  const node = trail.at(-1);
  const parent = trail.at(-2);
  return node?.type === 'html' && MARKER_EXACT.test(node.value.trim()) && parent !== undefined && isLegalMarkerParent(parent);
}

/**
 * Refuses a body whose raw text holds a marker-like thing that the parsed tree
 * does not hold as a recognised marker at a legal position: a damaged marker
 * (dashes, invisible characters, entities, misspellings, a missing `-->`), a
 * marker swallowed by a code block or stuck inside a link, heading, table or
 * image, or another system's marker. The error names the line, what was found
 * and how to write it.
 */
export function assertMarkerEvidence(raw: string, tree: Root): void {
  for (const evidence of findMarkerEvidence(raw)) {
    const trail = trailTo(tree, evidence.offset);
    const shown = showRaw(evidence.found);
    if (evidence.kind === 'other') {
      throw new FreeLimitError(
        'other-marker',
        [evidence.line],
        `"${shown}" is another system's marker, and Masthead does not cut there; ${HOW}, or remove it`,
      );
    }
    if (isRecognisedMarker(trail)) continue;
    const where = describeContext(trail);
    throw new FreeLimitError(
      'damaged',
      [evidence.line],
      `"${shown}" looks like a free-limit marker but is not one${where ? `: it is ${where}` : ''}${diagnose(evidence.found)}; ${HOW}`,
    );
  }
}
