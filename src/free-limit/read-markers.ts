import type { Nodes, Root } from 'mdast';
import { FreeLimitError } from './errors';
import { readHtml, type ElementSeen } from './html-reading';
import { FREE_LIMIT_MARKER, isLegalMarkerPlace, isMarkerNode } from './marker';
import { matchComment, matchElement, matchText, type ReadMoreMarker } from './read-more';
import { decodeEscapes, likeness, skeleton } from './skeleton';
import { endOf, hasChildren, startOf, type Path } from './tree';

/**
 * Reads a body for its free-limit marker and for everything that looks like
 * one, and explains every one of them or refuses the body.
 *
 * The marker is a node of the parsed tree (`isMarkerNode`) at a legal place.
 * Everything else that reads as a cut is found in three scopes, each reduced
 * to a skeleton (`skeleton.ts`) before it is compared:
 * - every HTML comment and element, as an HTML parser reads them, in raw HTML
 *   nodes and in any line once its escapes are decoded (`&lt;!--more--&gt;`);
 * - every line on its own of three words or fewer (`free-limit`, `[Free limit]`);
 * - every word-like run between spaces (`free‑limit`, `free%2Dlimit`, `frее-lιmit`).
 * A comment or short line whose skeleton is within two edits of `freelimit`,
 * or holds both words, and a run within two edits, is a marker: it must be the
 * one the split cuts at. Other systems' markers (`read-more.ts`) are refused
 * by name. Nothing is refused for being on a list of bad spellings.
 */

/** A marker the split may cut at. */
export interface MarkerFound {
  path: Path;
  node: Nodes;
}

/** What a writer's text holds that reads as a marker or a cut. */
interface Candidate {
  offset: number;
  /** The raw line, for the message. */
  found: string;
  what: 'comment' | 'element' | 'line' | 'run';
  /** The free-limit likeness, when it reads as our marker. */
  likeness?: 'marker' | 'both-words';
  /** The table entry or cut words, when it reads as another system's cut. */
  other?: { marker: ReadMoreMarker } | { cutWords: string[] };
  /** True for the exact marker comment (`<!-- free-limit -->`), which only its place can make wrong. */
  exact?: boolean;
}

const MARKER_TEXT = /^\s*free-limit\s*$/i;

/** Text as a reader's eye takes it: escapes decoded, NFKC, no invisibles, every dash a hyphen. */
export function readerFold(text: string): string {
  return decodeEscapes(text)
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/[\p{Pd}\u2212\u2500-\u2501\u2043\u02D7\u2796\uFE63\uFF0D]/gu, '-');
}

/** A comment's text as the read-more table reads it. */
function foldNote(text: string): string {
  return readerFold(text).toLowerCase().replace(/\s+/g, ' ').replace(/^[\s-]+|[\s-]+$/g, '');
}

/** Attributes whose values are addresses: they name other pages, not cuts. */
const ADDRESS = /^(?:href|src|srcset|cite|action|poster|xmlns)$/;

function commentCandidate(text: string, offset: number, found: string): Candidate | undefined {
  const like = likeness(skeleton(text), true);
  if (like) return { offset, found, what: 'comment', likeness: like, exact: MARKER_TEXT.test(text) };
  const other = matchComment(foldNote(text));
  return other ? { offset, found, what: 'comment', other } : undefined;
}

function elementCandidate(element: ElementSeen, offset: number, found: string): Candidate | undefined {
  const marker = matchElement(element);
  if (marker) return { offset, found, what: 'element', other: { marker } };
  // Each attribute as written (a parser lower-cases names, look-alikes with them), and all of them together, as a
  // reader sees the tag (`<span data-free ! limit>` is three attributes to a parser).
  const written = element.written.filter((attribute) => !ADDRESS.test(attribute.split('=')[0]!.trim()));
  const together = likeness(skeleton(written.join(' ')), true);
  if (together) return { offset, found, what: 'element', likeness: together };
  for (const attribute of written) {
    // Each word of a value too (`class="lead free-limt"`).
    const like = attribute.split(/[\s=]+/).map((token) => likeness(skeleton(token.replace(/^["']|["']$/g, '')), false)).find(Boolean);
    if (like) return { offset, found, what: 'element', likeness: like };
  }
  return undefined;
}

/** Container marks before a line's content: quotes, list bullets and numbers, indentation. */
const CONTAINER_PREFIX = /^(?:[ \t]*>|[ \t]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/;
/** A line of this many words or fewer stands on its own as a label, not a sentence. */
const SHORT_LINE_WORDS = 3;
const WORD = /[\p{L}\p{N}]+/gu;
/** Printable ASCII with nothing to decode: a reader's eye reads it as written. */
const PLAIN_ASCII = /^[\x20-\x25\x27-\x5b\x5d-\x7e\t]*$/;

/** True for a line with words, but no more than a label has. */
function isShort(text: string): boolean {
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.exec(text)) if (++words > SHORT_LINE_WORDS) return false;
  return words > 0;
}

function lineBounds(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return [start, end === -1 ? text.length : end];
}

/** Printable ASCII with nothing to decode: `asciiSkeleton` reads it. */
const ASCII_RUN = /^[\x21-\x24\x26-\x5b\x5d-\x7e]*$/;
const HAS_WORD = /[\p{L}\p{N}]/u;
/** A joiner at the end of a word, but not the punctuation that ends a word in prose. */
const TRAILING_JOINER = /[^\p{L}\p{N},.;:!?)\]'"’”»]$/u;
/** A joiner at the start of a word, but not the punctuation that starts a word in prose. */
const LEADING_JOINER = /^[^\p{L}\p{N}(['"‘“«*_]/u;
/**
 * Characters nobody sees (zero-width joiners, fillers): between two words they
 * join them as a dash would, even the Hangul fillers Unicode counts as letters.
 */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const INVISIBLE_AT_END = /\p{Default_Ignorable_Code_Point}$/u;
const INVISIBLE_AT_START = /^\p{Default_Ignorable_Code_Point}/u;

/**
 * Two words of a line set apart by a joiner and spaces (`free - limit`,
 * `free -limit`, `free ! limit`, `free` and `limit` with an invisible character
 * between spaces), read as one run: spaces alone make prose.
 */
function spacedJoins(line: string): string[] {
  const tokens = line.split(/[ \t]+/);
  const joined: string[] = [];
  for (let index = 0; index + 1 < tokens.length; index++) {
    const [a, b, c] = [tokens[index]!, tokens[index + 1]!, tokens[index + 2]];
    const seen = b.replace(INVISIBLE, '');
    if (c !== undefined && seen.length <= 3 && !HAS_WORD.test(seen)) joined.push(a + c);
    else if (TRAILING_JOINER.test(a) || LEADING_JOINER.test(b) || INVISIBLE_AT_END.test(a) || INVISIBLE_AT_START.test(b)) joined.push(a + b);
  }
  return joined;
}

/** The skeleton of a plain ASCII run without the general machinery (nearly every run of a body). */
function asciiSkeleton(run: string): string {
  let out = '';
  for (let index = 0; index < run.length; index++) {
    let code = run.charCodeAt(index);
    if (code >= 65 && code <= 90) code += 32;
    if (code >= 97 && code <= 122) out += String.fromCharCode(code);
    else if (code === 48) out += 'o';
    else if (code === 49 || code === 124) out += 'l';
  }
  return out;
}

function collectCandidates(markdown: string, tree: Root): Candidate[] {
  const candidates: Candidate[] = [];
  const push = (candidate: Candidate | undefined) => {
    if (candidate) candidates.push(candidate);
  };
  const rawLine = (offset: number) => {
    const [start, end] = lineBounds(markdown, offset);
    return markdown.slice(start, end);
  };

  // 1. Raw HTML the parser found: its comments and elements, read by an HTML parser.
  const visit = (node: Nodes) => {
    if (node.type === 'html') {
      const reading = readHtml(node.value);
      const offset = startOf(node);
      for (const comment of reading.comments) push(commentCandidate(comment, offset, rawLine(offset)));
      for (const element of reading.elements) push(elementCandidate(element, offset, rawLine(offset)));
    }
    if (hasChildren(node)) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);

  const runLike = (run: string) => run.length >= 7 && likeness(ASCII_RUN.test(run) ? asciiSkeleton(run) : skeleton(run), false) !== undefined;

  // 2. Every line, its escapes decoded: comments and elements in it, the line itself when short, other systems' lines.
  let lineStart = 0;
  for (const line of markdown.split('\n')) {
    const prefix = CONTAINER_PREFIX.exec(line)![0].length;
    const content = line.slice(prefix);
    const offset = lineStart + prefix;
    lineStart += line.length + 1;
    if (!content.trim()) continue;
    const folded = PLAIN_ASCII.test(content) ? content : readerFold(content);
    let visible = folded;
    const at = offset + Math.max(0, content.indexOf('<'));
    // As written, and once its escapes and look-alikes are read (`&lt;!--`, `﹤!--`): each may hide a tag the other does not.
    if (content.includes('<') && content !== folded) {
      const reading = readHtml(content);
      for (const comment of reading.comments) push(commentCandidate(comment, at, line));
      for (const element of reading.elements) push(elementCandidate(element, at, line));
    }
    if (folded.includes('<')) {
      const reading = readHtml(folded);
      for (const comment of reading.comments) push(commentCandidate(comment, at, line));
      for (const element of reading.elements) push(elementCandidate(element, at, line));
      visible = reading.runs.join(' ');
    }
    if (folded.includes('[') || folded.includes('{')) {
      const other = matchText(foldNote(folded));
      if (other) push({ offset, found: line, what: 'line', other: { marker: other } });
    }
    if (isShort(visible)) {
      const like = likeness(skeleton(visible), true);
      if (like) push({ offset, found: line, what: 'line', likeness: like });
    }
    if (spacedJoins(content).some((run) => runLike(run))) push({ offset, found: line, what: 'run', likeness: 'marker' });
  }

  // 3. Every run between spaces: our marker's words glued by anything at all.
  for (const match of markdown.matchAll(/\S{7,}/g)) {
    if (runLike(match[0])) push({ offset: match.index, found: rawLine(match.index), what: 'run', likeness: 'marker' });
  }
  return candidates.sort((a, b) => a.offset - b.offset);
}

/** Every node whose text is exactly the marker, with its path and ancestors. */
function exactMarkers(tree: Root): { path: Path; node: Nodes; ancestors: Nodes[] }[] {
  const found: { path: Path; node: Nodes; ancestors: Nodes[] }[] = [];
  const path: number[] = [];
  const ancestors: Nodes[] = [];
  const walk = (node: Nodes) => {
    if (isMarkerNode(node)) found.push({ path: [...path], node, ancestors: [...ancestors] });
    if (!hasChildren(node)) return;
    ancestors.push(node);
    for (let index = 0; index < node.children.length; index++) {
      path.push(index);
      walk(node.children[index] as Nodes);
      path.pop();
    }
    ancestors.pop();
  };
  walk(tree);
  return found;
}

const inlineWhere: Partial<Record<Nodes['type'], string>> = {
  paragraph: 'inside a line of text',
  heading: 'inside a heading',
  tableCell: 'inside a table cell',
  link: 'inside the text of a link',
  linkReference: 'inside the text of a link',
  emphasis: 'inside emphasis',
  strong: 'inside emphasis',
  delete: 'inside emphasis',
  footnoteDefinition: 'inside a footnote',
};

/** The nodes from the root down to the deepest one that holds `offset`. */
function trailTo(tree: Root, offset: number): Nodes[] {
  const trail: Nodes[] = [];
  let node: Nodes | undefined = tree;
  while (node) {
    trail.push(node);
    const children: Nodes[] = hasChildren(node) ? (node.children as Nodes[]) : [];
    node = children.find((child) => startOf(child) <= offset && offset < endOf(child));
  }
  return trail;
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
  if (last?.type === 'html') {
    if (inside('paragraph')) return 'inside a line of text';
    // A comment or tag that is the whole block stands where a marker may: only its spelling is wrong.
    const value = last.value.trim();
    const reading = readHtml(value);
    return !value.includes('\n') && reading.comments.length + reading.elements.length <= 1 && reading.runs.length === 0 ? undefined : 'inside a block of HTML';
  }
  if (inside('paragraph')) return 'inside a line of text';
  return undefined;
}

/** A short, honest rendering of a raw line: invisible characters shown as `<U+200B>`. */
export function showRaw(value: string, max = 60): string {
  let shown = '';
  for (const char of value.trim()) {
    shown += /\p{Default_Ignorable_Code_Point}/u.test(char) ? `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>` : char;
  }
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

/** Why a raw line is not the marker, in words a writer can act on. */
function diagnose(found: string): string[] {
  const reasons: string[] = [];
  const codes = (chars: string[]) => [...new Set(chars.map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`))].join(', ');
  const invisible = [...found].filter((char) => /\p{Default_Ignorable_Code_Point}/u.test(char));
  if (invisible.length > 0) reasons.push(`an invisible character (${codes(invisible)}) inside it`);
  if (/[\p{Pd}\u2212\u2500\u2501]/u.test(found.replace(/-/g, ''))) reasons.push('a typographic dash where "--" or "-" belongs');
  if (/&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i.test(found)) reasons.push('HTML-escaped characters (&lt; &gt; …)');
  if (/%[0-9a-f]{2}/i.test(found)) reasons.push('percent-encoded characters (%2D …)');
  if (/\\[!-/:-@[-`{-~]/.test(found)) reasons.push('backslash escapes, which show the marker as text');
  if (/[\uFF01-\uFF5E]/u.test(found)) reasons.push('full-width characters');
  const lookalikes = [...found.normalize('NFKD')].filter((char) => /\p{L}/u.test(char) && !/[A-Za-z]/.test(char) && !/[\uFF01-\uFF5E]/u.test(char));
  if (lookalikes.length > 0) reasons.push(`letters from another alphabet that look like Latin ones (${codes(lookalikes)})`);
  if (/\p{M}/u.test(found.normalize('NFD'))) reasons.push('accents or combining marks');
  return reasons;
}

/**
 * Finds the body's marker and explains everything else that reads as one, or
 * refuses the body naming the line: two markers; a marker in a line of text,
 * heading, link, table cell, emphasis or footnote (however deep); a marker
 * glued to other HTML; anything marker-like that is not the marker (damaged,
 * disguised, escaped, in code); another system's marker. Returns the marker
 * the split cuts at, or `undefined` when there is none.
 */
export function findTheMarker(markdown: string, tree: Root): MarkerFound | undefined {
  const markers = exactMarkers(tree);
  if (markers.length > 1) {
    const lines = markers.map(({ node }) => node.position?.start.line ?? 0);
    throw new FreeLimitError('free-limit-several', lines[0], { lines });
  }
  const [marker] = markers;
  if (marker && !isLegalMarkerPlace(marker.ancestors)) {
    const where = [...marker.ancestors].reverse().map((ancestor) => inlineWhere[ancestor.type]).find(Boolean);
    throw new FreeLimitError('free-limit-inline', marker.node.position?.start.line ?? 0, { where: where ?? `inside a ${marker.ancestors.at(-1)?.type}` });
  }
  const covered = (offset: number) => marker !== undefined && startOf(marker.node) <= offset && offset < endOf(marker.node);
  for (const candidate of collectCandidates(markdown, tree)) {
    if (covered(candidate.offset)) continue;
    const line = lineOfOffset(markdown, candidate.offset);
    const shown = showRaw(candidate.found);
    if (candidate.other) {
      const args = 'marker' in candidate.other ? { system: candidate.other.marker.system, name: candidate.other.marker.name } : { cutWords: candidate.other.cutWords };
      throw new FreeLimitError('free-limit-other-marker', line, { found: shown, ...args });
    }
    const trail = trailTo(tree, candidate.offset);
    const where = describeContext(trail);
    if (candidate.exact && where === 'inside a block of HTML') throw new FreeLimitError('free-limit-inside-html', line);
    throw new FreeLimitError('free-limit-damaged', line, { found: shown, ...(where ? { where } : {}), reasons: diagnose(candidate.found) });
  }
  return marker ? { path: marker.path, node: marker.node } : undefined;
}

/** The 1-based line of an offset. */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) line++;
  return line;
}

export { FREE_LIMIT_MARKER };
