import { readdirSync } from 'node:fs';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import settings from '../../src/settings';
import { builtSite } from '../helpers/built-site';
import { readPage } from '../helpers/site-files';

/** The article links of a `data-list` list on a page. */
const links = (html: HTMLElement, name: string) =>
  html.querySelectorAll(`[data-list="${name}"] .story__title a`).map((link) => link.getAttribute('href') ?? '');

describe('the lists under every article of the sample paper', () => {
  let site = '';
  let slugs: string[] = [];
  beforeAll(() => {
    site = builtSite('sample');
    slugs = readdirSync(path.join(site, 'articles')).sort();
  });

  it('fills Similar stories to its length and More from this author as far as the writer has other stories, never one story in both', () => {
    const { moreFromAuthor: authorLength, similar: similarLength } = settings.lists;
    expect(slugs.length).toBeGreaterThan(1 + authorLength + similarLength);
    const problems: string[] = [];
    for (const slug of slugs) {
      const url = `/articles/${slug}/`;
      const html = parse(readPage(site, url));
      const author = html.querySelector('.article__byline a[rel="author"]')?.getAttribute('href') ?? '';
      const othersByAuthor = links(parse(readPage(site, author)), 'author-articles').filter((href) => href !== url).length;
      const fromAuthor = links(html, 'more-from-author');
      const similar = links(html, 'similar-stories');
      const shown = [url, ...fromAuthor, ...similar];
      if (fromAuthor.length !== Math.min(authorLength, othersByAuthor)) problems.push(`${slug}: ${fromAuthor.length} from the author (has ${othersByAuthor} others)`);
      if (similar.length !== similarLength) problems.push(`${slug}: ${similar.length} similar stories`);
      if (new Set(shown).size !== shown.length) problems.push(`${slug}: a story twice, or the article itself: ${JSON.stringify({ fromAuthor, similar })}`);
      if (html.querySelector('[data-list="similar-stories"] .story-list__empty')) problems.push(`${slug}: says it has no similar stories`);
    }
    expect(problems).toEqual([]);
  });
});
