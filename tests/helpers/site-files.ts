import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateRawSync } from 'node:zlib';

/** Every file under `dir`, as paths relative to it, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Every file of two folders, compared byte for byte: the paths that differ. */
export function differences(a: string, b: string): string[] {
  const files = [...new Set([...listFiles(a), ...listFiles(b)])].sort();
  return files.filter((file) => {
    const left = path.join(a, file);
    const right = path.join(b, file);
    return !existsSync(left) || !existsSync(right) || !readFileSync(left).equals(readFileSync(right));
  });
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
/** PNG, JPEG, GIF, WebP or AVIF, by the file's first bytes (names can lie). */
function isPicture(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 12);
  return (
    head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ||
    (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) ||
    head.subarray(0, 4).toString('latin1') === 'GIF8' ||
    (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') ||
    head.subarray(4, 8).toString('latin1') === 'ftyp'
  );
}

/**
 * The text a picture file could carry (EXIF and XMP descriptions, PNG text
 * chunks, comments): its runs of eight or more printable characters, as
 * `strings` finds them. A sentence stored in a picture is found; the pixels,
 * most of a site's bytes once it has pictures, are not searched as text.
 */
function textRuns(bytes: Buffer): string {
  return (bytes.toString('utf8').match(/[^\u0000-\u0008\u000e-\u001f\u007f\ufffd]{8,}/g) ?? []).join('\n');
}

export function findInSite(dir: string, needles: readonly string[]): Leak[] {
  // Each needle as written and with its typography folded, to meet the folded form of the text.
  const normalised = needles.map((needle) =>
    [needle, foldTypography(needle)].map((form) => form.replace(/\s+/g, ' ').trim().toLowerCase()),
  );
  const leaks: Leak[] = [];
  for (const file of listFiles(dir)) {
    const bytes = decompress(file, readFileSync(path.join(dir, file)));
    const forms = readableForms(isPicture(bytes) ? textRuns(bytes) : bytes.toString('utf8'));
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

/** A run of bytes to look for, named for the report. */
export interface ByteNeedle {
  label: string;
  bytes: Buffer;
}

/**
 * The forms in which a file's `bytes` could sit inside another file: the
 * bytes themselves, and the bytes as base64 and base64url text (a data URI,
 * JSON, a script string) at each of the three alignments a longer text could
 * encode them at. Whole files only: slices of small pictures are mostly
 * headers, which every picture of a format and size shares.
 */
function byteForms(bytes: Buffer): Buffer[] {
  const forms = [bytes];
  for (const shift of [0, 1, 2]) {
    // Whole triples from `shift` on: those characters are the same wherever the text begins, as long as it began on a triple boundary there.
    const tail = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    const encoded = tail.toString('base64');
    forms.push(Buffer.from(encoded), Buffer.from(encoded.replace(/\+/g, '-').replace(/\//g, '_')));
  }
  return forms;
}

/**
 * Scans every file of a built site (decompressed where needed) for any of the
 * needles' bytes, whole, in clear or base64: for pictures that must not be
 * published, whatever a file is called or holds them in.
 */
export function findBytesInSite(dir: string, needles: readonly ByteNeedle[]): Leak[] {
  const forms = needles.map((needle) => ({ label: needle.label, forms: byteForms(needle.bytes) }));
  const leaks: Leak[] = [];
  for (const file of listFiles(dir)) {
    const bytes = decompress(file, readFileSync(path.join(dir, file)));
    for (const needle of forms) {
      if (needle.forms.some((form) => bytes.includes(form))) leaks.push({ file, needle: needle.label });
    }
  }
  return leaks;
}
