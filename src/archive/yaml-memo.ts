import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { codeVersion, modulesFrom } from './pipeline-version';

/**
 * What frontmatter parsed to in the last build, by a hash of its YAML text: a
 * file whose frontmatter is as it was is read with `JSON.parse`, ten times
 * faster than the YAML parser (10,000 files: about 0.6 s against 0.05 s). Only
 * clean parses are kept, and only values that JSON gives back exactly
 * (`roundTrips`), so a kept parse is the parse. Line numbers come from the YAML
 * itself, parsed again only when a message needs one (`parseYamlText`).
 */
export interface YamlMemo {
  get(text: string): unknown;
  set(text: string, data: unknown): void;
  /** Writes the parses this read used or made, and only those, for the next read; best effort. */
  save(): void;
}

/** Kept parses are in `<dir>/frontmatter/<version>.jsonl`, a `<hash>\t<json>` line each. */
const FOLDER = 'frontmatter';

let version: string | undefined;

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

/** A memo kept in the cache folder `dir`; without one, a memo of this read only. */
export function createYamlMemo(dir: string | undefined): YamlMemo {
  // The parser's code and the lockfile (its version): another parser, other parses.
  version ??= codeVersion(modulesFrom('src/archive/frontmatter.ts')).slice(0, 16);
  const file = dir && path.join(dir, FOLDER, `${version}.jsonl`);
  /** The last build's parses, as JSON text, until this read takes them. */
  const before = new Map<string, string>();
  if (file) {
    try {
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        const tab = line.indexOf('\t');
        if (tab > 0) before.set(line.slice(0, tab), line.slice(tab + 1));
      }
    } catch {
      // No memo yet, or an unreadable one: every file is parsed.
    }
  }
  const used = new Map<string, string>();
  return {
    get(text) {
      const hash = hashOf(text);
      const json = used.get(hash) ?? before.get(hash);
      if (json === undefined) return undefined;
      used.set(hash, json);
      before.delete(hash);
      try {
        return JSON.parse(json) as unknown;
      } catch {
        used.delete(hash);
        return undefined;
      }
    },
    set(text, data) {
      if (roundTrips(data)) used.set(hashOf(text), JSON.stringify(data));
    },
    save() {
      if (!file) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}.tmp`;
        writeFileSync(temporary, [...used].map(([hash, json]) => `${hash}\t${json}\n`).join(''));
        renameSync(temporary, file);
        // Memos of other parser versions are of no further use.
        for (const name of readdirSync(path.dirname(file))) {
          if (name !== path.basename(file) && !name.endsWith('.tmp')) rmSync(path.join(path.dirname(file), name), { force: true });
        }
      } catch {
        // The next read parses the YAML again: slower, never wrong.
      }
    },
  };
}

/**
 * Whether `JSON.parse(JSON.stringify(value))` gives `value` back exactly: only
 * strings, finite numbers (not -0), booleans, null, arrays and plain objects.
 * YAML's `.inf`, `.nan` and `-0` would come back as something else.
 */
export function roundTrips(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(roundTrips);
  if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(roundTrips);
}
