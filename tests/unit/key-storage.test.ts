import { describe, expect, it } from 'vitest';
import { keyStorageName } from '../../src/subscribers/key-storage';

describe('keyStorageName', () => {
  it('gives two papers on one origin different names', () => {
    const a = keyStorageName('https://owner.github.io', '/paper-a/');
    const b = keyStorageName('https://owner.github.io', '/paper-b/');
    expect(a).toBe('masthead:key:https://owner.github.io/paper-a/');
    expect(b).toBe('masthead:key:https://owner.github.io/paper-b/');
  });

  it('gives sites on different origins different names', () => {
    expect(keyStorageName('https://news.example.org', '/')).not.toBe(keyStorageName('https://example.org', '/'));
  });

  it('reads the same whatever the spelling of the site URL and base path', () => {
    const name = 'masthead:key:https://news.example.org/paper/';
    for (const [site, base] of [
      ['https://news.example.org', '/paper/'],
      ['https://news.example.org/', 'paper'],
      ['https://NEWS.example.org:443/ignored/path', '/paper'],
    ]) {
      expect(keyStorageName(site!, base!), `${site} ${base}`).toBe(name);
    }
    expect(keyStorageName('https://news.example.org', '/')).toBe('masthead:key:https://news.example.org/');
    expect(keyStorageName('https://news.example.org', '')).toBe('masthead:key:https://news.example.org/');
  });

  it('is not the unscoped name older builds used', () => {
    expect(keyStorageName('https://example.org', '/')).not.toBe('masthead:key');
  });
});
