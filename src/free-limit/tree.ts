import type { FootnoteDefinition, Nodes, Parents, Root } from 'mdast';

/** A node's place in a tree, as the child indexes from the root down. */
export type Path = number[];

export function hasChildren(node: Nodes): node is Parents {
  return 'children' in node && Array.isArray(node.children);
}

export function nodeAt(tree: Root, path: Path): Nodes {
  let node: Nodes = tree;
  for (const index of path) node = (node as Parents).children[index] as Nodes;
  return node;
}

/** Every node of `type`, in document order. */
export function collect<T extends Nodes>(tree: Nodes, type: T['type'], out: T[] = []): T[] {
  if (tree.type === type) out.push(tree as T);
  if (hasChildren(tree)) for (const child of tree.children) collect(child as Nodes, type, out);
  return out;
}

export const startOf = (node: Nodes): number => node.position?.start.offset ?? 0;
export const endOf = (node: Nodes): number => node.position?.end.offset ?? 0;

const emptiable = new Set(['list', 'listItem', 'blockquote']);

/** A copy of the tree up to (not including) the node at `path`, dropping containers left empty. */
export function keepBefore(node: Parents, path: Path): Parents {
  const [index, ...rest] = path as [number, ...number[]];
  const kept = node.children.slice(0, index) as Nodes[];
  const child = node.children[index] as Nodes;
  if (rest.length > 0 && hasChildren(child)) {
    const truncated = keepBefore(child, rest);
    if (!(emptiable.has(truncated.type) && truncated.children.length === 0)) kept.push(truncated);
  }
  return { ...node, children: kept } as Parents;
}

/** A copy of the tree up to and including the node at `path`. */
export function keepThrough(node: Parents, path: Path): Parents {
  const [index, ...rest] = path as [number, ...number[]];
  const kept = node.children.slice(0, index) as Nodes[];
  const child = node.children[index] as Nodes;
  if (rest.length === 0) kept.push(child);
  else if (hasChildren(child)) kept.push(keepThrough(child, rest));
  return { ...node, children: kept } as Parents;
}

/** A copy of what comes after the node at `path`, or from it on when `including`. */
export function keepAfter(node: Parents, path: Path, including = false): Parents {
  const [index, ...rest] = path as [number, ...number[]];
  const after = node.children.slice(index + (rest.length === 0 && including ? 0 : 1)) as Nodes[];
  const child = node.children[index] as Nodes;
  if (rest.length > 0 && hasChildren(child)) {
    const remainder = keepAfter(child, rest, including);
    if (remainder.children.length > 0) after.unshift(remainder);
  }
  return { ...node, children: after } as Parents;
}

/**
 * The tree without the node at `path`, re-uniting the containers it stood in
 * (a marker inside a list leaves one list). Copy on write.
 */
export function withoutNodeAt(tree: Root, path: Path): Root {
  const remove = (node: Parents, [index, ...rest]: Path): Parents => {
    const children = [...node.children] as Nodes[];
    if (rest.length === 0) children.splice(index!, 1);
    else children[index!] = remove(children[index!] as Parents, rest) as Nodes;
    return { ...node, children } as Parents;
  };
  return remove(tree, path) as Root;
}

/**
 * The tree without footnote references whose note it does not hold (a note
 * after the cut is paid). Copy on write: nodes are shared with the input,
 * which must not change.
 */
export function withoutDanglingFootnoteReferences(tree: Root): Root {
  const notes = new Set(collect<FootnoteDefinition>(tree, 'footnoteDefinition').map((node) => node.identifier));
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
