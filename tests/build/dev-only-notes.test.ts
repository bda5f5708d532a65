import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/built-site';
import { findInSite } from '../helpers/site-files';

describe('notes for writers in astro dev', () => {
  let site = '';
  beforeAll(() => {
    site = builtSite('sample');
  });

  it('never reach a built site: no free-limit word count in any file of the sample paper', () => {
    expect(findInSite(site, ['data-dev-free-limit', 'shown by npm run dev only', 'words free ('])).toEqual([]);
  });
});
