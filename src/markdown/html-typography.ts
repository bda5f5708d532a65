/**
 * Typography in the text of raw HTML blocks (`<details>`, `<p>` written by
 * hand, the markup imported archives are full of): the text between tags is
 * made typographic as prose is (`smartenRuns`), read as one text per block
 * element so quotes pair up across inline tags. Tags, attributes, comments and
 * character references are left exactly as written, and so is everything
 * inside `code`, `pre`, `kbd`, `samp`, `script`, `style` and `textarea`. Pure:
 * a string in, a string out.
 */
import { smartenRuns, type TextRun } from '../lib/typography';

/** Elements whose text is code or data, never prose. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'textarea', 'var', 'math', 'svg']);

/** Elements that start or end a block of text: quotes never pair across them, and they read as a space. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Comments, CDATA, doctypes and processing instructions; tags (attribute
 * values may hold `>` inside quotes); character references. Everything else
 * is text.
 */
const TOKEN = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>]*>?|<\/?([A-Za-z][A-Za-z0-9-]*)(?:"[^"]*"|'[^']*'|[^'">])*>|&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/gi;

/**
 * Makes the text of a piece of raw HTML typographic, in the paper's locale.
 *
 * @example smartenHtml(`<p>It's "here" -- <code>don't</code></p>`, 'en-GB') // '<p>It’s ‘here’ – <code>don't</code></p>'
 */
export function smartenHtml(html: string, locale: string): string {
  if (!/['"]|--|\.\.\./.test(html)) return html;
  /** The pieces of the input in order: text to change (by its index in `runs`) or markup kept as written. */
  const pieces: Array<string | { run: number }> = [];
  let runs: TextRun[] = [];
  const done: string[] = [];
  const flush = () => {
    if (runs.some((run) => typeof run === 'string')) {
      const out = smartenRuns(runs, locale);
      runs.forEach((run, index) => {
        if (typeof run === 'string') done.push(out[index]!);
      });
    }
    runs = [];
  };
  let verbatim: string | undefined;
  let depth = 0;
  let at = 0;
  const text = (value: string) => {
    if (!value) return;
    if (verbatim) return void pieces.push(value);
    pieces.push({ run: done.length + runs.filter((run) => typeof run === 'string').length });
    runs.push(value);
  };
  for (const match of html.matchAll(TOKEN)) {
    text(html.slice(at, match.index));
    at = match.index + match[0].length;
    const token = match[0];
    pieces.push(token);
    const name = match[1]?.toLowerCase();
    if (token.startsWith('&')) {
      // A character reference the writer typed stands for a character: read as a letter, kept as written.
      if (!verbatim) runs.push({ opaque: 'word' });
      continue;
    }
    if (!name) continue;
    const closing = token.startsWith('</');
    if (verbatim) {
      // Inside code only the same element's tags count: `<code><code></code></code>` closes at the last.
      if (name === verbatim) depth += closing ? -1 : token.endsWith('/>') ? 0 : 1;
      if (depth === 0) verbatim = undefined;
      continue;
    }
    if (VERBATIM.has(name) && !closing && !token.endsWith('/>')) {
      // Code reads as a word in the sentence around it, as inline code does in Markdown.
      runs.push({ opaque: 'word' });
      verbatim = name;
      depth = 1;
      continue;
    }
    if (BLOCK.has(name)) flush();
  }
  text(html.slice(at));
  flush();
  return pieces.map((piece) => (typeof piece === 'string' ? piece : done[piece.run]!)).join('');
}
