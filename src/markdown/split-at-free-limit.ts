import type { Definition, Nodes, Parents, Root, RootContent } from 'mdast';

/** The marker a newsroom writes on its own line between blocks. */
export const FREE_LIMIT_MARKER = '<!-- free-limit -->';

const MARKER_EXACT = /^<!--\s*free-limit\s*-->$/i;
const MARKER_ANYWHERE = /<!--\s*free-limit\s*-->/i;

/** Why a body cannot be split. `lines` are 1-based within the Markdown given. */
export class FreeLimitError extends Error {
  readonly kind: 'several' | 'inside-html';
  readonly lines: number[];
  constructor(kind: 'several' | 'inside-html', lines: number[]) {
    super(
      kind === 'several'
        ? `has ${lines.length} free-limit markers (lines ${lines.join(', ')}); keep exactly one`
        : `has a free-limit marker inside a block of HTML (line ${lines[0]}); put ${FREE_LIMIT_MARKER} on its own line with a blank line before and after`,
    );
    this.name = 'FreeLimitError';
    this.kind = kind;
    this.lines = lines;
  }

  /** The same error with line numbers shifted, e.g. past a file's frontmatter. */
  shifted(offset: number): FreeLimitError {
    return new FreeLimitError(this.kind, this.lines.map((line) => line + offset));
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

/**
 * Finds every free-limit marker, at any depth, as a path of child indexes.
 * Throws a `FreeLimitError` when the marker is glued to other HTML, because the
 * text around it would then sit in one block that cannot be cut safely.
 */
export function findFreeLimitMarkers(tree: Root): Path[] {
  const found: Path[] = [];
  const walk = (node: Nodes, path: Path) => {
    if (node.type === 'html') {
      if (isMarker(node)) found.push(path);
      else if (MARKER_ANYWHERE.test(node.value)) {
        throw new FreeLimitError('inside-html', [node.position?.start.line ?? 0]);
      }
      return;
    }
    if (hasChildren(node)) node.children.forEach((child, index) => walk(child, [...path, index]));
  };
  walk(tree, []);
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
function isProseParagraph(node: RootContent): boolean {
  return (
    node.type === 'paragraph' &&
    node.children.some(
      (child) => !pictureTypes.has(child.type) && !(child.type === 'text' && !child.value.trim()),
    )
  );
}

/** True when a top-level node is reader-visible content rather than a definition. */
function isContent(node: RootContent): boolean {
  return node.type !== 'definition' && node.type !== 'footnoteDefinition';
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
 * - With no marker, the first `freeParagraphs` top-level paragraphs of prose
 *   (pictures on their own line do not count) and whatever stands between them
 *   are free.
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
  } else {
    let seen = 0;
    let end = -1;
    if (options.freeParagraphs > 0) {
      end = tree.children.findIndex(
        (node) => isProseParagraph(node) && ++seen === options.freeParagraphs,
      );
      if (end === -1) return { free: tree, paid: null, cutBy: 'none' };
    }
    free = { ...tree, children: tree.children.slice(0, end + 1) };
    paid = { ...tree, children: tree.children.slice(end + 1) };
    cutBy = 'paragraph-count';
  }

  if (!paid.children.some(isContent)) {
    // Nothing worth selling after the cut: the whole article is free.
    const whole = marker ? ({ ...free, children: [...free.children, ...paid.children] } as Root) : tree;
    return { free: whole, paid: null, cutBy: 'none' };
  }
  // Footnote definitions that stand before the cut are free; those after are not.
  repairReferences(free, paid);
  return { free, paid, cutBy };
}
