import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateRawSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Undoes gzip (by its magic bytes, whatever the file is called) and brotli (`.br`). */
function decompress(file: string, bytes: Buffer): Buffer {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      return decompress(file, gunzipSync(bytes));
    } catch {
      return bytes;
    }
  }
  if (file.endsWith('.br')) {
    try {
      return brotliDecompressSync(bytes);
    } catch {
      return bytes;
    }
  }
  if (file.endsWith('.deflate')) return inflateRawSync(bytes);
  return bytes;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * Typography undone, so that a paid sentence the build typeset still matches
 * the sentence in the source: every quotation mark and apostrophe, straight or
 * curly, single or double (a locale turns the writer's "double" quotes into
 * ‘single’ ones), as `'`; `--`, `---` and every dash as `-`; `...` as an
 * ellipsis.
 */
export function foldTypography(text: string): string {
  return text
    .replace(/[‘’‚′“”„″«»"]/g, "'")
    .replace(/-{2,3}|[–—]/g, '-')
    .replace(/\.\.\./g, '…')
    .replace(/\u202F/g, ' ');
}

/**
 * The readable forms of a file's text: as stored; with HTML tags, entities and
 * JSON/JS escapes undone; with whitespace collapsed. A paid sentence hidden by
 * any of those encodings is still found.
 */
export function readableForms(raw: string): string[] {
  const unescaped = raw
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\(["'\\/])/g, '$1')
    .replace(/\\n/g, '\n');
  const decoded = unescaped
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&([a-z]+);/gi, (match, name: string) => entities[name.toLowerCase()] ?? match);
  const textOnly = decoded.replace(/<[^>]*>/g, ' ');
  return [raw, decoded, textOnly, foldTypography(textOnly)].map((form) => form.replace(/\s+/g, ' ').toLowerCase());
}

export interface Leak {
  file: string;
  needle: string;
}

/**
 * Scans every file of a built site, decompressing where needed, for any of the
 * needles (case-insensitive, whitespace-normalised). Returns what it found.
 */
export function findInSite(dir: string, needles: readonly string[]): Leak[] {
  // Each needle as written and with its typography folded, to meet the folded form of the text.
  const normalised = needles.map((needle) =>
    [needle, foldTypography(needle)].map((form) => form.replace(/\s+/g, ' ').trim().toLowerCase()),
  );
  const leaks: Leak[] = [];
  for (const file of listFiles(dir)) {
    const text = decompress(file, readFileSync(path.join(dir, file))).toString('utf8');
    const forms = readableForms(text);
    normalised.forEach(([needle, folded], index) => {
      if (forms.some((form) => form.includes(needle!) || form.includes(folded!))) leaks.push({ file, needle: needles[index]! });
    });
  }
  return leaks;
}

/** Reads a built page by its URL path, e.g. `/articles/x/`. */
export function readPage(dir: string, urlPath: string): string {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return readFileSync(path.join(dir, file), 'utf8');
}
