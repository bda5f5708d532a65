import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { article, contentFolder } from '../helpers/content-folder';
import { runScript } from '../helpers/run-script';

const folders: Array<() => void> = [];
afterAll(() => folders.forEach((cleanup) => cleanup()));

/** `npm run check` on a folder, without the body cache (a test must not leave one behind). */
function check(dir: string, args: string[] = []) {
  return runScript('check', args, { CONTENT_DIR: dir, MASTHEAD_CACHE_DIR: 'off', MASTHEAD_THREADS: '1' });
}

// article(): the frontmatter is lines 1-7 (author on line 3), the body starts on line 8.
const broken = {
  'articles/unknown.md': article({ author: 'bob' }),
  'articles/yaml.md': '---\ntitle: [unclosed\n---\nBody\n',
  'articles/dash.md': article({}, 'Free.\n\n<!—free-limit—>\n\nPaid.\n'),
  'articles/two.md': article({}, 'A\n\n<!-- free-limit -->\n\nB\n\n<!-- free-limit -->\n'),
  'articles/picture.md': article({}, 'Free.\n\n![A quay](./quay.jpg)\n'),
  'articles/paid-picture.md': article({}, 'Free.\n\n<!-- free-limit -->\n\n![A crane](./crane.jpg)\n'),
  // A draft is left out of a public build, but it is what the writer is working on.
  'articles/draft.md': article({ draft: 'true' }, 'Free.\n\n<!-- free-limt -->\n\nPaid.\n'),
  // Valid, with what `npm run new` left for the writer: a warning, whatever the other files' problems.
  'articles/todo.md': article({}, 'TODO: the opening paragraphs, which every reader sees.\n'),
};

describe('npm run check', () => {
  it('exits 0 on a valid folder and says what it checked', () => {
    const { dir, cleanup } = contentFolder();
    folders.push(cleanup);
    const result = check(dir);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/No problems: 2 articles, 2 authors, 2 sections \(checked .+ in \d+\.\d s\)/);
  });

  it('exits 1 on an invalid folder and prints every problem as file:line: field: message, with a summary', () => {
    const { dir, cleanup } = contentFolder(broken);
    folders.push(cleanup);
    const result = check(dir);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    const lines = result.stdout.split('\n');
    const expected = [
      /articles\/unknown\.md:3: author: "bob" is not a known author \(.*authors\/bob\.md not found\) \[author-unknown\]$/,
      /articles\/yaml\.md:2: frontmatter: is not valid YAML: /,
      /articles\/dash\.md:10: body: "<!—free-limit—>" looks like a free-limit marker but is not one/,
      /articles\/two\.md:10: body: has 2 free-limit markers \(lines 10, 14\); keep exactly one \[free-limit-several\]$/,
      /articles\/picture\.md:10: body: picture "\.\/quay\.jpg" is not found/,
      // After the free limit: a public build never reads it, the subscriber edition needs it.
      /articles\/paid-picture\.md:12: body: picture "\.\/crane\.jpg" is not found/,
      /articles\/draft\.md:11: body: .*free-limt/,
    ];
    for (const pattern of expected) expect(lines.some((line) => pattern.test(line)), `${pattern} in\n${result.stdout}`).toBe(true);
    expect(result.stdout).toMatch(/^7 problems in 7 files \(checked /m);
    expect(result.stdout).toMatch(/^warning: .*articles\/todo\.md: still has TODO: placeholders/m);
  });

  it('with file names, reports only those files while still resolving authors and sections against the whole folder', () => {
    const { dir, cleanup } = contentFolder(broken);
    folders.push(cleanup);
    const one = check(dir, [path.join(dir, 'articles/two.md')]);
    expect(one.code, one.stdout + one.stderr).toBe(1);
    expect(one.stdout).toMatch(/two\.md:10: body: has 2 free-limit markers/);
    expect(one.stdout).not.toMatch(/unknown\.md|yaml\.md|dash\.md/);
    expect(one.stdout).toMatch(/^1 problem in 1 file \(checked 1 file in /m);
    const clean = check(dir, [path.join(dir, 'articles/2024/first.md')]);
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/No problems in 1 file/);
  });

  it('checks front.yaml against the articles: an unknown slug and a draft are named with their field and line', () => {
    const { dir, cleanup } = contentFolder({
      'articles/2024/later.md': article({ draft: 'true' }),
      'front.yaml': 'lead: first\ntop:\n  - gone\n  - later\n',
    });
    folders.push(cleanup);
    const result = check(dir);
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toMatch(/front\.yaml:3: top\.0: "gone" is not an article \(no articles\/\*\*\/gone\.md\) \[front-unknown-article\]$/m);
    expect(result.stdout).toMatch(/front\.yaml:4: top\.1: "later" is a draft, so it cannot be on the front page; pin it once it is published \[front-held\]$/m);
  });

  it('exits 2 on an unknown option, with its usage', () => {
    const result = check('content', ['--fast']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option --fast[\s\S]*Usage: npm run check/);
  });
});
