import type { Definition, FootnoteDefinition, Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { withoutDanglingFootnoteReferences } from './split-at-free-limit';

const extensions = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const mdastExtensions = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];

/**
 * Parses a whole body for its structure: the same parser as the pipeline
 * (micromark, through `mdast-util-from-markdown`, as `remark-parse` uses it)
 * with every GFM construct except autolink literals (`www.example.org`), which
 * only turn words of text into links, never change a block, and cost about
 * three quarters of GFM's parsing time. Blocks, markers, definitions and
 * footnotes come out as the full parse finds them (`tests/unit/parse-structure.test.ts`
 * compares them), so the cut is placed and checked on this tree; only the
 * free part is then parsed in full, for publishing.
 */
export function parseStructure(markdown: string): Root {
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}

function collect<T extends Nodes>(tree: Nodes, type: T['type'], out: T[] = []): T[] {
  if (tree.type === type) out.push(tree as T);
  if ('children' in tree) for (const child of (tree as Parents).children) collect(child, type, out);
  return out;
}

const startOf = (node: Nodes) => node.position?.start.offset ?? 0;

/**
 * The free part's source for a full parse: the body up to the cut, then stand-in
 * definitions for what the free text may refer to but the cut left behind, so
 * references parse as references: each link definition after the cut as
 * `[label]: #` (to be replaced by the real one, URL only) and each footnote
 * after the cut as `[^label]: -` (to be removed with its references).
 */
export function freeSource(markdown: string, structure: Root, cutOffset: number): string {
  const after = (node: Nodes) => startOf(node) >= cutOffset;
  const stubs = [
    ...collect<Definition>(structure, 'definition').filter(after).map((node) => `[${node.label ?? node.identifier}]: #`),
    ...collect<FootnoteDefinition>(structure, 'footnoteDefinition').filter(after).map((node) => `[^${node.label ?? node.identifier}]: -`),
  ];
  return stubs.length === 0 ? markdown.slice(0, cutOffset) : `${markdown.slice(0, cutOffset)}\n\n${stubs.join('\n\n')}\n`;
}

/**
 * Turns the full parse of `freeSource` into the free tree: stand-in link
 * definitions become the real ones from after the cut, URL only (marked as
 * carried over), unless an earlier definition of the label wins; stand-in
 * footnotes go, and with them the references to notes the free part does not
 * hold, since a note after the cut is paid.
 */
export function settleFreeTree(free: Root, structure: Root, cutOffset: number): Root {
  const real = new Map<string, Definition>();
  for (const node of collect<Definition>(structure, 'definition')) {
    if (startOf(node) >= cutOffset && !real.has(node.identifier)) real.set(node.identifier, node);
  }
  const definedBefore = new Set(
    collect<Definition>(free, 'definition').filter((node) => startOf(node) < cutOffset).map((node) => node.identifier),
  );
  const children = free.children.flatMap((node) => {
    if (startOf(node) < cutOffset) return [node];
    if (node.type === 'definition' && !definedBefore.has(node.identifier)) {
      const definition = real.get(node.identifier);
      return definition ? [{ ...definition, title: null, data: { ...definition.data, carriedOver: true as const } }] : [];
    }
    return [];
  });
  return withoutDanglingFootnoteReferences({ ...free, children });
}
