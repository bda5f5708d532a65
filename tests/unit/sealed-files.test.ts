import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSealedStore, pruneSealedStore, sealedStorePath, writeSealedFiles } from '../../src/pictures/sealed-files';
import { newSealedFileName } from '../../src/subscribers/envelope';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});
const folder = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-sealed-test-'));
  folders.push(dir);
  return dir;
};

describe('the store of sealed files', () => {
  it('keeps files in the cache, copies only the ones pages name into _sealed/, and keeps the cache', async () => {
    const cache = folder();
    const out = folder();
    const store = createSealedStore(cache);
    const [named, unnamed] = [newSealedFileName(), newSealedFileName()];
    store.put(named, new Uint8Array([1, 2, 3]));
    store.put(unnamed, new Uint8Array([4]));
    expect(store.holds([named, unnamed])).toBe(true);
    expect(store.holds([named, newSealedFileName()])).toBe(false);
    store.use([named]);
    const files = store.files()!;
    expect(files).toEqual({ dir: path.join(cache, 'sealed'), temporary: false, names: [named] });
    await writeSealedFiles(files, out);
    expect(readdirSync(path.join(out, '_sealed'))).toEqual([`${named}.bin`]);
    expect([...readFileSync(path.join(out, '_sealed', `${named}.bin`))]).toEqual([1, 2, 3]);
    expect(existsSync(sealedStorePath(files.dir, unnamed))).toBe(true);
  });

  it('without a cache, keeps them in a temporary folder that is gone once they are copied, and writes no empty folder', async () => {
    const out = folder();
    expect(createSealedStore(undefined).files()).toBeUndefined();
    const store = createSealedStore(undefined);
    const name = newSealedFileName();
    store.put(name, new Uint8Array([9]));
    const unused = store.files()!;
    expect(unused).toMatchObject({ temporary: true, names: [] });
    await writeSealedFiles(unused, out);
    expect(existsSync(unused.dir)).toBe(false);
    expect(existsSync(path.join(out, '_sealed'))).toBe(false);
  });

  it('refuses a name that is not a sealed file’s, and prunes files unused for a week', async () => {
    const cache = folder();
    expect(() => sealedStorePath(cache, '../../etc/passwd')).toThrow(/not a sealed file name/);
    const store = createSealedStore(cache);
    const [old, recent] = [newSealedFileName(), newSealedFileName()];
    store.put(old, new Uint8Array([1]));
    store.put(recent, new Uint8Array([2]));
    const weekAgo = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    utimesSync(sealedStorePath(path.join(cache, 'sealed'), old), weekAgo, weekAgo);
    expect(await pruneSealedStore(path.join(cache, 'sealed'))).toBe(1);
    expect(store.holds([recent])).toBe(true);
    expect(store.holds([old])).toBe(false);
  });
});
