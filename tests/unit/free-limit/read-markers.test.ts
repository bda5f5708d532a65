import { describe, expect, it } from 'vitest';
import { READ_MORE_MARKERS, readsAsCut } from '../../../src/free-limit/read-more';
import { PAID, refusal, render } from './helpers';

describe('anything that reads as the marker but is not one stops the build, naming the line', () => {
  it.each([
    ['an em dash for --', 'Free.\n\n<!—free-limit—>\n\n'],
    ['en dashes for --', 'Free.\n\n<!–– free-limit ––>\n\n'],
    ['a non-breaking hyphen', 'Free.\n\n<!-- free\u2011limit -->\n\n'],
    ['a zero-width space', 'Free.\n\n<!-- free\u200B-limit -->\n\n'],
    ['a soft hyphen', 'Free.\n\n<!-- free\u00ADlimit -->\n\n'],
    ['a right-to-left mark', 'Free.\n\n<!-- free-\u200Flimit -->\n\n'],
    ['HTML escapes, as CMS exports write it', 'Free.\n\n&lt;!-- free-limit --&gt;\n\n'],
    ['double HTML escapes', 'Free.\n\n&amp;lt;!-- free-limit --&amp;gt;\n\n'],
    ['numeric character references', 'Free.\n\n&#60;!&#45;&#45; free-limit &#45;&#45;&#62;\n\n'],
    ['full-width characters', 'Free.\n\n＜！－－ free-limit －－＞\n\n'],
    ['a misspelling: free-limt', 'Free.\n\n<!-- free-limt -->\n\n'],
    ['a misspelling: free-limits', 'Free.\n\n<!-- free-limits -->\n\n'],
    ['a misspelling: fre-limit', 'Free.\n\n<!-- fre-limit -->\n\n'],
    ['no joiner: freelimit', 'Free.\n\n<!-- freelimit -->\n\n'],
    ['a space: free limit', 'Free.\n\n<!-- free limit -->\n\n'],
    ['an underscore, in capitals', 'Free.\n\n<!--FREE_LIMIT-->\n\n'],
    ['the words alone on a line', 'Free.\n\nfree-limit\n\n'],
    ['brackets instead of a comment', 'Free.\n\n[free-limit]\n\n'],
    ['a marker in an indented code block among other lines', 'Free.\n\n    some code\n    <!-- free-limit -->\n\n'],
    ['a marker in a closed code fence', 'Free.\n\n```\nexample\n<!-- free-limit -->\n```\n\n'],
    ['a marker inside `code`', 'Free.\n\n`<!-- free-limit -->` on a line\n\n'],
    ["a marker inside an image's alt text", 'Free.\n\n![A photo <!-- free-limit --> paid alt](a.png)\n\n'],
  ])('%s', (_what, before) => {
    const markdown = `${before}${PAID}`;
    const line = markdown.split('\n').findIndex((text) => /limi|free-/i.test(text)) + 1;
    const error = refusal(markdown);
    expect(error.message).toMatch(new RegExp(`^line ${line}: ".+" looks like a free-limit marker but is not one`));
    expect(error.message).toContain('write <!-- free-limit --> exactly, on a line of its own');
    expect(error.lines).toEqual([line]);
  });

  it('says what is wrong with a damaged marker', () => {
    expect(refusal(`Free.\n\n<!—free-limit—>\n\n${PAID}`).message).toContain('typographic dash');
    expect(refusal(`Free.\n\n<!-- free\u200B-limit -->\n\n${PAID}`).message).toMatch(/<!-- free<U\+200B>-limit -->.*invisible character \(U\+200B\)/);
    expect(refusal(`Free.\n\n&lt;!-- free-limit --&gt;\n\n${PAID}`).message).toContain('HTML-escaped');
    expect(refusal(`Free.\n\n<!-- frее-limit -->\n\n${PAID}`).message).toContain('letters from another alphabet that look like Latin ones (U+0435)');
    expect(refusal(`Free.\n\n<!-- free%2Dlimit -->\n\n${PAID}`).message).toContain('percent-encoded');
    expect(refusal(`Free.\n\n\\<\\!-- free\\-limit --\\>\n\n${PAID}`).message).toContain('backslash escapes');
    expect(refusal(`Free.\n\n    some code\n    <!-- free-limit -->\n\n${PAID}`).message).toContain('inside a code block');
  });

  it('refuses a marker inside link text, whose URL and title come after it', () => {
    const error = refusal(`Free [a link <!-- free-limit --> paid words](https://example.org/paid "Paid title").\n\n${PAID}`);
    expect(error.message).toMatch(/^line 1: has a free-limit marker inside the text of a link, where it cannot cut/);
  });

  it.each([
    ['inside a line of text', 'Free words <!-- free-limit --> paid words.', /^line 1: has a free-limit marker inside a line of text, where it cannot cut/],
    ['inside a heading', '# Head <!-- free-limit --> paid', /inside a heading/],
    ['inside a table cell', '| a | b |\n| - | - |\n| x <!-- free-limit --> | paid |', /inside a table cell/],
    ['inside emphasis', 'Free *a <!-- free-limit --> paid* words.', /inside emphasis/],
    ['inside a footnote', 'Free.[^1]\n\n[^1]: A note.\n\n    <!-- free-limit -->\n\n    Paid note.', /inside a footnote/],
    ['in a list inside a footnote', 'Free.[^1]\n\n[^1]: A note.\n\n    - item\n\n      <!-- free-limit -->\n\n    - paid item', /inside a footnote/],
    ['in a quote inside a footnote', 'Free.[^1]\n\n[^1]: A note.\n\n    > quoted\n    >\n    > <!-- free-limit -->', /inside a footnote/],
  ])('refuses an exact marker %s, where it cannot cut', (_what, before, message) => {
    expect(refusal(`${before}\n\n${PAID}`).message).toMatch(message);
  });

  it('refuses two markers, naming both lines', () => {
    const error = refusal('A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->\n\nC.');
    expect(error.message).toMatch(/^line 3: has 2 free-limit markers \(lines 3, 7\)/);
    expect(error.lines).toEqual([3, 7]);
  });

  it('refuses a marker glued to other HTML in one block', () => {
    expect(refusal(`Free.\n\n<div>\n<!-- free-limit -->\n</div>\n\n${PAID}`).message).toMatch(/^line 3: has a free-limit marker inside a block of HTML/);
  });

  it('refuses markers in free articles too: the file is wrong either way', () => {
    expect(() => render('A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->', 3, 'free')).toThrow(/2 free-limit markers/);
    expect(() => render('A.\n\n<!-- free-limt -->\n\nB.', 3, 'free')).toThrow(/looks like a free-limit marker/);
  });
});

describe("other systems' markers are refused, naming the system", () => {
  it.each([
    ['<!--more-->', 'WordPress'],
    ['<!-- more -->', 'WordPress'],
    ['<!--more Keep reading-->', 'WordPress'],
    ['<!--nextpage-->', 'WordPress: page break'],
    ['<!-- wp:more -->\n<!--more-->\n<!-- /wp:more -->', 'WordPress block editor'],
    ['<!--break-->', 'Drupal'],
    ["<a name='more'></a>", 'Blogger'],
    ['<hr id="system-readmore" />', 'Joomla'],
    ['<hr class="system-pagebreak" title="Part two" />', 'Joomla: page break'],
    ['<!-- PELICAN_END_SUMMARY -->', 'Pelican'],
    ['<!--members-only-->', 'Ghost'],
    ['<!--kg-card-begin: paywall-->', 'Ghost: paywall card'],
    ['<!-- excerpt -->', 'Jekyll'],
    ['<!-- truncate -->', 'Docusaurus'],
    ['{/* truncate */}', 'Docusaurus'],
    ['{{< paywall >}}', 'Hugo'],
    ['{% paywall %}', 'Liquid'],
    ['[[MORE]]', 'Tumblr'],
    ['[restrict paid="true"]', 'WordPress paywall plugins'],
    ['<lj-cut text="Read on">', 'LiveJournal'],
    ['<div class="paywall-jump" data-component-name="PaywallToDOM"></div>', 'Substack'],
    ['<div class="meteredContent"></div>', 'Medium'],
    ['&lt;!--more--&gt;', 'WordPress'],
  ])('%s (%s)', (marker, system) => {
    const error = refusal(`Free.\n\n${marker}\n\n${PAID}`);
    expect(error.message).toMatch(/^line 3: ".+" is another system's marker \(/);
    expect(error.message).toContain(system);
    expect(error.message).toContain('Masthead does not cut there');
  });

  it("refuses a writer's own note that reads as a cut, and says which words", () => {
    for (const note of ['<!-- paywall starts here -->', '<!-- members only below -->', '<!-- subscriber content follows -->', '<!-- END OF PREVIEW -->', '<!-- read more -->', '<!-- premium -->', '<!-- continue reading below -->']) {
      expect(refusal(`Free.\n\n${note}\n\n${PAID}`).message, note).toMatch(/^line 3: ".+" reads as a cut \(".+"\), and Masthead does not cut there/);
    }
  });

  it('leaves notes that say something else alone', () => {
    for (const note of ['<!-- TODO: add quotes from the harbour master -->', '<!-- check the figures with the desk -->', '<!-- photo credit to follow -->', '<!-- end -->']) {
      expect(render(`Free.\n\n${note}\n\nFree two.\n\n<!-- free-limit -->\n\n${PAID}`).cut, note).toBe(true);
    }
    expect(readsAsCut('todo add more quotes')).toBeUndefined();
    expect(readsAsCut('paywall starts here')).toEqual(['paywall']);
  });

  it('names a system in every entry of the table, and matches each entry by one kind of test', () => {
    for (const entry of READ_MORE_MARKERS) {
      expect(entry.system.length).toBeGreaterThan(2);
      expect([entry.comment, entry.element, entry.text].filter(Boolean)).toHaveLength(1);
    }
  });
});

describe('the words free and limit in prose are not a marker', () => {
  it('publishes sentences about the free limit and cuts at the real marker', () => {
    const { html, cut } = render(`Readers who reach the free limit see a notice; the limit is free to change.\n\n<!-- free-limit -->\n\n${PAID}`);
    expect(cut).toBe(true);
    expect(html).toContain('reach the free limit');
    expect(html).not.toContain('zqx');
  });

  it('keeps the joined word free-limit for the marker, even in prose', () => {
    expect(refusal(`The free-limit rules are set by the paper.\n\n${PAID}`).message).toMatch(/^line 1: .* looks like a free-limit marker but is not one: it is inside a line of text/);
  });

  it('leaves a link to a page about the free limit alone', () => {
    expect(render(`See [how the free limit works](/articles/how-the-free-limit-works/).\n\n<!-- free-limit -->\n\n${PAID}`).cut).toBe(true);
  });
});
