import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['childNode'];
type Parent = DefaultTreeAdapterMap['parentNode'];

/** An element: its tag name and attributes, names in lower case as HTML reads them. */
export interface ElementSeen {
  name: string;
  attributes: Record<string, string>;
  /** Each attribute as written in the source (`data-Free-Lιmit="x"`): a parser lower-cases names, look-alikes and all. */
  written: string[];
}

/** What a piece of raw HTML holds, read by an HTML parser (parse5, as browsers parse). */
export interface HtmlReading {
  /** The text of every comment, bogus comments (`<!- x ->`, `<?x?>`, `<!x>`) included. */
  comments: string[];
  elements: ElementSeen[];
  /**
   * The text a reader sees, in runs a reader takes for separate paragraphs:
   * split at block elements, and at blank lines inside `<pre>`. Script, style,
   * template and comment contents are not shown; pictures show no words.
   */
  runs: string[];
}

/** Elements that start a new run of text, as a new paragraph does. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'details', 'dialog', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'ul', 'caption',
]);
/** Elements whose contents no reader sees. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript']);

/** Reads a fragment of raw HTML as a browser would, for what it holds and shows. */
export function readHtml(html: string): HtmlReading {
  const reading: HtmlReading = { comments: [], elements: [], runs: [] };
  let run = '';
  const endRun = () => {
    if (run.trim()) reading.runs.push(run.trim());
    run = '';
  };
  const walk = (node: Node, inPre: boolean, inTable: boolean) => {
    if (node.nodeName === '#comment') {
      reading.comments.push((node as DefaultTreeAdapterMap['commentNode']).data);
      return;
    }
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value;
      if (!inPre) {
        run += value;
        return;
      }
      // A blank line inside <pre> separates stanzas, which a reader counts one by one.
      const stanzas = value.split(/\n[ \t]*\n/);
      stanzas.forEach((stanza, index) => {
        if (index > 0) endRun();
        run += stanza;
      });
      return;
    }
    if (node.nodeName === '#documentType') return;
    const element = node as DefaultTreeAdapterMap['element'];
    const name = element.tagName.toLowerCase();
    const locations = element.sourceCodeLocation?.attrs ?? {};
    reading.elements.push({
      name,
      attributes: Object.fromEntries(element.attrs.map((attribute) => [attribute.name.toLowerCase(), attribute.value])),
      written: Object.values(locations).map((location) => html.slice(location.startOffset, location.endOffset)),
    });
    const content = name === 'template' ? (element as DefaultTreeAdapterMap['template']).content : element;
    const block = BLOCKS.has(name) && !inTable;
    if (block) endRun();
    if (!HIDDEN.has(name)) {
      for (const child of (content as Parent).childNodes) walk(child, inPre || name === 'pre', inTable || name === 'table');
    } else {
      for (const child of (content as Parent).childNodes) if (child.nodeName === '#comment') walk(child, inPre, inTable);
    }
    if (block) endRun();
  };
  for (const node of parseFragment(html, { sourceCodeLocationInfo: true }).childNodes) walk(node, false, false);
  endRun();
  return reading;
}

/** True when text shows a reader a word: a letter or a digit. */
export const hasWords = (text: string): boolean => /[\p{L}\p{N}]/u.test(text);
