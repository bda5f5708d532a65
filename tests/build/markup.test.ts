import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/built-site';
import { errorsUnder, javaUnavailable, markupErrors, type MarkupError } from '../helpers/markup-checker';

/**
 * Every page is checked by the Nu HTML Checker (vnu, the W3C validator's
 * engine): invalid markup is what browsers, screen readers and search engines
 * each repair in their own way.
 */
describe.skipIf(javaUnavailable)('valid HTML, by the Nu HTML Checker', () => {
  let sample = '';
  let keyed = '';
  let errors: MarkupError[] = [];
  beforeAll(() => {
    sample = builtSite('sample');
    keyed = builtSite('keyed');
    // One run for both sites: starting Java is most of the checker's time.
    errors = markupErrors([sample, ...['unlock/index.html', 'articles/marker-top-level/index.html'].map((page) => path.join(keyed, page))]);
  });

  it('finds no error on any page of the sample paper', () => {
    expect(errorsUnder(errors, sample)).toEqual([]);
  });

  it('finds no error on the unlock page or on an article sealed for subscriber keys', () => {
    expect(errorsUnder(errors, keyed)).toEqual([]);
  });
});
