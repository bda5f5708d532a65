import { describe, expect, it } from 'vitest';
import { FreeLimitError } from '../../../src/free-limit/errors';
import { PAID, render } from './helpers';

/**
 * Hostile bodies in the families of issue 18, written apart from the rules
 * (none of them is an example any rule was written from): each must be
 * refused with a line, or publish no word from after the cut the writer meant.
 * Every paid word carries `zqx`.
 */
function outcome(markdown: string, freeParagraphs = 3): 'refused' | 'safe' {
  try {
    const { html } = render(markdown, freeParagraphs);
    expect(html).not.toContain('zqx');
    return 'safe';
  } catch (error) {
    if (!(error instanceof FreeLimitError) || error.code === 'free-limit-internal') throw error;
    expect(error.message).toMatch(/\bline \d+/);
    return 'refused';
  }
}

const FREE = 'The ferry timetable changes on Monday.\n\nSailings to the island move to the hour.';

describe('1. closers Markdown does not accept', () => {
  it.each([
    ['a textarea closed across a line break', `${FREE}\n\n<textarea>\nNotes\n</textarea\n>\n\n${PAID}`],
    ['a script closed in capitals with a space', `${FREE}\n\n<script>\nvar x;\n</SCRIPT >\n\n${PAID}`],
    ['a classed pre left open in a quotation', `${FREE}\n\n> <pre class="poem">\n> The tide comes in\n\n${PAID}`],
    ['a style closed with a slash too many', `${FREE}\n\n<style>\nb { color: red }\n<//style>\n\n${PAID}`],
  ])('%s', (_what, body) => {
    expect(outcome(body, 2)).toBe('refused');
  });
});

describe('1. a <pre> closed by a closer in later prose, which Markdown accepts', () => {
  it('counts its stanzas, so that it falls after the cut whole, with a warning', () => {
    const body = `${FREE}\n\n<pre>\nverse\n\n${PAID}\n\nThe tag \`</pre>\` ends it.`;
    expect(outcome(body)).toBe('safe');
    expect(render(body).warnings[0]).toMatchObject({ code: 'cut-block-left-out', line: 5, args: { free: 1 } });
  });
});

describe('2. blocks closed by ordinary prose', () => {
  it.each([
    ['a TK note closed by an arrow in a quote', `<!-- TK: confirm the figure\n\n${FREE}\n\n> The sign read "Harbour -->"\n\n${PAID}`],
    ['a PHP-looking note closed by a question', `<?php\n\n${FREE}\n\nWho pays for it?>\n\n${PAID}`],
    ['a doctype-like line closed by a comparison', `<!ENTITY\n\n${FREE}\n\nFares rose > 5%.\n\n${PAID}`],
    ['a CDATA section closed by nested brackets', `<![CDATA[\n\n${FREE}\n\nSee a[b[0]]>1.\n\n${PAID}`],
  ])('%s', (_what, body) => {
    expect(outcome(body)).toBe('refused');
  });
});

describe('3. markers disguised', () => {
  it.each([
    ['small capitals', 'ꜰʀᴇᴇ-ʟɪᴍɪᴛ'],
    ['Title Case with an en dash', '<!-- Free–Limit -->'],
    ['a non-breaking hyphen as a character reference', '<!-- free&#8209;limit -->'],
    ['a soft hyphen as a named reference', '<!-- free&shy;limit -->'],
    ['Cyrillic letters throughout', '<!-- fгее-limit -->'],
    ['a tilde joiner', '<!-- free~limit -->'],
    ['a percent-encoded comment', '%3C%21--%20free-limit%20--%3E'],
    ['a dotless i and a fullwidth l', '<!-- free-ｌımit -->'],
    ['a transposition and a doubled letter', '<!-- free-liimti -->'],
    ['escaped angle brackets in a quotation', '> &lt;!-- free-limit --&gt;'],
    ['the words in a bold label', '__Free limit__'],
  ])('%s', (_what, marker) => {
    expect(outcome(`${FREE}\n\n${marker}\n\n${PAID}`, 2)).toBe('refused');
  });
});

describe("4. other systems' read-more markers", () => {
  it.each([
    ['WordPress, its text in capitals', '<!--MORE Continue-->'],
    ['WordPress page break with spaces', '<!-- nextpage -->'],
    ['a block-editor more block with attributes', '<!-- wp:more {"customText":"Read on"} -->\n<!--more Read on-->\n<!-- /wp:more -->'],
    ['a Blogger jump link with a double-quoted name', '<a name="more"></a>'],
    ['Joomla read more in capitals', '<HR ID="system-readmore">'],
    ['Pelican, begin marker', '<!-- PELICAN_BEGIN_SUMMARY -->'],
    ['a writer’s cut note', '<!-- Members only from here -->'],
    ['a writer’s teaser note', '<!-- end of teaser -->'],
    ['a Hugo shortcode with a closing tag', '{{% members-only %}}'],
  ])('%s', (_what, marker) => {
    expect(outcome(`${FREE}\n\n${marker}\n\n${PAID}`, 2)).toBe('refused');
  });
});

describe('5. counted as a reader counts', () => {
  it('a paragraph swallowed into a heading by "---" is counted, and the fourth goes paid', () => {
    expect(outcome(`One.\n\nTwo.\n\nThree\n---\n\nPaid zqx four.\n\n${PAID}`)).toBe('safe');
  });

  it('a picture with a caption counts for nothing, so the cut still falls after three paragraphs of words', () => {
    const { html } = render(`![The quay at night](quay.png "The quay after the storm")\n\nOne.\n\nTwo.\n\nThree.\n\n${PAID}`);
    expect(html).toContain('<p>Three.</p>');
    expect(html).not.toContain('zqx');
  });

  it('a separator of asterisks and a non-breaking space count for nothing', () => {
    const { html } = render(`One.\n\n\\* \\* \\*\n\n&nbsp;\n\nTwo.\n\nThree.\n\n${PAID}`);
    expect(html).toContain('<p>Three.</p>');
  });

  it('a marker in a quotation inside a footnote is refused, as the README promises', () => {
    expect(outcome(`One.[^x]\n\n[^x]: Note.\n\n    > <!-- free-limit -->\n\n${PAID}`)).toBe('refused');
  });
});
