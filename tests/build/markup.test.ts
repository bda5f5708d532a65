import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/built-site';
import { javaUnavailable, markupErrors } from '../helpers/markup-checker';

/**
 * Every page is checked by the Nu HTML Checker (vnu, the W3C validator's
 * engine): invalid markup is what browsers, screen readers and search engines
 * each repair in their own way.
 */
describe.skipIf(javaUnavailable)('valid HTML, by the Nu HTML Checker', () => {
  let sample = '';
  let keyed = '';
  beforeAll(() => {
    sample = builtSite('sample');
    keyed = builtSite('keyed');
  });

  it('finds no error on any page of the sample paper', () => {
    expect(markupErrors([sample], sample)).toEqual([]);
  }, 120_000);

  it('finds no error on the unlock page or on an article sealed for subscriber keys', () => {
    const pages = ['unlock/index.html', 'articles/marker-top-level/index.html'].map((page) => path.join(keyed, page));
    expect(markupErrors(pages, keyed)).toEqual([]);
  }, 120_000);
});
