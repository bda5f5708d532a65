import { readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { contentIssue, type ContentIssue } from '../errors/content-issue';

/** What a path in the content folder turned out to be, following symlinks. */
export type PathKind =
  | { kind: 'file' | 'folder' | 'other' }
  | { kind: 'missing' }
  | { kind: 'broken'; target: string }
  | { kind: 'loop' }
  | { kind: 'unreadable'; code: string };

/**
 * Looks at `file` without ever throwing: a broken symlink, a symlink loop and
 * a permission error are answers, not crashes. `entry` saves a `stat` for
 * plain files and folders.
 */
export function pathKind(file: string, entry?: Dirent): PathKind {
  if (entry && !entry.isSymbolicLink()) {
    return { kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'folder' : 'other' };
  }
  try {
    const stats = statSync(file);
    return { kind: stats.isFile() ? 'file' : stats.isDirectory() ? 'folder' : 'other' };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    if (code === 'ELOOP') return { kind: 'loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      try {
        return { kind: 'broken', target: readlinkSync(file) };
      } catch {
        return { kind: 'missing' };
      }
    }
    return { kind: 'unreadable', code };
  }
}

/** Why a path of this kind cannot be used, as a problem of `file`; `undefined` for files and folders. */
export function kindProblem(found: PathKind, file: string): ContentIssue | undefined {
  switch (found.kind) {
    case 'broken':
      return contentIssue('path-broken-symlink', { file }, { target: found.target });
    case 'loop':
      return contentIssue('path-symlink-loop', { file }, {});
    case 'unreadable':
      return contentIssue('path-unreadable', { file }, { reason: found.code });
    case 'missing':
      return contentIssue('path-missing', { file });
    default:
      return undefined;
  }
}

export interface ContentFiles {
  /** `.md` files, sorted so builds are repeatable. */
  files: string[];
  /** Files with a near-miss extension (`.MD`, `.markdown`), to warn about. */
  nearMisses: string[];
  /** Entries that cannot be read as content, and why (files as `show` shows them). */
  problems: ContentIssue[];
}

/** Deeper than any archive needs, shallow enough to stop before paths get too long. */
const MAX_DEPTH = 32;
const NEAR_MISS = /\.(md|markdown|mdx|mdown)$/i;

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Lists the `.md` files under `dir` (in subfolders too when `recursive`),
 * following symlinks, and reports what cannot be content instead of crashing
 * or hanging on it: symlink loops (including a linked folder that contains
 * the folder it is in), broken symlinks, folders named `*.md`, pipes or
 * devices named `*.md` (reading one would wait forever), and nesting deeper
 * than 32 folders. `show` turns paths in messages into what the newsroom
 * sees. Names starting with `_` or `.` (drafts, templates, `.git`)
 * are skipped, as Astro skips them.
 */
export function listMarkdownFiles(
  dir: string,
  { recursive, show = (file) => file }: { recursive: boolean; show?: (file: string) => string },
): ContentFiles {
  const found: ContentFiles = { files: [], nearMisses: [], problems: [] };

  const walk = (folder: string, depth: number, ancestors: readonly string[]) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      found.problems.push(contentIssue('path-unreadable', { file: show(folder) }, { reason: (error as NodeJS.ErrnoException).code ?? 'unknown error' }));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (/^[_.]/.test(entry.name)) continue;
      const file = path.join(folder, entry.name);
      const isMarkdown = entry.name.endsWith('.md');
      const kind = pathKind(file, entry);
      const problem = kindProblem(kind, show(file));
      if (problem) {
        // A dead link to a picture is not our business; one that may have been an article or a folder of them is.
        if (isMarkdown || (recursive && !/\.[^.]+$/.test(entry.name))) found.problems.push(problem);
        continue;
      }
      if (kind.kind === 'folder') {
        if (isMarkdown) {
          found.problems.push(contentIssue('folder-named-md', { file: show(file) }));
          continue;
        }
        if (!recursive) continue;
        const real = realpathSync(file);
        if (ancestors.some((ancestor) => isInside(real, ancestor))) {
          found.problems.push(contentIssue('path-symlink-loop', { file: show(file) }, { leadsTo: show(real) }));
          continue;
        }
        if (depth >= MAX_DEPTH) {
          found.problems.push(contentIssue('path-too-deep', { file: show(file) }, { depth: MAX_DEPTH }));
          continue;
        }
        walk(file, depth + 1, [...ancestors, real]);
      } else if (kind.kind === 'file') {
        if (isMarkdown) found.files.push(file);
        else if (NEAR_MISS.test(entry.name)) found.nearMisses.push(file);
      } else if (isMarkdown) {
        found.problems.push(contentIssue('path-not-regular-file', { file: show(file) }));
      }
    }
  };

  walk(dir, 0, [realpathSync(dir)]);
  found.files.sort();
  return found;
}
