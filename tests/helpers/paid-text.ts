import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './site-files';

/**
 * Paid sentences of the sample paper, found without Masthead's own code: the
 * text after `<!-- free-limit -->`, or after the third paragraph of prose, of
 * every paywalled article, with Markdown syntax stripped.
 */
export function paidSentences(contentDir: string, freeParagraphs: number): string[] {
  const sentences: string[] = [];
  /** Free text of every article: a phrase also written there is not a leak. */
  let freeText = '';
  for (const file of listFiles(path.join(contentDir, 'articles')).filter((name) => name.endsWith('.md'))) {
    const source = readFileSync(path.join(contentDir, 'articles', file), 'utf8');
    const [, frontmatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
    if (/^access:\s*["']?free/m.test(frontmatter)) {
      freeText += source;
      continue;
    }
    let paid: string;
    const marker = body.indexOf('<!-- free-limit -->');
    if (marker >= 0) paid = body.slice(marker + '<!-- free-limit -->'.length);
    else {
      const blocks = body.split(/\n\s*\n/);
      let prose = 0;
      // Blocks with words (a "• • •" separator has none) that are not headings, quotes, tables, pictures, lists, links or code fences.
      const index = blocks.findIndex((block) => !/^\s*([#>|!\-*+]|\d+\.|\[|```|~~~)/.test(block) && /[\p{L}\p{N}]/u.test(block) && ++prose === freeParagraphs);
      paid = index === -1 ? '' : blocks.slice(index + 1).join('\n\n');
    }
    freeText += frontmatter + body.slice(0, body.length - paid.length);
    const plain = paid
      // A picture's alt text and its title (the caption readers see) are paid text too.
      .replace(/!\[([^\]]*)\]\(\s*\S+(?:\s+"([^"]*)")?\s*\)/g, (_, alt: string, title = '') => `${alt}.\n${title}\n`)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[\^[^\]]+\]:?/g, ' ')
      .replace(/[*_`#>|]/g, ' ');
    for (const sentence of plain.split(/(?<=[.!?])\s+|\n/)) {
      const words = sentence.trim().split(/\s+/);
      if (words.length >= 8) sentences.push(words.join(' '));
    }
  }
  const free = freeText.replace(/\s+/g, ' ');
  return sentences.filter((sentence) => !free.includes(sentence));
}
