import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * The headline is the page's only `h1`; a `#` heading in a body becomes `h2` so
 * screen-reader users get headings in order.
 */
export default function remarkDemoteHeadings() {
  return (tree: Root) => {
    visit(tree, 'heading', (node) => {
      if (node.depth < 2) node.depth = 2;
    });
  };
}
