import { describe, expect, it } from 'vitest';
import { pagesInOrder } from '../../src/feeds/sitemap';

describe('the sitemap integration', () => {
  it('hands @astrojs/sitemap the pages in the very order its own sort puts them', async () => {
    const handed: string[][] = [];
    const hook = pagesInOrder(({ pages }) => {
      handed.push(pages.map((page) => page.pathname));
    });
    const pathnames = ['articles/b-10/', 'articles/b-9/', 'authors/ada/2/', 'articles/Été/', 'authors/ada/10/', 'articles/a/', 'tags/x/', 'articles/b-100/', 'sections/news/'];
    await hook({ pages: pathnames.map((pathname) => ({ pathname })) } as never);
    // @astrojs/sitemap's own comparison (generate-sitemap.js).
    const theirs = [...pathnames].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(handed).toEqual([theirs]);
    expect(theirs.indexOf('articles/b-9/')).toBeLessThan(theirs.indexOf('articles/b-10/'));
  });
});
