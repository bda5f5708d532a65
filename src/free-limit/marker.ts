import type { Html, Nodes } from 'mdast';

/**
 * The grammar of the free-limit marker: the one place that says what the
 * marker is and where it may stand. The build, `npm run check`, the dev note
 * and the editor's "Free limit here" block all read it from here.
 */

/** The marker a newsroom writes on its own line between blocks. */
export const FREE_LIMIT_MARKER = '<!-- free-limit -->';

/**
 * Every spelling the build cuts at: an HTML comment holding exactly
 * `free-limit`, with any spacing inside and in any case. Anything else that
 * reads as the marker is refused (see `read-markers.ts`).
 */
export const MARKER_EXACT = /^<!--\s*free-limit\s*-->$/i;

/** True for a node of raw HTML that is exactly the marker. */
export function isMarkerNode(node: Nodes): node is Html {
  return node.type === 'html' && MARKER_EXACT.test(node.value.trim());
}

/**
 * Where a marker may stand: between blocks, at the top level or in lists and
 * quotations, however deep. Anywhere else (a paragraph, heading, link, table
 * cell, footnote, even a list inside a footnote) the cut would fall in the
 * middle of a sentence, or keep what comes after it in the same block.
 */
export const MARKER_CONTAINERS: ReadonlySet<string> = new Set(['root', 'list', 'listItem', 'blockquote']);

/** True when every ancestor of a marker (root first, parent last) lets it cut. */
export function isLegalMarkerPlace(ancestors: readonly Nodes[]): boolean {
  return ancestors.length > 0 && ancestors.every((node) => MARKER_CONTAINERS.has(node.type));
}
