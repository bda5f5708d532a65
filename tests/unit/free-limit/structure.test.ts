import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Nodes, Parents, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/corpus';
import { splitFrontmatter } from '../../../src/archive/frontmatter';
import { parseStructure } from '../../../src/free-limit/structure';

const fullParse = (markdown: string): Root => unified().use(remarkParse).use(remarkGfm).parse(markdown);
const PHRASING_PARENTS = new Set(['paragraph', 'heading', 'tableCell']);

/** Every block of a tree with where it starts and ends: what the cut and its checks are placed on. */
function blocks(tree: Root): string[] {
  const out: string[] = [];
  const walk = (node: Nodes) => {
    out.push(`${node.type}@${node.position?.start.offset}-${node.position?.end.offset}`);
    if ('children' in node && !PHRASING_PARENTS.has(node.type)) for (const child of (node as Parents).children) walk(child);
  };
  walk(tree);
  return out;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'masthead-structure-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function bodiesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => splitFrontmatter(readFileSync(path.join(entry.parentPath, entry.name), 'utf8')).body);
}

describe('the structure parse, on which the cut is planned', () => {
  const corpus = path.join(scratch, 'corpus');
  generateCorpus({ dir: corpus, articles: 150, seed: 11 });
  const bodies = [...bodiesOf('content/articles'), ...bodiesOf('tests/fixtures/site/articles'), ...bodiesOf(path.join(corpus, 'articles'))];

  it('finds the same blocks as the full GFM parse in the sample paper, the fixtures and a generated archive', () => {
    for (const body of bodies) expect(blocks(parseStructure(body))).toEqual(blocks(fullParse(body)));
  });

  it('finds the same blocks in generated bodies full of links, literal URLs, emphasis and HTML', () => {
    const piece = fc.constantFrom(
      'www.example.org/a_b_c',
      'https://example.org/x*y*',
      'mail@example.org',
      '*emphasis*',
      '_under_',
      '[link](https://example.org)',
      '[ref][r]',
      '[^n]',
      '`code`',
      '<span>x</span>',
      '~~gone~~',
      'plain words',
    );
    const block = fc.oneof(
      fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')),
      fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => `- ${parts.join(' ')}`),
      fc.array(piece, { minLength: 1, maxLength: 3 }).map((parts) => `> ${parts.join(' ')}`),
      fc.array(piece, { minLength: 2, maxLength: 2 }).map(([a, b]) => `| ${a} | ${b} |\n| - | - |\n| ${b} | ${a} |`),
      fc.constantFrom('<!-- free-limit -->', '[r]: https://example.org/r "Title"', '[^n]: A note www.example.org.', '```\nwww.example.org\n```', '## www.example.org heading'),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 8 }), fc.constantFrom('\n\n', '\n'), (parts, separator) => {
        const body = parts.join(separator);
        expect(blocks(parseStructure(body))).toEqual(blocks(fullParse(body)));
      }),
      { numRuns: 500 },
    );
  });
});
