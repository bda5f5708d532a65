import { describe, expect, it } from 'vitest';
import { findMarkerEvidence } from '../../src/markdown/free-limit-evidence';
import { FreeLimitError } from '../../src/markdown/free-limit-marker';
import { editDistance, foldForMarkers } from '../../src/markdown/marker-text';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const processor = createBodyProcessor({ freeParagraphs: 3 });
const render = (markdown: string) => renderBody(processor, markdown, 'subscribers');
const PAID = 'Paid canary one.\n\nPaid canary two.\n\nPaid canary three.\n\nPaid canary four.';

/** The error a body gets, or fails the test when it renders. */
function refusal(markdown: string): FreeLimitError {
  try {
    const { html } = render(markdown);
    throw new Error(`rendered without complaint; free HTML: ${html}`);
  } catch (error) {
    if (error instanceof FreeLimitError) return error;
    throw error;
  }
}

describe('a damaged or hidden marker stops the build, naming the line', () => {
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
    expect(refusal(`Free.\n\n    some code\n    <!-- free-limit -->\n\n${PAID}`).message).toContain('inside a code block');
  });

  it.each(['<!-- more -->', '<!--more-->', '<!-- paywall -->', '<!--members-only-->', '<!-- truncate -->', '{{< paywall >}}'])(
    "refuses another system's marker %s, which would cut nothing",
    (marker) => {
      const error = refusal(`Free.\n\n${marker}\n\n${PAID}`);
      expect(error.message).toMatch(/^line 3: ".+" is another system's marker, and Masthead does not cut there/);
    },
  );

  it('refuses a marker inside link text, whose URL and title come after it', () => {
    const error = refusal(`Free [a link <!-- free-limit --> paid words](https://example.org/paid "Paid title").\n\n${PAID}`);
    expect(error.message).toMatch(/^line 1: .*inside the text of a link/);
  });
});

describe('a block that never closes stops the build at the line where it opens', () => {
  it.each([
    ['an unclosed comment around the marker', 'Free.\n\n<!-- free-limit\n\n', /an HTML comment is opened here and never closed with "-->"/],
    ['a comment closed with ->', 'Free.\n\n<!-- free-limit ->\n\n', /HTML comment/],
    ['a comment closed with >', 'Free.\n\n<!-- free-limit >\n\n', /HTML comment/],
    ['an editor’s note left open', 'Free.\n\n<!-- check this figure\n\n<!-- free-limit -->\n\n', /HTML comment is opened here and not closed with "-->" before the next comment/],
    ['a CDATA section', 'Free.\n\n<![CDATA[ raw\n\n<!-- free-limit -->\n\n', /CDATA section/],
    ['a processing instruction', 'Free.\n\n<?xml version\n\n<!-- free-limit -->\n\n', /processing instruction/],
    ['a declaration', 'Free.\n\n<!DOCTYPE html\n\n<!-- free-limit -->\n\n', /declaration/],
    ['a <pre>', 'Free.\n\n<pre>\n\n<!-- free-limit -->\n\n', /<pre> is opened here and never closed/],
    ['a <script>', 'Free.\n\n<script>\n\n<!-- free-limit -->\n\n', /<script>/],
    ['a <style>', 'Free.\n\n<style>\n\n<!-- free-limit -->\n\n', /<style>/],
    ['a <textarea>', 'Free.\n\n<textarea>\n\n<!-- free-limit -->\n\n', /<textarea>/],
    ['a code fence among the free paragraphs', 'Free.\n\n```js\nlet x = 1;\n\n<!-- free-limit -->\n\n', /code fence \(```\) is opened here and never closed/],
    ['a tilde fence', 'Free.\n\n~~~~\ncode\n~~~\n\n<!-- free-limit -->\n\n', /code fence \(~~~~\)/],
    ['a fence in a quotation', 'Free.\n\n> ```\n> code\n\n<!-- free-limit -->\n\n', /code fence/],
  ])('%s', (_what, before, message) => {
    const error = refusal(`${before}${PAID}`);
    expect(error.message).toMatch(/^line 3: /);
    expect(error.message).toMatch(message);
  });

  it('accepts blocks that do close, however they are spread over lines', () => {
    const body = `Free.\n\n<!-- a note\nover lines -->\n\n<pre>\ncode\n</pre>\n\n\`\`\`\nfenced\n\`\`\`\n\n> ~~~\n> quoted\n> ~~~\n\n<!-- free-limit -->\n\n${PAID}`;
    const { html, cut } = render(body);
    expect(cut).toBe(true);
    expect(html).toContain('fenced');
    expect(html).not.toContain('canary');
  });
});

describe('the words free and limit in prose are not a marker', () => {
  it('publishes a sentence about the free limit and cuts at the real marker', () => {
    const { html, cut } = render(`Readers who reach the free limit see a notice; the limit is free to change.\n\n<!-- free-limit -->\n\n${PAID}`);
    expect(cut).toBe(true);
    expect(html).toContain('reach the free limit');
    expect(html).not.toContain('canary');
  });
});

describe('findMarkerEvidence', () => {
  it('gives the line and the raw text of each find', () => {
    const raw = 'One.\n\n<!-- free-limit -->\n\nTwo <!-- more --> three.';
    expect(findMarkerEvidence(raw)).toEqual([
      { offset: raw.indexOf('free'), line: 3, kind: 'free-limit', found: '<!-- free-limit -->' },
      { offset: raw.indexOf('<!-- more'), line: 5, kind: 'other', found: 'Two <!-- more --> three.' },
    ]);
  });
});

describe('foldForMarkers', () => {
  it('decodes entities, drops invisibles, folds dashes and width, and maps back to the source', () => {
    const raw = '&lt;!\u2014 Free\u200B\u2013Limit';
    const folded = foldForMarkers(raw);
    expect(folded.text).toBe('<!- free-limit');
    expect(folded.rawOffset[folded.text.indexOf('free')]).toBe(raw.indexOf('Free'));
  });
});

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('limti', 'limit')).toBe(1);
    expect(editDistance('free', 'fere')).toBe(1);
    expect(editDistance('limit', 'limit')).toBe(0);
    expect(editDistance('paywall', 'limit', 2)).toBe(3);
  });
});
