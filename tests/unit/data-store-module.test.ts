import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { dataStoreModule } from '../../src/integrations/data-store-module';

const dir = mkdtempSync(path.join(tmpdir(), 'masthead-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The plugin's `load` handler, called as Vite would call it. */
function load(plugin: Plugin, id: string) {
  const hook = plugin.load as { order: string; handler: (id: string) => { code: string; meta: unknown } | null };
  expect(hook.order).toBe('pre');
  return hook.handler.call({} as never, id);
}

describe('the data store module of a build', () => {
  it('gives the pages the store Astro wrote, read from its file rather than inlined into the bundle', async () => {
    // A store as Astro writes it (devalue's JSON), with characters a JavaScript string literal would have to escape.
    const store = [['Map', 1, 2], 'articles', { id: 'a', data: { title: 'Quotes “ \\ " and \u2028 a line separator' } }];
    const file = path.join(dir, 'data-store.json');
    writeFileSync(file, JSON.stringify(store));
    const loaded = load(dataStoreModule(() => pathToFileURL(file)), '\0astro:data-layer-content');
    expect(loaded).not.toBeNull();
    // Not one word of the store is in the module's code, however large the store grows.
    expect(loaded!.code).not.toContain('Quotes');
    // Left out of pages' code keys, as Astro's own module is, so a changed entry does not re-render every page.
    expect(loaded!.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    const module = path.join(dir, 'store-module.mjs');
    writeFileSync(module, loaded!.code);
    const { default: value } = (await import(pathToFileURL(module).href)) as { default: unknown };
    // The parsed store, which astro/dist/content/data-store.js unflattens.
    expect(value).toEqual(store);
  });

  it("leaves Astro's module alone when there is no store file, or the store is split in chunks", () => {
    const missing = dataStoreModule(() => pathToFileURL(path.join(dir, 'none.json')));
    expect(load(missing, '\0astro:data-layer-content')).toBeNull();
    expect(load(dataStoreModule(() => undefined), '\0astro:data-layer-content')).toBeNull();
  });

  it('touches no other module, and only builds', () => {
    const plugin = dataStoreModule(() => pathToFileURL(path.join(dir, 'data-store.json')));
    expect(load(plugin, 'astro:content')).toBeNull();
    expect(load(plugin, '\0astro:data-layer-content-chunk:0.json')).toBeNull();
    expect(plugin.apply).toBe('build');
  });
});
