import type { Nodes, PhrasingContent, Root } from 'mdast';
import type { CutWarning } from './errors';
import { hasWords, readHtml } from './html-reading';
import { hasChildren, type Path } from './tree';

/**
 * How many paragraphs a reader counts in a block when there is no marker: a
 * block counts only for the words (letters or digits) it shows outside a
 * picture. A paragraph of words is one; a linked picture, a `•••` rule, a
 * lone `&#8203;` or a comment is none. Raw HTML is read by an HTML parser:
 * each run of text between block elements is one, a `<pre>` poem's stanzas
 * one by one, a `<style>` none. A table is one. A heading is none, except a
 * paragraph that a following `---` turned into a heading (the writer meant a
 * paragraph and a rule): that counts, with a warning. Code, footnotes and link
 * definitions are none.
 */
export interface CountedBlock {
  path: Path;
  /** Paragraphs a reader counts in it. */
  weight: number;
}

/** The words a phrasing node shows a reader, pictures and raw tags left out. */
function shownText(node: Nodes | PhrasingContent): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'image':
    case 'imageReference':
    case 'html':
      return '';
    case 'footnoteReference':
      return '1';
    case 'break':
      return ' ';
    default:
      return hasChildren(node as Nodes) ? (node as { children: PhrasingContent[] }).children.map(shownText).join('') : '';
  }
}

/** A heading written as a paragraph underlined with `=` or `-` (setext), not with `#`. */
function isSetext(node: Nodes, markdown: string): boolean {
  const offset = node.position?.start.offset;
  return node.type === 'heading' && offset !== undefined && markdown.charCodeAt(offset) !== 35 /* # */;
}

/** The blocks that count toward the free allowance, in reading order, at any depth. */
export function countedBlocks(markdown: string, tree: Root, warnings: CutWarning[]): CountedBlock[] {
  const blocks: CountedBlock[] = [];
  const walk = (node: Nodes, path: Path) => {
    switch (node.type) {
      case 'footnoteDefinition':
      case 'definition':
      case 'code':
      case 'thematicBreak':
        return;
      case 'heading':
        if (isSetext(node, markdown) && hasWords(shownText(node))) {
          blocks.push({ path, weight: 1 });
          if (node.depth === 2) {
            warnings.push({ code: 'cut-setext-paragraph', line: node.position?.start.line ?? 0, args: {} });
          }
        }
        return;
      case 'paragraph':
        if (hasWords(shownText(node))) blocks.push({ path, weight: 1 });
        return;
      case 'table':
        if (hasWords(shownText(node))) blocks.push({ path, weight: 1 });
        return;
      case 'html': {
        const runs = readHtml(node.value).runs.filter(hasWords).length;
        if (runs > 0) blocks.push({ path, weight: runs });
        return;
      }
      default:
        if (hasChildren(node)) node.children.forEach((child, index) => walk(child as Nodes, [...path, index]));
    }
  };
  walk(tree, []);
  return blocks;
}

/** Where the free allowance ends: after a block, or before one that would go past it. */
export type CountedCut =
  | { after: Path }
  /** `weight` paragraphs in the block left out whole, `seen` before it. */
  | { before: Path; weight: number; seen: number }
  | undefined;

/**
 * Places the cut after the first `freeParagraphs` counted paragraphs. A block
 * worth several (a `<pre>` poem) that would go past the allowance is left out
 * whole: the cut falls before it, since raw HTML cannot be cut inside.
 * `undefined` when the body has fewer paragraphs than the allowance.
 */
export function placeCountedCut(blocks: readonly CountedBlock[], freeParagraphs: number): CountedCut {
  let seen = 0;
  for (const block of blocks) {
    if (seen + block.weight > freeParagraphs) return { before: block.path, weight: block.weight, seen };
    seen += block.weight;
    if (seen === freeParagraphs) return { after: block.path };
  }
  return undefined;
}
