import type { Definition, FootnoteDefinition, Nodes, Parents, PhrasingContent, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { collect, hasChildren, startOf, withoutDanglingFootnoteReferences } from './tree';

const extensions = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const mdastExtensions = [gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown()];

/**
 * Parses a whole body for its structure: the same parser as the pipeline
 * (micromark, through `mdast-util-from-markdown`, as `remark-parse` uses it)
 * with every GFM construct except autolink literals (`www.example.org`), which
 * only turn words of text into links, never change a block, and cost about
 * three quarters of GFM's parsing time. Blocks, markers, definitions and
 * footnotes come out as the full parse finds them
 * (`tests/unit/free-limit/structure.test.ts` compares them), so the cut is planned
 * on this tree; only the free part is then parsed in full, for publishing.
 */
export function parseStructure(markdown: string): Root {
  return fromMarkdown(markdown, { extensions, mdastExtensions });
}

/**
 * The free part's source for a full parse: the body up to the cut, then
 * stand-in definitions for what the free text may refer to but the cut left
 * behind, so that references still parse as references (and not as bracketed
 * text): each link definition after the cut as `[label]: #`, each footnote
 * after the cut as `[^label]: -`. `settleFreeTree` removes them all.
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
 * Turns the full parse of `freeSource` into the free tree. Everything from the
 * cut on goes (the stand-ins). A link whose definition comes only after the
 * cut keeps its words but loses its address, and such a picture goes: the
 * address was written after the cut, so it is paid (`planCut` warns the
 * writer). Footnote references go with their notes, which are paid.
 */
export function settleFreeTree(free: Root, cutOffset: number): Root {
  const definedBefore = new Set(
    collect<Definition>(free, 'definition').filter((node) => startOf(node) < cutOffset).map((node) => node.identifier),
  );
  const settle = (node: Nodes): Nodes[] => {
    if (node.type === 'linkReference' && !definedBefore.has(node.identifier)) return node.children.flatMap(settle);
    if (node.type === 'imageReference' && !definedBefore.has(node.identifier)) return [];
    if (!hasChildren(node)) return [node];
    const children = (node.children as Nodes[]).flatMap(settle);
    const changed = children.length !== node.children.length || children.some((child, index) => child !== node.children[index]);
    return [changed ? ({ ...node, children } as Nodes) : node];
  };
  const kept = free.children.filter((node) => startOf(node) < cutOffset);
  const settled = { ...free, children: kept.flatMap(settle) } as Root;
  return withoutDanglingFootnoteReferences(settled);
}

/** References in the free part whose definition is written only after the cut: each loses its address. */
export function referencesDefinedAfter(structure: Root, cutOffset: number): { line: number; label: string; definedAt: number }[] {
  const first = new Map<string, Definition>();
  for (const node of collect<Definition>(structure, 'definition')) if (!first.has(node.identifier)) first.set(node.identifier, node);
  const found: { line: number; label: string; definedAt: number }[] = [];
  const visit = (node: Nodes) => {
    if (startOf(node) >= cutOffset && node.type !== 'root') return;
    if (node.type === 'linkReference' || node.type === 'imageReference') {
      const definition = first.get(node.identifier);
      if (definition && startOf(definition) >= cutOffset) {
        found.push({ line: node.position?.start.line ?? 0, label: node.label ?? node.identifier, definedAt: definition.position?.start.line ?? 0 });
      }
    }
    if (hasChildren(node)) for (const child of node.children as (Nodes | PhrasingContent)[]) visit(child as Nodes);
  };
  visit(structure as Parents as Nodes);
  return found;
}
