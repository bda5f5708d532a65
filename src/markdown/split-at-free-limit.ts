import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast';

/** The marker a newsroom writes on its own line between blocks. */
export const FREE_LIMIT_MARKER = '<!-- free-limit -->';

const MARKER_EXACT = /^<!--\s*free-limit\s*-->$/i;
const MARKER_ANYWHERE = /<!--\s*free-limit\s*-->/i;

type FreeLimitProblem = 'several' | 'inside-html' | 'near-miss' | 'in-code' | 'unclosed-html';

const problemMessages: Record<FreeLimitProblem, (lines: number[], detail: string) => string> = {
  several: (lines) => `has ${lines.length} free-limit markers (lines ${lines.join(', ')}); keep exactly one`,
  'inside-html': (lines) =>
    `has a free-limit marker inside a block of HTML (line ${lines[0]}); put ${FREE_LIMIT_MARKER} on its own line with a blank line before and after`,
  'near-miss': (lines) =>
    `has something that looks like a free-limit marker but is not one (line ${lines[0]}); write it exactly as ${FREE_LIMIT_MARKER}`,
  'in-code': (lines) =>
    `has a free-limit marker inside a code block (line ${lines[0]}), where it does nothing; remove its indentation or fences`,
  'unclosed-html': (lines, tag) =>
    `has a <${tag}> that is never closed (line ${lines[0]}), so it would swallow the rest of the article; close it with </${tag}>`,
};

/** Why a body cannot be split safely. `lines` are 1-based within the Markdown given. */
export class FreeLimitError extends Error {
  readonly kind: FreeLimitProblem;
  readonly lines: number[];
  readonly detail: string;
  constructor(kind: FreeLimitProblem, lines: number[], detail = '') {
    super(problemMessages[kind](lines, detail));
    this.name = 'FreeLimitError';
    this.kind = kind;
    this.lines = lines;
    this.detail = detail;
  }

  /** The same error with line numbers shifted, e.g. past a file's frontmatter. */
  shifted(offset: number): FreeLimitError {
    return new FreeLimitError(this.kind, this.lines.map((line) => line + offset), this.detail);
  }
}

export interface SplitOptions {
  /** Top-level paragraphs that stay free when the body has no marker. */
  freeParagraphs: number;
}

export interface SplitResult {
  /** The free part: safe to render publicly. A new tree; the input is not changed. */
  free: Root;
  /** The paid part, or `null` when nothing was cut away. */
  paid: Root | null;
  /** How the cut was placed. */
  cutBy: 'marker' | 'paragraph-count' | 'none';
}

type Path = number[];

function isMarker(node: Nodes): boolean {
  return node.type === 'html' && MARKER_EXACT.test(node.value.trim());
}

function hasChildren(node: Nodes): node is Parents {
  return 'children' in node && Array.isArray(node.children);
}

/** Anything an editor might have meant as the marker: other spacing, dashes, or an extra hyphen. */
const NEAR_MISS = /<!-{2,}\s*free[\s\p{Pd}_]*limit\s*-*\s*-{2,}>/iu;
/** HTML blocks that CommonMark runs to the end of the document when they are never closed. */
const RAW_BLOCK = /^\s*<(pre|textarea|script|style)(?=[\s>])/i;

/**
 * Finds every free-limit marker, at any depth, as a path of child indexes, and
 * refuses bodies where the cut could not be placed safely: a marker glued to
 * other HTML, a near-miss spelling, a marker stuck in a code block, or a raw
 * HTML block that is never closed and would swallow the rest of the article.
 */
export function findFreeLimitMarkers(tree: Root): Path[] {
  const found: Path[] = [];
  const walk = (node: Nodes, path: Path, inline: boolean) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'html') {
      if (isMarker(node)) found.push(path);
      else if (MARKER_ANYWHERE.test(node.value)) throw new FreeLimitError('inside-html', [line]);
      else if (NEAR_MISS.test(node.value)) throw new FreeLimitError('near-miss', [line]);
      // Only a block can run on: inline HTML is one node per tag.
      const raw = inline ? null : RAW_BLOCK.exec(node.value);
      if (raw && !new RegExp(`</${raw[1]}\\s*>`, 'i').test(node.value)) {
        throw new FreeLimitError('unclosed-html', [line], raw[1]!.toLowerCase());
      }
      return;
    }
    if (node.type === 'code' && MARKER_EXACT.test(node.value.trim())) throw new FreeLimitError('in-code', [line]);
    if (hasChildren(node)) {
      const childrenInline = inline || node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell';
      node.children.forEach((child, index) => walk(child, [...path, index], childrenInline));
    }
  };
  walk(tree, [], false);
  return found;
}

const containerTypes = new Set(['list', 'listItem', 'blockquote', 'paragraph', 'heading', 'tableRow', 'table']);

/** Copies the tree up to (not including) the node at `path`, dropping containers left empty. */
function cutBefore(node: Parents, path: Path): Parents {
  const [index, ...rest] = path as [number, ...number[]];
  const kept = node.children.slice(0, index) as Nodes[];
  if (rest.length > 0) {
    const child = node.children[index] as Nodes;
    if (hasChildren(child)) {
      const truncated = cutBefore(child, rest);
      if (!(containerTypes.has(truncated.type) && truncated.children.length === 0)) kept.push(truncated);
    }
  }
  return { ...node, children: kept } as Parents;
}

/** Copies what comes after the node at `path` (not including it). */
function cutAfter(node: Parents, path: Path): Parents {
  const [index, ...rest] = path as [number, ...number[]];
  const after = node.children.slice(index + 1) as Nodes[];
  if (rest.length > 0) {
    const child = node.children[index] as Nodes;
    if (hasChildren(child)) {
      const remainder = cutAfter(child, rest);
      if (remainder.children.length > 0) after.unshift(remainder);
    }
  }
  return { ...node, children: after } as Parents;
}

const referenceLike = new Set(['linkReference', 'imageReference']);

function collect(tree: Nodes, test: (node: Nodes) => boolean, out: Nodes[] = []): Nodes[] {
  if (test(tree)) out.push(tree);
  if (hasChildren(tree)) for (const child of tree.children) collect(child, test, out);
  return out;
}

const pictureTypes = new Set(['image', 'imageReference', 'break', 'html']);

/** A paragraph of words: a picture on a line of its own is not one a reader would count. */
function isProseParagraph(node: Nodes): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.some(
      (child) => !pictureTypes.has(child.type) && !(child.type === 'text' && !child.value.trim()),
    )
  );
}

/** True when a top-level node is something a reader sees (a footnote's text included), not a link definition. */
function isContent(node: RootContent): boolean {
  return node.type !== 'definition';
}

/** Block-level HTML with words in it (`<p>…</p>`, `<div>…</div>`), which readers count as a paragraph. */
function isProseHtml(node: Nodes): boolean {
  return node.type === 'html' && node.value.replace(/<[^>]*>/g, '').trim().length > 0;
}

/**
 * The path of the `n`th unit of prose, in reading order and at any depth: a
 * paragraph of words (in a list or quote too), a block of HTML with words, or
 * a table. Footnotes and definitions are not counted, nor headings, code or
 * pictures on their own. `undefined` when the body has fewer than `n`.
 */
function nthProseUnit(tree: Root, n: number): Path | undefined {
  let seen = 0;
  const walk = (node: Nodes, path: Path): Path | undefined => {
    if (node.type === 'footnoteDefinition' || node.type === 'definition' || node.type === 'heading' || node.type === 'code') return undefined;
    if ((node.type === 'paragraph' && isProseParagraph(node)) || node.type === 'table' || (path.length > 0 && isProseHtml(node))) {
      return ++seen === n ? path : undefined;
    }
    if (node.type === 'paragraph' || !hasChildren(node)) return undefined;
    for (const [index, child] of node.children.entries()) {
      const found = walk(child as Nodes, [...path, index]);
      if (found) return found;
    }
    return undefined;
  };
  return walk(tree, []);
}

/** Copies the tree up to and including the node at `path`. */
function keepThrough(node: Parents, path: Path): Parents {
  const [index, ...rest] = path as [number, ...number[]];
  const kept = node.children.slice(0, index) as Nodes[];
  const child = node.children[index] as Nodes;
  if (rest.length === 0) kept.push(child);
  else if (hasChildren(child)) kept.push(keepThrough(child, rest));
  return { ...node, children: kept } as Parents;
}

/**
 * Makes the free part self-contained: link definitions that free links use are
 * carried over (URL only: a title is prose), and footnote references whose
 * note sits after the cut are removed, since the note's text is paid.
 */
function repairReferences(free: Root, paid: Root): void {
  const freeDefinitions = new Set(
    collect(free, (node) => node.type === 'definition').map((node) => (node as Definition).identifier),
  );
  const needed = new Set(
    collect(free, (node) => referenceLike.has(node.type)).map(
      (node) => (node as { identifier: string }).identifier,
    ),
  );
  for (const node of collect(paid, (candidate) => candidate.type === 'definition')) {
    const definition = node as Definition;
    if (needed.has(definition.identifier) && !freeDefinitions.has(definition.identifier)) {
      free.children.push({ ...definition, title: null });
      freeDefinitions.add(definition.identifier);
    }
  }
  const notes = new Set(
    collect(free, (node) => node.type === 'footnoteDefinition').map(
      (node) => (node as { identifier: string }).identifier,
    ),
  );
  const prune = (node: Nodes) => {
    if (!hasChildren(node)) return;
    node.children = node.children.filter(
      (child) => !(child.type === 'footnoteReference' && !notes.has(child.identifier)),
    ) as typeof node.children;
    node.children.forEach(prune);
  };
  prune(free);
}

/** Finds the markers and refuses more than one, naming their lines. */
function findSingleMarker(tree: Root): Path[] {
  const markers = findFreeLimitMarkers(tree);
  if (markers.length > 1) {
    const lines = markers.map((path) => {
      let node: Nodes = tree;
      for (const index of path) node = (node as Parents).children[index] as Nodes;
      return node.position?.start.line ?? 0;
    });
    throw new FreeLimitError('several', lines);
  }
  return markers;
}

/**
 * Returns the whole tree without its marker, for articles that are free to read.
 * Still refuses two markers or a marker glued to HTML: the file is wrong either way.
 */
export function removeFreeLimitMarker(tree: Root): Root {
  const [marker] = findSingleMarker(tree);
  if (!marker) return tree;
  const before = cutBefore(tree, marker);
  const after = cutAfter(tree, marker);
  return mergeAt(before, after, marker.length) as Root;
}

/** Joins two halves produced by `cutBefore`/`cutAfter`, re-uniting the split containers. */
function mergeAt(before: Parents, after: Parents, depth: number): Parents {
  if (depth <= 1) return { ...before, children: [...before.children, ...after.children] } as Parents;
  const left = before.children.at(-1) as Nodes | undefined;
  const right = after.children[0] as Nodes | undefined;
  if (left && right && hasChildren(left) && hasChildren(right) && left.type === right.type) {
    const joined = mergeAt(left, right, depth - 1);
    return {
      ...before,
      children: [...before.children.slice(0, -1), joined, ...after.children.slice(1)],
    } as Parents;
  }
  return { ...before, children: [...before.children, ...after.children] } as Parents;
}

/**
 * Splits an article's Markdown tree at its free limit.
 *
 * - With one `<!-- free-limit -->` marker, everything before it is free, at any
 *   depth (a marker inside a list keeps the items before it).
 * - With no marker, the first `freeParagraphs` units of prose are free, at any
 *   depth: paragraphs of words (in lists and quotes too), blocks of HTML with
 *   words, tables. Headings, code and pictures on their own line do not count.
 * - Two or more markers are an error: the newsroom must say which one it means.
 *
 * Only the free tree may be rendered for a public build.
 */
export function splitAtFreeLimit(tree: Root, options: SplitOptions): SplitResult {
  const markers = findSingleMarker(tree);

  let free: Root;
  let paid: Root;
  let cutBy: SplitResult['cutBy'];
  const marker = markers[0];
  if (marker) {
    free = cutBefore(tree, marker) as Root;
    paid = cutAfter(tree, marker) as Root;
    cutBy = 'marker';
  } else if (options.freeParagraphs <= 0) {
    free = { ...tree, children: [] };
    paid = tree;
    cutBy = 'paragraph-count';
  } else {
    const last = nthProseUnit(tree, options.freeParagraphs);
    // Fewer units of prose than the free allowance: the article is free as written.
    if (!last) return { free: tree, paid: null, cutBy: 'none' };
    free = keepThrough(tree, last) as Root;
    paid = cutAfter(tree, last) as Root;
    cutBy = 'paragraph-count';
  }

  if (!paid.children.some(isContent)) {
    // Only link definitions after the cut: nothing to sell, but their titles still stay behind.
    repairReferences(free, paid);
    return { free, paid: null, cutBy: 'none' };
  }
  // Footnote definitions that stand before the cut are free; those after are not.
  repairReferences(free, paid);
  return { free, paid, cutBy };
}
