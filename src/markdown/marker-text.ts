import { decodeNamedCharacterReference } from 'decode-named-character-reference';

/**
 * Raw text folded the way a reader's eye folds it, so that a damaged marker
 * looks like the marker it was meant to be. `rawOffset[i]` is where the `i`th
 * character of `text` came from in the raw source.
 */
export interface FoldedText {
  text: string;
  rawOffset: number[];
}

/**
 * Characters that take no room on screen: zero-width spaces and joiners, the
 * soft hyphen, word joiner and invisible operators, bidi controls, the
 * byte-order mark, the combining grapheme joiner, Mongolian vowel separator.
 */
export const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/u;

/** Every dash and hyphen Unicode knows, and the minus signs that look like them. */
const DASH = /[\p{Pd}\u2212\u2043\u02D7\u2796\uFE63\uFF0D]/u;

const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/y;

function decodeEntity(body: string): string | undefined {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  const named = decodeNamedCharacterReference(body);
  return named === false ? undefined : named;
}

/** One pass: decode entities, drop invisibles, NFKC, fold dashes, lower case. */
function foldOnce(source: string, sourceOffset: readonly number[] | undefined): FoldedText {
  let text = '';
  const rawOffset: number[] = [];
  const origin = (index: number) => (sourceOffset ? sourceOffset[index]! : index);
  const emit = (value: string, from: number) => {
    for (const char of value.normalize('NFKC')) {
      if (INVISIBLE.test(char)) continue;
      for (const unit of DASH.test(char) ? '-' : char.toLowerCase()) {
        text += unit;
        // One entry per UTF-16 unit, as regular expressions count.
        for (let k = 0; k < unit.length; k++) rawOffset.push(from);
      }
    }
  };
  let index = 0;
  while (index < source.length) {
    if (source[index] === '&') {
      ENTITY.lastIndex = index;
      const match = ENTITY.exec(source);
      const decoded = match ? decodeEntity(match[1]!) : undefined;
      if (match && decoded !== undefined) {
        emit(decoded, origin(index));
        index += match[0].length;
        continue;
      }
    }
    const code = source.charCodeAt(index);
    if (code < 0x80) {
      // ASCII, nearly every character of a body: nothing to normalise but case.
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : source[index];
      rawOffset.push(origin(index));
      index++;
      continue;
    }
    const char = String.fromCodePoint(source.codePointAt(index)!);
    emit(char, origin(index));
    index += char.length;
  }
  return { text, rawOffset };
}

/**
 * Folds raw Markdown for the marker check: HTML entities decoded (twice, for
 * copy that was escaped twice), invisible characters removed, Unicode NFKC
 * (full-width `＜！－－` becomes `<!--`), every dash folded to `-`, lower case.
 * Line breaks are kept, so lines still line up with the source.
 */
export function foldForMarkers(raw: string): FoldedText {
  // Invisibles go first: one pasted inside `&#45;` must not break the entity.
  let visible = '';
  const visibleOffset: number[] = [];
  for (let index = 0; index < raw.length; index++) {
    if (raw.charCodeAt(index) >= 0x80 && INVISIBLE.test(raw[index]!)) continue;
    visible += raw[index];
    visibleOffset.push(index);
  }
  const once = foldOnce(visible, visibleOffset);
  return once.text.includes('&') ? foldOnce(once.text, once.rawOffset) : once;
}

/** The 1-based line of a raw offset. */
export function lineAt(raw: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < raw.length; index++) if (raw.charCodeAt(index) === 10) line++;
  return line;
}

/**
 * A short, honest rendering of what the writer's file holds: invisible
 * characters shown as `<U+200B>`, so a message can point at them.
 */
export function showRaw(value: string, max = 60): string {
  let shown = '';
  for (const char of value.trim()) {
    shown += INVISIBLE.test(char) ? `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>` : char;
  }
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

/** Damerau–Levenshtein distance, capped: returns `cap + 1` as soon as it is exceeded. */
export function editDistance(a: string, b: string, cap = 2): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(best);
    }
    if (i > 0 && Math.min(...rows[i]!) > cap) return cap + 1;
  }
  return rows[a.length]![b.length]!;
}
