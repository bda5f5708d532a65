import type { Nodes, Root } from 'mdast';
import { hasChildren, startOf } from './tree';

/**
 * The full parse of a whole body without the marker the plan found: the
 * marker is found by where it starts, since the full parse (GFM with autolink
 * literals) and the structure parse build the same blocks. Containers split by
 * the marker stay one (a marker inside a list leaves one list).
 */
export function withoutMarker(tree: Root, markerOffset: number | undefined): Root {
  if (markerOffset === undefined) return tree;
  const remove = (node: Nodes): Nodes => {
    if (!hasChildren(node)) return node;
    const children = (node.children as Nodes[]).filter((child) => !(child.type === 'html' && startOf(child) === markerOffset));
    return { ...node, children: children.map(remove) } as Nodes;
  };
  return remove(tree) as Root;
}
