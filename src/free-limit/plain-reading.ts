import { parseEntities } from 'parse-entities';
import { MARKER_EXACT } from './marker';

/**
 * A second model of the cut, independent of the Markdown parser: the body
 * read as a person skimming the file would, in chunks of lines between blank
 * lines. It knows no Markdown grammar beyond what a writer sees at a glance:
 * quote marks and list bullets at the start of a line, `#` headings, code
 * fences, link definitions, pictures, and HTML tags and comments, each only
 * where it opens and closes inside one chunk. It never asks micromark anything, so a surprise in the
 * parser (a block that swallows paragraphs, a heading that is really a
 * paragraph, text that became code) shows up as a disagreement between the two.
 * Each list item starts a chunk of its own, as it starts a paragraph to a reader.
 *
 * Where it errs, it errs towards seeing more paragraphs: a chunk inside a code
 * fence or a long comment counts, where the parser would not count it. That
 * only ever makes the build refuse, never publish more.
 */
export interface PlainChunk {
  /** Offset of its first character in the body. */
  start: number;
  /** Offset just after its last character. */
  end: number;
  /** 1-based line where it starts. */
  line: number;
}

export interface PlainReading {
  /** Chunks that show a reader words, in order. */
  chunks: PlainChunk[];
  /** Lines that hold exactly the marker, after quote marks and bullets. */
  markerLines: { offset: number; line: number }[];
}

/** Quote marks, bullets, numbers and indentation before a line's content. */
const PREFIX = /^(?:[ \t]*>|[ \t]*(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))*[ \t]*/;
/** A bullet or number: each item of a list is a paragraph of its own to a reader. */
const BULLET = /^(?:[ \t]*>)*[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;

/** What a glance does not read as words, within one chunk. */
const UNSEEN: readonly [RegExp, string][] = [
  [/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[`~]*[ \t]*$/gm, ' '],
  [/<!--[\s\S]*?-->/g, ' '],
  [/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' '],
  [/!\[[^\]\n]*\]\([^)\n]*\)/g, ' '],
  [/!\[[^\]\n]*\](?:\[[^\]\n]*\])?/g, ' '],
  [/\]\([^)\n]*\)/g, ']'],
  [/<[^>]*>/g, ' '],
  [/^\[(?!\^)[^\]\n]+\]:.*$/gm, ' '],
  [/^#{1,6}(?:[ \t].*)?$/gm, ' '],
  [/^(?:`{3,}|~{3,}).*$/gm, ' '],
];

function showsWords(lines: readonly string[]): boolean {
  let text = lines.join('\n');
  for (const [pattern, replacement] of UNSEEN) text = text.replace(pattern, replacement);
  return /[\p{L}\p{N}]/u.test(parseEntities(text));
}

/** Reads a body plainly: its chunks of words and its marker lines. */
export function readPlainly(markdown: string): PlainReading {
  const reading: PlainReading = { chunks: [], markerLines: [] };
  let chunk: { start: number; end: number; line: number; lines: string[] } | undefined;
  const close = () => {
    if (chunk && showsWords(chunk.lines)) reading.chunks.push({ start: chunk.start, end: chunk.end, line: chunk.line });
    chunk = undefined;
  };
  let offset = 0;
  markdown.split('\n').forEach((line, index) => {
    const prefix = PREFIX.exec(line)![0].length;
    const content = line.slice(prefix);
    if (!content.trim()) close();
    else {
      if (BULLET.test(line)) close();
      if (MARKER_EXACT.test(content.trim())) reading.markerLines.push({ offset: offset + prefix, line: index + 1 });
      chunk ??= { start: offset, end: offset, line: index + 1, lines: [] };
      chunk.lines.push(content);
      chunk.end = offset + line.length;
    }
    offset += line.length + 1;
  });
  close();
  return reading;
}

/** Whether anything after the line holding `offset` shows a reader words, read plainly. */
export function showsWordsAfter(markdown: string, offset: number): boolean {
  const next = markdown.indexOf('\n', offset);
  if (next === -1) return false;
  return showsWords(markdown.slice(next + 1).split('\n').map((line) => line.slice(PREFIX.exec(line)![0].length)));
}
