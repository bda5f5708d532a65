import { describe, expect, it } from 'vitest';
import { planCut } from '../../../src/free-limit/plan';
import { FREE_LIMIT, htmlToMarkdown, type PictureChoice } from '../../../src/import/html-to-markdown';
import { autop, expandShortcodes } from '../../../src/import/wordpress-markup';

const beside = (url: string): PictureChoice => ({ src: `./${url.split('/').pop()}` });
const convert = (html: string, options: Partial<Parameters<typeof htmlToMarkdown>[1]> = {}) => htmlToMarkdown(html, { picture: beside, ...options });

describe('HTML to Markdown', () => {
  it('writes the Markdown a writer would have written: headings, lists, quotes, links, tables', () => {
    const { markdown, notes } = convert(
      '<h2>Tides</h2><p>The <strong>spring</strong> tide is <em>high</em>, see <a href="https://tides.example/">the tables</a>.</p><ul><li>Low at six</li><li>High at noon</li></ul><blockquote><p>Mind the steps.</p></blockquote><table><tr><th>Day</th><th>High</th></tr><tr><td>Mon</td><td>12:04</td></tr></table>',
    );
    expect(markdown).toBe(
      '## Tides\n\nThe **spring** tide is _high_, see [the tables](https://tides.example/).\n\n- Low at six\n- High at noon\n\n> Mind the steps.\n\n| Day | High  |\n| --- | ----- |\n| Mon | 12:04 |\n',
    );
    expect(notes).toEqual([]);
  });

  it('moves spaces out of emphasis rather than writing them as character references', () => {
    expect(convert('<p>Choose <em>Left</em>, <em>Right, </em>and <strong> Centre</strong>.</p>').markdown).toBe('Choose _Left_, _Right,_ and *Centre*.\n'.replace('*Centre*', '**Centre**'));
  });

  it('turns a figure into a picture with its caption as the title, which Masthead shows as a figure', () => {
    const { markdown } = convert('<figure><img src="https://old.example/content/images/quay.jpg" alt="The quay"><figcaption>The quay at dawn.</figcaption></figure>');
    expect(markdown).toBe('![The quay](./quay.jpg "The quay at dawn.")\n');
  });

  it('keeps a picture that stays on the old site as a link with its words, and reports its line', () => {
    const { markdown, notes } = convert('<p>One.</p><p>Two.</p><figure><img src="https://cdn.example/x.jpg" alt="A gull"><figcaption>On the wall.</figcaption></figure>', {
      picture: (url) => ({ link: url, note: `left at ${url}` }),
    });
    expect(markdown).toContain('[Picture: A gull — On the wall.](https://cdn.example/x.jpg)');
    expect(notes).toEqual([{ kind: 'picture', find: 'https://cdn.example/x.jpg', message: 'left at https://cdn.example/x.jpg', line: 5 }]);
  });

  it('turns embeds into links and leaves scripts out, each listed with its line', () => {
    const { markdown, notes } = convert('<p>Watch:</p><iframe src="https://www.youtube.com/embed/abc"></iframe><script src="https://widgets.example/w.js"></script>');
    expect(markdown).toBe('Watch:\n\n[Embedded content: youtube.com](https://www.youtube.com/embed/abc)\n');
    expect(notes.map((note) => [note.line, note.message])).toEqual([
      [3, 'embedded content from youtube.com turned into a link'],
      [undefined, 'script from widgets.example left out: it has no Markdown form and the site runs no imported code'],
    ]);
  });

  it("turns Ghost's members-only marker into the free limit, on a line of its own, which the build's cut check accepts", () => {
    const { markdown, cut, cutFrom } = convert('<p>Free one.</p><!--members-only--><p>Paid two.</p>');
    expect(markdown).toBe(`Free one.\n\n${FREE_LIMIT}\n\nPaid two.\n`);
    expect([cut, cutFrom]).toEqual([true, 'members-only']);
    const plan = planCut(markdown, { access: 'subscribers', freeParagraphs: 3 });
    expect(plan.cutBy).toBe('marker');
  });

  it("makes WordPress's <!--more--> (with text, and the block editor's wp:more) the free limit only when the paper says so", () => {
    const classic = 'Before the tag.<!--more Keep reading-->\n\nAfter the tag.';
    const blocks = '<!-- wp:paragraph --><p>Before.</p><!-- /wp:paragraph -->\n\n<!-- wp:more {"customText":"On"} -->\n<!--more On-->\n<!-- /wp:more -->\n\n<!-- wp:paragraph --><p>After.</p><!-- /wp:paragraph -->';
    expect(convert(classic, { wordpress: true, moreIsPaywall: true }).markdown).toBe(`Before the tag.\n\n${FREE_LIMIT}\n\nAfter the tag.\n`);
    expect(convert(blocks, { wordpress: true, moreIsPaywall: true }).markdown).toBe(`Before.\n\n${FREE_LIMIT}\n\nAfter.\n`);
    const dropped = convert(classic, { wordpress: true, moreIsPaywall: false });
    expect(dropped.markdown).toBe('Before the tag.\n\nAfter the tag.\n');
    expect(dropped.notes[0]?.message).toMatch(/read-more tag .* dropped/);
  });

  it('keeps one cut: a second marker is dropped and reported', () => {
    const { markdown, notes } = convert('<p>A.</p><!--members-only--><p>B.</p><!--members-only--><p>C.</p>');
    expect(markdown.split(FREE_LIMIT)).toHaveLength(2);
    expect(notes.map((note) => note.message)).toContain('a second members-only marker was dropped: the first one cuts');
  });

  it('writes no comment, block delimiter or other system\'s marker into the Markdown', () => {
    const { markdown } = convert('<!-- wp:paragraph --><p>Text.</p><!-- /wp:paragraph --><!--nextpage--><!-- kg-card-begin: html --><p>More.</p><!-- kg-card-end: html -->', { wordpress: true });
    expect(markdown).toBe('Text.\n\nMore.\n');
  });
});

describe("WordPress's own markup", () => {
  it('makes paragraphs from blank lines and line breaks from single ones, leaving blocks and <pre> alone', () => {
    expect(autop('One\nline two\n\n<h2>Head</h2>\n\n<pre>a\n\nb</pre>')).toBe('<p>One<br>\nline two</p>\n\n<h2>Head</h2>\n\n<pre>a\n\nb</pre>');
  });

  it('expands [caption], [gallery] and [embed], turns a paywall shortcode into the cut, and leaves unknown brackets as typed', () => {
    const expanded = expandShortcodes('[caption id="a"]<img src="x.jpg" alt="X"> The X.[/caption] [gallery ids="7"] [embed]https://v.example/1[/embed] [sic] [restrict]Paid.[/restrict]', {
      gallery: (ids) => ids.map((id) => ({ url: `https://old.example/${id}.jpg`, alt: `Picture ${id}` })),
      cutClass: 'cut',
    });
    expect(expanded.html).toContain('<figure><img src="x.jpg" alt="X"><figcaption>The X.</figcaption></figure>');
    expect(expanded.html).toContain('<img src="https://old.example/7.jpg" alt="Picture 7">');
    expect(expanded.html).toContain('<a href="https://v.example/1">Embedded: https://v.example/1</a>');
    expect(expanded.html).toContain('[sic]');
    expect(expanded.html).toContain('<hr class="cut">\n\nPaid.');
    expect(expanded.cutFrom).toBe('[restrict]');
  });
});
