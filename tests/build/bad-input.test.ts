import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroBuild, projectRoot } from '../helpers/astro-build';
import { article, contentFolder, type ContentChange } from '../helpers/content-folder';

/** Builds a broken folder the way a newsroom would, and returns what it printed. */
function failedBuild(changes: Record<string, ContentChange>) {
  const { dir, cleanup } = contentFolder(changes);
  const outDir = path.join(dir, 'out');
  try {
    const result = astroBuild({ CONTENT_DIR: dir, OUT_DIR: outDir });
    return { ...result, dir, wroteSite: existsSync(outDir) };
  } finally {
    cleanup();
  }
}

describe('building broken content', () => {
  it.each([
    ['an unknown author', { 'articles/x.md': article({ author: 'bob' }) }, /articles\/x\.md:3: author: "bob" is not a known author \(.*authors\/bob\.md not found\)/],
    ['a missing headline', { 'articles/2024/y.md': article({ title: undefined }) }, /articles\/2024\/y\.md: title: is required \[field-required\]/],
    ['two free-limit markers', { 'articles/z.md': article({}, 'A\n\n<!-- free-limit -->\n\nB\n\n<!-- free-limit -->\n') }, /articles\/z\.md:10: body: has 2 free-limit markers \(lines 10, 14\)/],
    ['a duplicate slug', { 'articles/2023/first.md': article({}) }, /articles\/2024\/first\.md: duplicate slug "first": .*articles\/2023\/first\.md and this file would both be \/articles\/first\/ \[slug-duplicate\]/],
    ['broken YAML', { 'articles/w.md': '---\ntitle: [unclosed\n---\nBody\n' }, /articles\/w\.md:2: frontmatter: is not valid YAML/],
  ])('fails with %s, naming the file and field, and writes no site', (_name, changes, message) => {
    const result = failedBuild(changes);
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(message);
    expect(result.wroteSite).toBe(false);
  });

  it('refuses every family of unsafe cut, each named with its file and line, and writes no site', () => {
    const paid = '\n\nPaid sentence that must never ship.\n\nAnother paid sentence.\n\nA third paid sentence.\n';
    const result = failedBuild({
      'articles/dash.md': article({}, `Free.\n\n<!—free-limit—>${paid}`),
      'articles/hidden.md': article({}, `Free.\n\n<!-- free\u200B-limit -->${paid}`),
      'articles/cyrillic.md': article({}, `Free.\n\n<!-- frее-limit -->${paid}`),
      'articles/open.md': article({}, `Free.\n\n<!-- free-limit${paid}`),
      'articles/fence.md': article({}, `Free.\n\n\`\`\`\ncode\n\n<!-- free-limit -->${paid}`),
      'articles/pre.md': article({}, `Free.\n\n<pre>\nA poem\n</pre >${paid}`),
      'articles/prose-closer.md': article({}, `Free.\n\n<!-- a note\n\nFree two.\n\nRoute A --> B${paid}`),
      'articles/more.md': article({}, `Free.\n\n<!--more Keep reading-->${paid}`),
      'articles/own-cut.md': article({}, `Free.\n\n<!-- paywall starts here -->${paid}`),
      'articles/footnote.md': article({}, `Free.[^n]\n\n[^n]: A note.\n\n    > <!-- free-limit -->${paid}`),
      'articles/code.md': article({}, `Free.\n\n    Indented, so code.\n\n    And this.\n\nFree two.\n\nFree three.${paid}`),
    });
    expect(result.code, result.output).not.toBe(0);
    const { output } = result;
    expect(output).toMatch(/articles\/dash\.md:10: body: "<!—free-limit—>" looks like a free-limit marker but is not one/);
    expect(output).toMatch(/articles\/hidden\.md:10: body: "<!-- free<U\+200B>-limit -->" looks like a free-limit marker.*invisible character/);
    expect(output).toMatch(/articles\/cyrillic\.md:10: body: .*letters from another alphabet/);
    expect(output).toMatch(/articles\/open\.md:10: body: an HTML comment \(<!--\) opens here and is never closed/);
    expect(output).toMatch(/articles\/fence\.md:10: body: a code fence \(```\) opens here and is never closed/);
    expect(output).toMatch(/articles\/pre\.md:10: body: a <pre> block opens here and is never closed with "<\/pre>"/);
    expect(output).toMatch(/articles\/prose-closer\.md:10: body: .*runs past a blank line/);
    expect(output).toMatch(/articles\/more\.md:10: body: "<!--more Keep reading-->" is another system's marker \(WordPress/);
    expect(output).toMatch(/articles\/own-cut\.md:10: body: "<!-- paywall starts here -->" reads as a cut/);
    expect(output).toMatch(/articles\/footnote\.md:12: body: has a free-limit marker inside a footnote, where it cannot cut/);
    expect(output).toMatch(/articles\/code\.md:\d+: body: the build cannot be certain where the free part ends/);
    expect(output).not.toContain('Paid sentence');
    expect(result.wroteSite).toBe(false);
  });

  it('refuses a folder with symlink traps, reserved and clashing names and control characters, naming each file, and writes no site', () => {
    const started = performance.now();
    const result = failedBuild({
      'articles/2024/loop': { symlink: '..' },
      'articles/gone.md': { symlink: 'nowhere.md' },
      'articles/rss.xml.md': article({}),
      'articles/2025/First.md': article({}),
      'articles/bell.md': article({ title: '"Budget\\a day"' }),
      'articles/colon.md': article({ title: 'Budget: what changes' }),
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/articles\/2024\/loop: is a symlink loop/);
    expect(result.output).toMatch(/articles\/gone\.md: is a broken symlink \(it points to "nowhere\.md", which does not exist\)/);
    expect(result.output).toMatch(/articles\/rss\.xml\.md: file name "rss\.xml" is a reserved name/);
    expect(result.output).toMatch(/articles\/2025\/First\.md: slug "First" clashes with "first" in .*articles\/2024\/first\.md/);
    expect(result.output).toMatch(/articles\/bell\.md:2: title: contains an invisible control character \(U\+0007, at character 7\)/);
    expect(result.output).toMatch(/articles\/colon\.md:2: frontmatter: is not valid YAML: .*must be in quotes: title: "Budget: what changes" \[yaml-invalid\]/);
    expect(result.wroteSite).toBe(false);
    expect(performance.now() - started).toBeLessThan(60_000);
  });

  it('refuses pictures without alt text, missing or unreadable, in the old form or on the web, naming the file, the field or line, and the path, and writes no site', () => {
    const jpeg = { symlink: path.join(projectRoot, 'tests/fixtures/site/articles/2024/fair.jpg') };
    const result = failedBuild({
      'articles/pic.jpg': jpeg,
      'articles/notes.jpg': 'These are notes, not a picture.\n',
      'articles/no-alt.md': article({ image: '{ src: ./pic.jpg }' }),
      'articles/missing.md': article({ image: '{ src: ./pictures/gone.jpg, alt: A quay }' }),
      'articles/not-a-picture.md': article({ image: '{ src: ./notes.jpg, alt: Notes }' }),
      'articles/in-public.md': article({ image: '{ src: /images/nowhere.png, alt: Nowhere }' }),
      'articles/body.md': article({}, 'Free text.\n\n![The quay](./pictures/quay.jpg "A caption")\n'),
      'articles/old-form.md': article({ image: '/images/pier.jpg', imageAlt: 'The pier' }),
      'articles/on-the-web.md': article({ image: '{ src: "https://images.example.net/fair.jpg", alt: The fair }' }),
      'authors/ben.md': '---\nname: Ben Ink\nportrait:\n  src: ./ben.jpg\n---\nBen writes features.\n',
    });
    expect(result.code, result.output).not.toBe(0);
    const { output } = result;
    expect(output).toMatch(/articles\/no-alt\.md:7: image\.alt: is required: describe what the picture shows, or set decorative: true/);
    expect(output).toMatch(/articles\/missing\.md:7: image\.src: picture "\.\/pictures\/gone\.jpg" is not found \(\S*articles\/pictures\/gone\.jpg\)/);
    expect(output).toMatch(/articles\/not-a-picture\.md:7: image\.src: picture "\.\/notes\.jpg" is not a picture Masthead can read \(.+\); use JPEG, PNG, WebP or AVIF/);
    expect(output).toMatch(/articles\/in-public\.md:7: image\.src: picture "\/images\/nowhere\.png" is not found \(\S*public\/images\/nowhere\.png\)/);
    expect(output).toMatch(/articles\/body\.md:10: body: picture "\.\/pictures\/quay\.jpg" is not found \(\S*articles\/pictures\/quay\.jpg\)/);
    expect(output).toMatch(/articles\/old-form\.md:7: image: is now a group of fields, not a bare path: write image: \{ src: "\/images\/pier\.jpg", alt: "what the picture shows" \}/);
    expect(output).toMatch(/articles\/old-form\.md:8: imageAlt: is no longer used: write the alt text inside image/);
    expect(output).toMatch(/articles\/on-the-web\.md:7: image\.src: "https:\/\/images\.example\.net\/fair\.jpg" is a web address; .*save the picture beside the article and write its path \(\.\/fair\.jpg\)/);
    expect(output).toMatch(/authors\/ben\.md:4: portrait\.src: picture "\.\/ben\.jpg" is not found/);
    expect(result.wroteSite).toBe(false);
  });
});
