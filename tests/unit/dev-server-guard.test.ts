import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { devServerFs, refusesRequest } from '../../src/integrations/dev-server-guard';

const root = mkdtempSync(path.join(os.tmpdir(), 'masthead-guard-'));
for (const file of ['content/articles/a.md', 'src/pages/index.astro', 'public/favicon.svg', 'paper/articles/b.md', 'secrets/ring.txt', 'README.md', 'public/x.keys']) {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), 'x');
}
symlinkSync('../paper/articles/b.md', path.join(root, 'public/b.md'));
const paths = { root, contentDir: path.join(root, 'paper'), keysFile: path.join(root, 'secrets/ring.txt') };
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('refusesRequest', () => {
  it.each([
    '/content/articles/a.md',
    '/paper/articles/b.md?import',
    `/@fs${root}/paper/articles/b.md`,
    '/secrets/ring.txt',
    '/public/x.keys',
    '/public/b.md',
    '/README.md?import',
    '/CONTENT/articles/a.md',
  ])('refuses %s', (url) => {
    expect(refusesRequest(paths, url)).toBe(true);
  });

  it('refuses a content file under the base path as well', () => {
    expect(refusesRequest(paths, '/news/paper/articles/b.md', { base: '/news/' })).toBe(true);
  });

  it.each(['/', '/articles/why.keys/', '/sections/content/', '/src/pages/index.astro', '/favicon.svg', '/@vite/client', '/bad%zzencoding'])(
    'lets %s through to Vite and Astro',
    (url) => {
      expect(refusesRequest(paths, url)).toBe(false);
    },
  );
});

describe('devServerFs', () => {
  it('is strict, allows only sources, public files and packages, and keeps Vite’s own deny list', () => {
    const fs = devServerFs(paths);
    expect(fs.strict).toBe(true);
    expect(fs.allow).toEqual(['src', 'public', 'node_modules'].map((folder) => path.join(root, folder)));
    expect(fs.deny).toEqual(expect.arrayContaining(['.env', '.env.*', '**/.git/**', '*.keys', `${root}/paper/**`, `${root}/private-content/**`, `${root}/secrets/ring.txt`]));
  });
});
