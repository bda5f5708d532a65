import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroBuildEnv, projectRoot } from '../helpers/astro-build';
import { article, validContent } from '../helpers/content-folder';

/**
 * A newsroom's clone in miniature: the project's package.json, src/ and
 * node_modules/ (linked), a content folder, and the opt-in
 * `git config core.hooksPath` pointing at this project's .githooks/.
 */
const repo = mkdtempSync(path.join(os.tmpdir(), 'masthead-hook-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

function git(...args: string[]) {
  const result = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd: repo,
    env: astroBuildEnv({ MASTHEAD_CACHE_DIR: 'off', MASTHEAD_THREADS: '1' }),
    encoding: 'utf8',
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

function write(file: string, text: string) {
  mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
  writeFileSync(path.join(repo, file), text);
}

copyFileSync(path.join(projectRoot, 'package.json'), path.join(repo, 'package.json'));
symlinkSync(path.join(projectRoot, 'src'), path.join(repo, 'src'));
symlinkSync(path.join(projectRoot, 'node_modules'), path.join(repo, 'node_modules'));
for (const [file, text] of Object.entries(validContent)) if (text !== null) write(`content/${file}`, text);
write('.gitignore', 'src\nnode_modules\n');

describe('the pre-commit hook (git config core.hooksPath .githooks)', () => {
  it('refuses a commit with a broken article, naming file, line and field, and checks only what is staged', () => {
    expect(git('init', '-q').code).toBe(0);
    expect(git('add', '.').code).toBe(0);
    expect(git('commit', '-q', '--no-verify', '-m', 'start').code).toBe(0);
    expect(git('config', 'core.hooksPath', path.join(projectRoot, '.githooks')).code).toBe(0);

    write('content/articles/2024/broken.md', article({ author: 'bob' }));
    git('add', 'content/articles/2024/broken.md');
    const refused = git('commit', '-q', '-m', 'broken');
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toMatch(/content\/articles\/2024\/broken\.md:3: author: "bob" is not a known author/);
    expect(git('log', '--oneline').output.trim().split('\n')).toHaveLength(1);

    // The broken file stays in the working tree, unstaged; a good article is committed past it.
    git('reset', '-q', 'content/articles/2024/broken.md');
    write('content/articles/2024/good.md', article({ title: 'A good story' }));
    git('add', 'content/articles/2024/good.md');
    const accepted = git('commit', '-q', '-m', 'good');
    expect(accepted.code, accepted.output).toBe(0);
    expect(git('log', '--oneline').output.trim().split('\n')).toHaveLength(2);
  });
});
