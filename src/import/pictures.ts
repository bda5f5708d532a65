import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Finding a picture of the old site in the folder the newsroom gave
 * (WordPress's `wp-content/uploads`, Ghost's `content/images`), never on the
 * network. WordPress keeps resized copies beside each upload
 * (`harbour-300x200.jpg`, `harbour-scaled.jpg`): the original is preferred,
 * then the largest copy.
 */

/** Where a picture of the old site lives in its uploads folder, or `undefined` when it is not one of the site's uploads. */
export function uploadsPath(url: string, source: 'wordpress' | 'ghost', baseUrl?: string): string | undefined {
  const cleaned = url.trim().replace(/^__GHOST_URL__/, 'https://ghost.invalid');
  let pathname: string;
  let hostname = '';
  try {
    const parsed = new URL(cleaned, 'https://relative.invalid/');
    pathname = decodeURIComponent(parsed.pathname);
    hostname = parsed.hostname;
  } catch {
    return undefined;
  }
  const marker = source === 'wordpress' ? /\/wp-content\/uploads\/(.+)$/ : /\/content\/images\/(?:size\/w\d+(?:h\d+)?\/)?(?:format\/\w+\/)?(.+)$/;
  const found = pathname.match(marker);
  if (found) return normalise(found[1]!);
  // WordPress.com serves uploads from `files.wordpress.com/2013/03/x.jpg`.
  if (source === 'wordpress' && /(^|\.)files\.wordpress\.com$/.test(hostname)) return normalise(pathname.replace(/^\//, ''));
  if (source === 'wordpress' && baseUrl && hostname !== 'relative.invalid') {
    try {
      if (new URL(baseUrl).hostname === hostname && /^\/\d{4}\/\d{2}\/[^/]+\.\w+$/.test(pathname)) return normalise(pathname.slice(1));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function normalise(relative: string): string | undefined {
  const parts = relative.split('/').filter((part) => part && part !== '.');
  if (parts.some((part) => part === '..')) return undefined;
  return parts.join('/');
}

/** `harbour-300x200.jpg` → `{ stem: 'harbour', ext: '.jpg', size: 60000 }`; `harbour-scaled.jpg` → scaled. */
export function resizedName(name: string): { stem: string; ext: string; width?: number; height?: number; scaled?: boolean } {
  const ext = path.extname(name);
  const base = name.slice(0, name.length - ext.length);
  const sized = base.match(/^(.*)-(\d+)x(\d+)$/);
  if (sized) return { stem: sized[1]!, ext, width: Number(sized[2]), height: Number(sized[3]) };
  const scaled = base.match(/^(.*)-scaled$/);
  if (scaled) return { stem: scaled[1]!, ext, scaled: true };
  return { stem: base, ext };
}

/**
 * The files to try for an upload, best first: the original, WordPress's
 * `-scaled` full size, then the resized copies found in the folder, largest
 * first, then the name as written.
 */
export function originalCandidates(relative: string, listFolder: (folder: string) => readonly string[]): string[] {
  const folder = path.posix.dirname(relative);
  const { stem, ext } = resizedName(path.posix.basename(relative));
  const inFolder = (name: string) => (folder === '.' ? name : `${folder}/${name}`);
  const copies = listFolder(folder)
    .map((name) => ({ name, parsed: resizedName(name) }))
    .filter(({ parsed }) => parsed.stem === stem && parsed.ext.toLowerCase() === ext.toLowerCase() && parsed.width !== undefined)
    .sort((a, b) => b.parsed.width! * b.parsed.height! - a.parsed.width! * a.parsed.height! || a.name.localeCompare(b.name))
    .map(({ name }) => inFolder(name));
  return [...new Set([inFolder(`${stem}${ext}`), inFolder(`${stem}-scaled${ext}`), ...copies, relative])];
}

/** Looks pictures up in one folder, listing each subfolder once. */
export class PictureFolder {
  private readonly listings = new Map<string, readonly string[]>();
  readonly root: string;
  readonly source: 'wordpress' | 'ghost';
  readonly baseUrl: string | undefined;

  constructor(root: string, source: 'wordpress' | 'ghost', baseUrl?: string) {
    this.root = root;
    this.source = source;
    this.baseUrl = baseUrl;
  }

  private list = (folder: string): readonly string[] => {
    let names = this.listings.get(folder);
    if (!names) {
      try {
        names = readdirSync(path.join(this.root, folder));
      } catch {
        names = [];
      }
      this.listings.set(folder, names);
    }
    return names;
  };

  /**
   * The file for a picture's address: `{ file }` when found (the best copy),
   * `{ missing }` with the name it should have had, or `undefined` when the
   * address is not one of the old site's uploads.
   */
  find(url: string): { file: string; name: string } | { missing: string } | undefined {
    const relative = uploadsPath(url, this.source, this.baseUrl);
    if (!relative) return undefined;
    for (const candidate of originalCandidates(relative, this.list)) {
      const names = this.list(path.posix.dirname(candidate));
      if (!names.includes(path.posix.basename(candidate))) continue;
      const file = path.join(this.root, candidate);
      try {
        if (statSync(file).isFile()) return { file, name: path.posix.basename(candidate) };
      } catch {
        // Listed but gone: try the next.
      }
    }
    return { missing: path.posix.basename(originalCandidates(relative, () => [])[0]!) };
  }
}

/** A file name a picture can have beside an article: letters, digits, dots, hyphens and underscores. */
export function pictureFileName(name: string): string {
  const ext = path.extname(name).toLowerCase();
  const stem = name.slice(0, name.length - path.extname(name).length);
  const clean = stem
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .toLowerCase();
  return `${clean || 'picture'}${ext || '.jpg'}`;
}
