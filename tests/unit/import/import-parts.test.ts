import { describe, expect, it } from 'vitest';
import { firstSentence, paywallFor, slugify } from '../../../src/import/convert';
import { feedDate } from '../../../src/import/feed';
import { ghostExport, ghostVisibility } from '../../../src/import/ghost';
import { decideWrite } from '../../../src/import/manifest';
import { originalCandidates, pictureFileName, uploadsPath } from '../../../src/import/pictures';
import { matchRedirect, mergeRedirects, nginxRedirects, oldPath, parseRedirects, redirectRules, redirectsFile } from '../../../src/import/redirects';
import type { SourcePost } from '../../../src/import/types';
import { wordPressDate } from '../../../src/import/wordpress';

describe('pictures of the old site', () => {
  it("finds an upload's place in the uploads or images folder, and nothing for another site's picture", () => {
    expect(uploadsPath('https://paper.example/wp-content/uploads/2024/05/pier-300x200.jpg', 'wordpress')).toBe('2024/05/pier-300x200.jpg');
    expect(uploadsPath('https://paper.files.wordpress.com/2013/03/pier.jpg?w=604', 'wordpress')).toBe('2013/03/pier.jpg');
    expect(uploadsPath('__GHOST_URL__/content/images/size/w600/2024/06/quay.jpg', 'ghost')).toBe('2024/06/quay.jpg');
    expect(uploadsPath('https://images.unsplash.com/photo-1', 'ghost')).toBeUndefined();
    // An address that climbs out of the uploads is no upload: nothing outside the folder is ever read.
    expect(uploadsPath('https://paper.example/wp-content/uploads/../../etc/passwd', 'wordpress')).toBeUndefined();
  });

  it("prefers the original over WordPress's resized copies, then the largest copy", () => {
    const folder = ['pier-150x150.jpg', 'pier-1024x683.jpg', 'pier-300x200.jpg', 'quay.jpg'];
    expect(originalCandidates('2024/05/pier-300x200.jpg', () => folder)).toEqual([
      '2024/05/pier.jpg',
      '2024/05/pier-scaled.jpg',
      '2024/05/pier-1024x683.jpg',
      '2024/05/pier-300x200.jpg',
      '2024/05/pier-150x150.jpg',
    ]);
  });

  it('names a copied picture as a file the build accepts', () => {
    expect(pictureFileName('Hafen Blick (2).JPG')).toBe('hafen-blick-2.jpg');
  });
});

describe('redirects', () => {
  const rules = redirectRules([
    { from: oldPath('https://old.example/2013/01/hello-world/')!, to: '/articles/hello-world/' },
    { from: '/?p=12', to: '/articles/hello-world/' },
    { from: '/articles/same/', to: '/articles/same/' },
  ]);

  it('sends every old permalink, with and without its slash, to the new address, never an address to itself', () => {
    expect(rules).toEqual([
      { from: '/2013/01/hello-world', to: '/articles/hello-world/' },
      { from: '/2013/01/hello-world/', to: '/articles/hello-world/' },
      { from: '/?p=12', to: '/articles/hello-world/' },
    ]);
    const hosted = parseRedirects(redirectsFile(rules));
    expect(matchRedirect(hosted, '/2013/01/hello-world/')).toBe('/articles/hello-world/');
    expect(matchRedirect(hosted, '/unknown/')).toBeUndefined();
  });

  it('writes the nginx form, with queries in a map', () => {
    const nginx = nginxRedirects(rules);
    expect(nginx).toContain('location = "/2013/01/hello-world/" { return 301 "/articles/hello-world/"; }');
    expect(nginx).toContain('#   "/?p=12" "/articles/hello-world/";');
  });

  it('keeps the rules of an earlier import and lines a person added', () => {
    const merged = mergeRedirects([{ from: '/shop/', to: '/sections/business/' }], rules);
    expect(merged.map((rule) => rule.from)).toContain('/shop/');
  });
});

describe('the manifest', () => {
  it('writes new files, updates its own, and keeps a file changed since the last import', () => {
    expect(decideWrite(undefined, undefined, 'n')).toBe('created');
    expect(decideWrite('a', 'a', 'a')).toBe('unchanged');
    expect(decideWrite('a', 'a', 'b')).toBe('updated');
    expect(decideWrite('a', 'edited', 'b')).toBe('kept-edited');
    expect(decideWrite(undefined, 'theirs', 'b')).toBe('kept-existing');
  });
});

describe('sources', () => {
  it("reads WordPress's local and GMT times as a date with its offset", () => {
    expect(wordPressDate('2013-01-10 20:15:40', '2013-01-11 03:15:40')).toEqual({ iso: '2013-01-10T20:15:40-07:00', guessed: false });
    expect(wordPressDate('2024-05-02 09:30:00', '2024-05-02 08:30:00')).toEqual({ iso: '2024-05-02T09:30:00+01:00', guessed: false });
    expect(wordPressDate('2024-05-20 12:00:00', '0000-00-00 00:00:00')).toEqual({ iso: '2024-05-20T12:00:00Z', guessed: true });
  });

  it("reads a feed's dates with their offset", () => {
    expect(feedDate('Thu, 02 May 2024 08:30:00 +0100')).toBe('2024-05-02T08:30:00+01:00');
    expect(feedDate('2 May 2024 08:30 GMT')).toBe('2024-05-02T08:30:00Z');
    expect(feedDate('2024-04-01T08:00:00+02:00')).toBe('2024-04-01T08:00:00+02:00');
    expect(feedDate('someday')).toBeUndefined();
  });

  it("reads Ghost's visibility, reading any filter it does not know as paid", () => {
    expect(['public', 'members', 'paid', 'tiers', 'status:-free', 'product:gold'].map((value) => ghostVisibility(value))).toEqual(['public', 'members', 'paid', 'tiers', 'paid', 'tiers']);
  });

  it('takes authors, the primary tag as section and the rest as tags from a Ghost export, leaving internal tags out', () => {
    const { posts, site } = ghostExport({
      posts: [{ id: 'p', title: 'T', slug: 't', html: '<p>x</p>', status: 'published', visibility: 'public', published_at: '2024-01-01T00:00:00.000Z' }],
      users: [{ id: 'u', name: 'Ann', slug: 'ann', bio: 'Writes.' }],
      tags: [{ id: 'a', name: 'Harbour', slug: 'harbour' }, { id: 'b', name: 'Boats', slug: 'boats' }, { id: 'c', name: '#internal', slug: 'hash-internal' }],
      posts_authors: [{ post_id: 'p', author_id: 'u', sort_order: 0 }],
      posts_tags: [{ post_id: 'p', tag_id: 'c', sort_order: 0 }, { post_id: 'p', tag_id: 'a', sort_order: 1 }, { post_id: 'p', tag_id: 'b', sort_order: 2 }],
      posts_meta: [],
      tiers: [],
      posts_tiers: [],
    });
    expect(posts[0]).toMatchObject({ authors: ['u'], sections: [{ slug: 'harbour' }], tags: [{ slug: 'boats' }], date: '2024-01-01T00:00:00.000Z' });
    expect(site.authors.get('u')).toMatchObject({ name: 'Ann', bio: 'Writes.' });
  });
});

describe('the paywall decision', () => {
  const post = (visibility: SourcePost['visibility'], autop = false) => ({ visibility, autop }) as SourcePost;

  it("keeps a public Ghost post free, and cuts a members' post where Ghost did or, with no marker, at the top", () => {
    expect(paywallFor(post('public'), true, false)).toEqual({ access: 'free', cutAtTop: false });
    expect(paywallFor(post('paid'), true, false)).toEqual({ access: 'subscribers', cutAtTop: false });
    expect(paywallFor(post('paid'), false, false)).toEqual({ access: 'subscribers', cutAtTop: true });
    expect(paywallFor(post('members'), false, false).note).toMatch(/became subscribers/);
  });

  it("leaves a WordPress post without a cut to the paper's default", () => {
    expect(paywallFor(post('public', true), false, false)).toEqual({ cutAtTop: false });
    expect(paywallFor(post('public', true), true, true)).toEqual({ access: 'subscribers', cutAtTop: false });
  });
});

describe('names and words', () => {
  it('makes slugs the build accepts, keeping letters of any script and avoiding reserved names', () => {
    expect(slugify('Ελληνικά Greek!')).toBe('ελληνικά-greek');
    expect(slugify("Editor's note")).toBe('editors-note');
    expect(slugify('search')).toBe('search-1');
    expect(slugify('!!!')).toBe('');
  });

  it('takes the first sentence for a standfirst', () => {
    expect(firstSentence('The ferry is late again. It was late yesterday.')).toBe('The ferry is late again.');
    expect(firstSentence('No full stop here')).toBe('No full stop here');
  });
});
