import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface BasePathOptions {
  /** The site's base path, `/` or `/paper/`. */
  base: string;
}

const urlAttributes = ['href', 'src'] as const;

/**
 * Puts site-relative links and pictures written in a body (`/images/pier.jpg`,
 * `/articles/other-story/`) under the base path, so a site deployed at
 * `/paper/` keeps them working. Full URLs and protocol-relative ones are left alone.
 */
export default function rehypeBasePath({ base }: BasePathOptions) {
  const prefix = base.replace(/\/+$/, '');
  return (tree: Root) => {
    if (!prefix) return;
    visit(tree, 'element', (node) => {
      for (const attribute of urlAttributes) {
        const value = node.properties[attribute];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(`${prefix}/`)) {
          node.properties[attribute] = `${prefix}${value}`;
        }
      }
    });
  };
}
