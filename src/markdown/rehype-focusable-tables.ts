import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * A wide table scrolls inside its own box on a phone; `tabindex="0"` lets
 * keyboard users scroll it too (WCAG 2.1.1). Runs after sanitising, which would
 * otherwise strip the attribute.
 */
export default function rehypeFocusableTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName === 'table') node.properties.tabIndex = 0;
    });
  };
}
