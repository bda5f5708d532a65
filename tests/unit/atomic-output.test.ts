import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildingDir, removeLeftovers, swapIntoPlace } from '../../src/integrations/atomic-output';

let parent: string;
afterEach(() => rmSync(parent, { recursive: true, force: true }));

function folder(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function setup() {
  parent = mkdtempSync(path.join(os.tmpdir(), 'masthead-atomic-'));
  return { outDir: path.join(parent, 'dist'), building: buildingDir(path.join(parent, 'dist'), process.pid) };
}

describe('swapIntoPlace', () => {
  it('replaces the whole output folder with the new build, leaving nothing beside it', () => {
    const { outDir, building } = setup();
    folder(outDir, { 'index.html': 'old', 'gone/index.html': 'removed article' });
    folder(building, { 'index.html': 'new' });
    const previous = swapIntoPlace(building, outDir, (folder) => rmSync(folder, { recursive: true, force: true }));
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(path.join(outDir, 'gone'))).toBe(false);
    expect(path.basename(previous!)).toBe(`dist.previous-${process.pid}`);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('removes the previous output in the background, after the new one is in place', async () => {
    const { outDir, building } = setup();
    folder(outDir, { 'index.html': 'old', 'gone/index.html': 'removed article' });
    folder(building, { 'index.html': 'new' });
    swapIntoPlace(building, outDir);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('new');
    const deadline = Date.now() + 20_000;
    while (readdirSync(parent).length > 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('puts the first build in place when there was no output yet', () => {
    const { outDir, building } = setup();
    folder(building, { 'index.html': 'new' });
    swapIntoPlace(building, outDir);
    expect(readdirSync(parent)).toEqual(['dist']);
  });

  it('keeps a deploy checkout (.git) of the old output, as Astro does', () => {
    const { outDir, building } = setup();
    folder(outDir, { 'index.html': 'old', '.git/HEAD': 'ref: refs/heads/gh-pages' });
    folder(building, { 'index.html': 'new' });
    swapIntoPlace(building, outDir);
    expect(readFileSync(path.join(outDir, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/gh-pages');
  });
});

describe('removeLeftovers', () => {
  it('removes the folders of builds no longer running, and keeps those of a build still running and anything else', () => {
    const { outDir } = setup();
    folder(outDir, { 'index.html': 'live' });
    folder(`${outDir}.building-111`, { 'index.html': 'half' });
    folder(`${outDir}.previous-222`, { 'index.html': 'old' });
    folder(`${outDir}.building-333`, { 'index.html': 'in progress' });
    folder(`${outDir}-subscribers`, { 'index.html': 'edition' });
    folder(`${outDir}.building-notes`, { 'x.txt': 'not ours' });
    const removed = removeLeftovers(outDir, (pid) => pid === 333);
    expect(removed.map((dir) => path.basename(dir)).sort()).toEqual(['dist.building-111', 'dist.previous-222']);
    expect(readdirSync(parent).sort()).toEqual(['dist', 'dist-subscribers', 'dist.building-333', 'dist.building-notes']);
  });

  it('finds nothing to do when the parent folder does not exist yet', () => {
    setup();
    expect(removeLeftovers(path.join(parent, 'not-yet/dist'))).toEqual([]);
  });
});
