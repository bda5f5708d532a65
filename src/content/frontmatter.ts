import { parseDocument } from 'yaml';

export interface FrontmatterSplit {
  /** The parsed YAML: usually an object, but callers must check. */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** Lines before the body, to turn body line numbers into file line numbers. */
  bodyLineOffset: number;
}

/** Why frontmatter could not be read; `line` is 1-based within the file. */
export class FrontmatterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FrontmatterError';
  }
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
// Not the `m` flag: in JavaScript its `^` and `$` also match at U+2028, U+2029
// and a lone `\r`, which would let a value in the YAML end the frontmatter early.
const CLOSE = /(?:^|\n)---[ \t]*(?=\r?\n|$)/;

/**
 * Splits a Markdown file into YAML frontmatter and body. YAML 1.2 core schema:
 * dates stay strings, so our own date parser reports bad ones by field.
 */
export function splitFrontmatter(source: string): FrontmatterSplit {
  const open = OPEN.exec(source);
  if (!open) throw new FrontmatterError('has no frontmatter (the file must start with a line "---")');
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new FrontmatterError('has frontmatter that is never closed (add a line "---" after it)');
  const yamlText = rest.slice(0, close.index).replace(/\r$/, '');
  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    throw new FrontmatterError(`frontmatter is not valid YAML (line ${line}: ${error.message.split('\n')[0]})`);
  }
  let data: unknown;
  try {
    // Aliases are capped: a "billion laughs" file is an error, not a hung build.
    data = document.toJS({ maxAliasCount: 50 });
  } catch (cause) {
    throw new FrontmatterError(`frontmatter could not be read (${(cause as Error).message.split('\n')[0]})`);
  }
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLineOffset = source.slice(0, source.length - afterClose.length).split('\n').length - 1;
  return { data: data ?? {}, body: afterClose, bodyLineOffset };
}
