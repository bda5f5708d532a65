import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast';
import { FreeLimitError, isLegalMarkerParent, MARKER_EXACT } from './free-limit-marker';

export { FREE_LIMIT_MARKER, FreeLimitError } from './free-limit-marker';

const MARKER_ANYWHERE = /<!--\s*free-limit\s*-->/i;

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
  /**
   * Where the cut falls in the source, as an offset: nothing in the free part
   * may come from at or after it, except carried-over link definitions
   * (marked `data.carriedOver`). Absent when nothing was cut.
   */
  cutOffset?: number;
}

/** A link definition from after the cut that a free link needs: URL only. */
export function isCarriedOver(node: Nodes): boolean {
  return node.type === 'definition' && node.data !== undefined && 'carriedOver' in node.data && node.title === null;
}

declare module 'mdast' {
  interface DefinitionData {
    /** Set by the split on a definition brought forward from the paid part. */
    carriedOver?: true;
  }
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

/**
 * Finds every free-limit marker, at any depth, as a path of child indexes, and
 * refuses bodies where the cut could not be placed safely: a marker glued to
 * other HTML or standing inside a line, heading, link, table cell or footnote,
 * a near-miss spelling, or a marker stuck in a code block. (The raw-text checks
 * in `free-limit-evidence.ts` and `unclosed-blocks.ts` look further.)
 */
export function findFreeLimitMarkers(tree: Root): Path[] {
  const found: Path[] = [];
  const walk = (node: Nodes, path: Path, parents: Nodes[]) => {
    const line = node.position?.start.line ?? 0;
    if (node.type === 'html') {
      if (isMarker(node)) {
        const parent = parents.at(-1);
        if (parent && !isLegalMarkerParent(parent)) {
          const where = [...parents].reverse().map((ancestor) => inlineWhere[ancestor.type]).find(Boolean);
          throw new FreeLimitError('inline', [line], where ?? `inside a ${parent.type}`);
        }
        found.push(path);
      } else if (MARKER_ANYWHERE.test(node.value)) throw new FreeLimitError('inside-html', [line]);
      else if (NEAR_MISS.test(node.value)) throw new FreeLimitError('near-miss', [line]);
      return;
    }
    if (node.type === 'code' && MARKER_EXACT.test(node.value.trim())) throw new FreeLimitError('in-code', [line]);
    if (hasChildren(node)) {
      node.children.forEach((child, index) => walk(child, [...path, index], [...parents, node]));
    }
  };
  walk(tree, [], []);
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
      free.children.push({ ...definition, title: null, data: { ...definition.data, carriedOver: true } });
      freeDefinitions.add(definition.identifier);
    }
  }
  free.children = withoutDanglingFootnoteReferences(free).children;
}

/**
 * The tree without footnote references whose note it does not hold (a note
 * after the cut is paid). Copy on write: nodes below a cut path are shared
 * with the input, which must not change.
 */
export function withoutDanglingFootnoteReferences(tree: Root): Root {
  const notes = new Set(
    collect(tree, (node) => node.type === 'footnoteDefinition').map((node) => (node as { identifier: string }).identifier),
  );
  const prune = (node: Nodes): Nodes => {
    if (!hasChildren(node)) return node;
    const children = (node.children as Nodes[])
      .filter((child) => !(child.type === 'footnoteReference' && !notes.has(child.identifier)))
      .map(prune);
    const changed = children.length !== node.children.length || children.some((child, index) => child !== node.children[index]);
    return changed ? ({ ...node, children } as Nodes) : node;
  };
  return prune(tree) as Root;
}

function nodeAt(tree: Root, path: Path): Nodes {
  let node: Nodes = tree;
  for (const index of path) node = (node as Parents).children[index] as Nodes;
  return node;
}

/** Finds the markers and refuses more than one, naming their lines. */
function findSingleMarker(tree: Root): Path[] {
  const markers = findFreeLimitMarkers(tree);
  if (markers.length > 1) {
    const lines = markers.map((path) => nodeAt(tree, path).position?.start.line ?? 0);
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
  let cutOffset: number | undefined;
  if (marker) {
    cutOffset = nodeAt(tree, marker).position?.start.offset;
    free = cutBefore(tree, marker) as Root;
    paid = cutAfter(tree, marker) as Root;
    cutBy = 'marker';
  } else if (options.freeParagraphs <= 0) {
    free = { ...tree, children: [] };
    paid = tree;
    cutOffset = tree.children[0]?.position?.start.offset ?? 0;
    cutBy = 'paragraph-count';
  } else {
    const last = nthProseUnit(tree, options.freeParagraphs);
    // Fewer units of prose than the free allowance: the article is free as written.
    if (!last) return { free: tree, paid: null, cutBy: 'none' };
    cutOffset = nodeAt(tree, last).position?.end.offset;
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
  if (cutOffset === undefined) throw new FreeLimitError('internal-check', [], 'the cut has no position in the source');
  return { free, paid, cutBy, cutOffset };
}
