import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { CATALOGUE, type IssueArgs } from '../errors/catalogue';
import type { YamlMemo } from './yaml-memo';

export interface FrontmatterSplit {
  /** The parsed YAML: usually an object, but callers must check. */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** Lines before the body, to turn body line numbers into file line numbers. */
  bodyLineOffset: number;
  /**
   * The line in the file where a field (`['tags', 2]`) is written, or where its
   * entry is when the field itself is missing from a list entry; `undefined`
   * when the field is missing from the top level, where no line would help.
   */
  lineOf: (path: readonly PropertyKey[]) => number | undefined;
}

type FrontmatterCode = 'frontmatter-missing' | 'frontmatter-unclosed' | 'yaml-invalid' | 'yaml-unreadable';

/** Why frontmatter or a YAML file could not be read: a code of the catalogue, with its line of the file when known. */
export class FrontmatterError<C extends FrontmatterCode = FrontmatterCode> extends Error {
  readonly code: C;
  readonly line: number | undefined;
  readonly args: IssueArgs<C>;
  constructor(code: C, line: number | undefined, args: IssueArgs<C>) {
    super(`${line === undefined ? '' : `line ${line}: `}${(CATALOGUE[code].message as (args: IssueArgs<C>) => string)(args)}`);
    this.name = 'FrontmatterError';
    this.code = code;
    this.line = line;
    this.args = args;
  }
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
// Not the `m` flag: in JavaScript its `^` and `$` also match at U+2028, U+2029
// and a lone `\r`, which would let a value in the YAML end the frontmatter early.
const CLOSE = /(?:^|\n)---[ \t]*(?=\r?\n|$)/;

export interface ParsedYaml {
  data: unknown;
  lineOf: FrontmatterSplit['lineOf'];
}

/**
 * Parses YAML (1.2 core schema, unique keys, aliases capped) that starts at line
 * `firstLine` of its file, so every line number in an error or from `lineOf` is
 * a line of the file, not of the YAML. With a `memo`, YAML parsed clean in an
 * earlier build is taken from it (`yaml-memo.ts`).
 */
export function parseYamlText(text: string, { firstLine = 1, memo }: { firstLine?: number; memo?: YamlMemo } = {}): ParsedYaml {
  const kept = memo?.get(text);
  if (kept !== undefined) {
    // Parsed clean in an earlier build: the lines are worked out only if a message asks for one.
    let lines: ParsedYaml['lineOf'] | undefined;
    return { data: kept, lineOf: (path) => (lines ??= parseYamlText(text, { firstLine }).lineOf)(path) };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const lineAt = (offset: number) => Math.max(lineCounter.linePos(offset).line, 1) + firstLine - 1;
  const [error] = document.errors;
  if (error) {
    // An unclosed quote or bracket is found where the YAML ends; the newsroom
    // needs the line where it was opened.
    const unclosed = error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT' ? openedAt(document, error.pos[0]) : undefined;
    const offset = unclosed ?? Math.min(error.pos[0], text.replace(/\s+$/, '').length);
    const line = lineAt(offset);
    const lineText = text.split('\n')[line - firstLine] ?? '';
    throw new FrontmatterError('yaml-invalid', line, { explanation: explain(error.code, error.message, lineText) });
  }
  let data: unknown;
  try {
    // Aliases are capped: a "billion laughs" file is an error, not a hung build.
    data = detached(document.toJS({ maxAliasCount: 50 }));
  } catch (cause) {
    throw new FrontmatterError('yaml-unreadable', undefined, { reason: (cause as Error).message.split('\n')[0]! });
  }
  memo?.set(text, data);
  return { data, lineOf: (path) => fieldLine(document, path, lineAt) };
}

/** V8 keeps a substring this long or longer as a slice of its parent string, not a copy. */
const SLICED_FROM = 13;

/**
 * A copy of parsed YAML whose strings hold no reference to the text they were
 * read from. V8 keeps a substring of 13 characters or more as a slice of its
 * parent, so one tag or author id kept for the whole build would keep its
 * whole file alive: in a 10,000-article archive, a third of the files' text
 * (about 60 MB) stayed in memory for no reason, and so on as it grows.
 * JSON.parse always makes new strings. Keys are kept as own properties, even
 * `__proto__`.
 */
function detached(value: unknown): unknown {
  if (typeof value === 'string') return value.length < SLICED_FROM ? value : (JSON.parse(JSON.stringify(value)) as string);
  if (Array.isArray(value)) return value.map(detached);
  if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    Object.defineProperty(copy, key, { value: detached(field), enumerable: true, writable: true, configurable: true });
  }
  return copy;
}

/**
 * Splits a Markdown file into YAML frontmatter and body. YAML 1.2 core schema:
 * dates stay strings, so our own date parser reports bad ones by field. Line
 * numbers in errors are lines of the file (the YAML starts on line 2).
 */
export function splitFrontmatter(source: string, memo?: YamlMemo): FrontmatterSplit {
  const open = OPEN.exec(source);
  if (!open) throw new FrontmatterError('frontmatter-missing', undefined, {});
  const rest = source.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new FrontmatterError('frontmatter-unclosed', 1, {});
  const yamlText = rest.slice(0, close.index).replace(/\r$/, '');
  const { data, lineOf } = parseYamlText(yamlText, { firstLine: 2, memo });
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const bodyLineOffset = source.slice(0, source.length - afterClose.length).split('\n').length - 1;
  return { data: data ?? {}, body: afterClose, bodyLineOffset, lineOf };
}

/** `key: value` on one line, with the value not quoted, not a list or mapping, not a block. */
const PLAIN_PAIR = /^\s*(?:-\s+)?([^\s"'#:][^:#]*?):[ \t]+([^\s"'[{|>&*!][^#]*?)\s*$/;

/** The YAML library's message, made actionable for the common mistakes. */
function explain(code: string, message: string, lineText: string): string {
  const first = message.split('\n')[0]!;
  const pair = PLAIN_PAIR.exec(lineText.replace(/\r$/, ''));
  if (code === 'DUPLICATE_KEY') {
    const key = /^\s*(?:-\s+)?([^:#]+?)\s*:/.exec(lineText)?.[1];
    return key ? `"${key}" is set twice; keep one` : first;
  }
  if (pair && pair[2]!.includes(': ')) {
    const [, key, value] = pair;
    const quoted = `"${value!.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    return `${first}; a value containing ": " must be in quotes: ${key}: ${quoted}`;
  }
  return first;
}

/** Where a quoted value or `[...]`/`{...}` list that runs on to `end` without closing starts. */
function openedAt(document: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(document, (_key, node) => {
    const unclosed =
      (isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) ||
      ((isSeq(node) || isMap(node)) && node.flow === true);
    if (unclosed && node.range && node.range[1] === end && node.range[0] < end) start = node.range[0];
  });
  return start;
}

/** The file line of the node at `path`, or of the nearest entry above it inside a list. */
function fieldLine(
  document: Document,
  path: readonly PropertyKey[],
  lineAt: (offset: number) => number,
): number | undefined {
  let node: unknown = document.contents;
  let found: Node | undefined;
  for (const [depth, key] of path.entries()) {
    const next: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
    if (next === undefined) {
      // A field missing from the top level has no line worth pointing at.
      return depth === 0 || !found?.range ? undefined : lineAt(found.range[0]);
    }
    if (isMap(node)) {
      // Point at the key (`title:`), where the field is written, not at a value that may start lines later.
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      const keyNode: unknown = pair?.key;
      found = isScalar(keyNode) ? keyNode : (next as Node);
    } else {
      found = next as Node;
    }
    node = next;
  }
  return found?.range ? lineAt(found.range[0]) : undefined;
}
