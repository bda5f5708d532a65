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
const CLOSE = /^---[ \t]*$/m;

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
  const yamlText = rest.slice(0, close.index);
  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    const line = (error.linePos?.[0].line ?? 0) + 1;
    throw new FrontmatterError(`frontmatter is not valid YAML (line ${line}: ${error.message.split('\n')[0]})`);
  }
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLineOffset = source.slice(0, source.length - afterClose.length).split('\n').length - 1;
  return { data: document.toJS() ?? {}, body: afterClose, bodyLineOffset };
}
