import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A small valid content folder; tests override or delete files to break it. */
export const validContent: Record<string, string | null> = {
  'sections.yaml': '- id: news\n  name: News\n- id: arts\n  name: Arts\n  description: Stage and screen.\n',
  'authors/ada.md': '---\nname: Ada Quill\nrole: Reporter\n---\nAda writes about the valley.\n',
  'authors/ben.md': '---\nname: Ben Ink\n---\nBen writes features.\n',
  'articles/2024/first.md':
    '---\ntitle: First story\nauthor: ada\nsection: news\ndate: 2024-06-08\nstandfirst: The first one.\n---\nOne.\n\nTwo.\n\n<!-- free-limit -->\n\nPaid three.\n',
  'articles/2024/second.md':
    '---\ntitle: Second story\nauthor: ben\nsection: arts\ndate: 2024-06-09T10:00:00Z\nstandfirst: The second one.\ntags: [theatre]\naccess: free\n---\nAll free.\n',
};

/** A change to the folder: a file's text, `null` to delete it, or a symlink to `target` (relative to the link's folder). */
export type ContentChange = string | null | { symlink: string };

/**
 * Writes `validContent` with `changes` applied (a `null` value deletes a file)
 * into a fresh temporary folder, and returns its path and a cleanup function.
 */
export function contentFolder(changes: Record<string, ContentChange> = {}): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-content-'));
  for (const [file, change] of Object.entries({ ...validContent, ...changes })) {
    if (change === null) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    if (typeof change === 'string') writeFileSync(path.join(dir, file), change);
    else symlinkSync(change.symlink, path.join(dir, file));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Frontmatter + body for an article, with fields overridden or removed (`undefined`). */
export function article(fields: Record<string, string | undefined>, body = 'Body.\n'): string {
  const base: Record<string, string | undefined> = {
    title: 'A story',
    author: 'ada',
    section: 'news',
    date: '2024-01-01',
    standfirst: 'What happened.',
    ...fields,
  };
  const lines = Object.entries(base)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${value}`);
  return `---\n${lines.join('\n')}\n---\n${body}`;
}
