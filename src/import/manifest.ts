import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * What the import wrote, so a second run knows its own files from a
 * writer's: each file's SHA-256 as the import left it, in
 * `<content>/.masthead-import.json` (the archive reader skips names starting
 * with a dot). A file whose bytes still match is the import's to update; a
 * file that changed since is a writer's, and is kept.
 */

export const MANIFEST_FILE = '.masthead-import.json';

export interface Manifest {
  version: 1;
  /** Paths relative to the content folder, `/`-separated, to SHA-256 hex. */
  files: Record<string, string>;
}

export type WriteOutcome = 'created' | 'updated' | 'unchanged' | 'kept-edited' | 'kept-existing';

export const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * What to do with a file the import wants to write, from the manifest's
 * hash, the file's hash now (`undefined`: no file) and the new hash. Pure.
 */
export function decideWrite(recorded: string | undefined, current: string | undefined, next: string): WriteOutcome {
  if (current === undefined) return 'created';
  if (current === next) return 'unchanged';
  if (recorded === undefined) return 'kept-existing';
  if (recorded !== current) return 'kept-edited';
  return 'updated';
}

/** Writes files under a content folder by the manifest's rule; every write is atomic (a temporary file renamed). */
export class ContentWriter {
  private readonly manifest: Manifest;
  private readonly seen: Record<string, string> = {};
  readonly outcomes: { file: string; outcome: WriteOutcome }[] = [];

  readonly root: string;

  constructor(root: string) {
    this.root = root;
    const file = path.join(root, MANIFEST_FILE);
    let manifest: Manifest = { version: 1, files: {} };
    if (existsSync(file)) {
      try {
        const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
        if (parsed && typeof parsed.files === 'object' && parsed.files) manifest = { version: 1, files: parsed.files };
      } catch {
        throw new Error(`${file}: the import's record of its files is not readable JSON; move it away to import afresh (no file you edited is overwritten without it: every existing file is kept)`);
      }
    }
    this.manifest = manifest;
  }

  key(file: string): string {
    return path.relative(this.root, path.resolve(this.root, file)).split(path.sep).join('/');
  }

  /** True when an earlier run wrote `file` (relative to the root). */
  wrote(file: string): boolean {
    return this.manifest.files[this.key(file)] !== undefined;
  }

  /** Writes `data` at `file` (relative to the root, or absolute) unless a writer has changed it. */
  write(file: string, data: string | Buffer): WriteOutcome {
    const absolute = path.resolve(this.root, file);
    const key = this.key(file);
    const next = sha256(data);
    const current = existsSync(absolute) ? sha256(readFileSync(absolute)) : undefined;
    const outcome = decideWrite(this.manifest.files[key], current, next);
    if (outcome === 'created' || outcome === 'updated') {
      mkdirSync(path.dirname(absolute), { recursive: true });
      const temporary = `${absolute}.${process.pid}.tmp`;
      writeFileSync(temporary, data);
      renameSync(temporary, absolute);
    }
    // A file that is the import's (written now, or unchanged) is recorded; a writer's stays unrecorded or keeps its old hash.
    if (outcome === 'created' || outcome === 'updated' || outcome === 'unchanged') this.seen[key] = next;
    else if (this.manifest.files[key]) this.seen[key] = this.manifest.files[key];
    this.outcomes.push({ file: key, outcome });
    return outcome;
  }

  /** Copies a picture by the same rule. */
  copy(from: string, file: string): WriteOutcome {
    return this.write(file, readFileSync(from));
  }

  /** Saves the manifest: every file of earlier runs still recorded, this run's hashes over them. Sorted, so an unchanged run writes the same bytes. */
  save(): void {
    const files = { ...this.manifest.files, ...this.seen };
    const sorted = Object.fromEntries(Object.keys(files).sort().map((key) => [key, files[key]!]));
    const text = `${JSON.stringify({ version: 1, files: sorted }, null, 2)}\n`;
    const file = path.join(this.root, MANIFEST_FILE);
    if (existsSync(file) && readFileSync(file, 'utf8') === text) return;
    mkdirSync(this.root, { recursive: true });
    writeFileSync(file, text);
  }
}
