import { describe, expect, it } from 'vitest';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';

const sealing = createBodyProcessor({ freeParagraphs: 3, keepPaid: true });
const sealingPictures = createBodyProcessor({ freeParagraphs: 3, keepPaid: true, sealPictures: true });
const publicOnly = createBodyProcessor({ freeParagraphs: 3 });

/** A note referenced in the free part but written after the cut, and one referenced only after it. */
const NOTES = `The weir was inspected on Monday.[^weir] Its gates were shut.[^gates]

[^gates]: Free note on the gates.

<!-- free-limit -->

The report blames the council.[^late]

[^weir]: Paid note on the weir.
[^late]: Paid note on the report.`;

describe('the HTML sealed for subscribers', () => {
  it('is the whole article, free and paid parts rendered in one piece', () => {
    const body = renderBody(sealing, 'Free words.\n\n<!-- free-limit -->\n\nPaid words.', 'subscribers');
    expect(body.wholeHtml).toBe('<p>Free words.</p>\n<p>Paid words.</p>');
    expect(body.html).toBe('<p>Free words.</p>');
  });

  it('keeps a note referenced before the cut but written after it, with its reference and back link', () => {
    const { wholeHtml = '' } = renderBody(sealing, NOTES, 'subscribers');
    // Numbered by first reference over the whole article: weir 1, gates 2, late 3.
    expect(wholeHtml).toMatch(/Monday\.<sup><a href="#user-content-fn-weir" id="user-content-fnref-weir" data-footnote-ref[^>]*>1<\/a><\/sup>/);
    expect(wholeHtml).toMatch(/<li id="user-content-fn-weir">\s*<p>Paid note on the weir\. <a href="#user-content-fnref-weir" data-footnote-backref/);
    expect(wholeHtml).toContain('Free note on the gates.');
    expect(wholeHtml).toMatch(/council\.<sup><a href="#user-content-fn-late"[^>]*>3<\/a>/);
    expect(wholeHtml).toContain('Paid note on the report.');
    expect(wholeHtml.match(/<section data-footnotes/g)).toHaveLength(1);
  });

  it('leaves the public HTML as it was: no paid note, no reference to one', () => {
    const sealed = renderBody(sealing, NOTES, 'subscribers');
    const plain = renderBody(publicOnly, NOTES, 'subscribers');
    expect(sealed.html).toBe(plain.html);
    expect(sealed.html).not.toMatch(/weir\.|fn-weir|fn-late|report/);
    expect(sealed.html).toContain('Free note on the gates.');
    expect(plain.wholeHtml).toBeUndefined();
  });

  it('is not made for articles with nothing cut', () => {
    expect(renderBody(sealing, 'Only free words.', 'subscribers').wholeHtml).toBeUndefined();
    expect(renderBody(sealing, 'One.\n\n<!-- free-limit -->\n\nTwo.', 'free').wholeHtml).toBeUndefined();
  });
});

describe('the pictures of the HTML sealed for subscribers', () => {
  const BODY = 'Free words.\n\n![Free alt](./free.jpg "Free caption")\n\n<!-- free-limit -->\n\nPaid words ![inline](./inline.png) here.\n\n![Paid alt](./paid.jpg "Paid caption")\n\n![Web](https://example.org/x.png)';

  it('leaves the paid part’s local pictures out, keeping a figure’s caption, when they are not sealed', () => {
    const body = renderBody(sealing, BODY, 'subscribers');
    expect(body.wholeImages?.map((image) => image.src)).toEqual(['./free.jpg']);
    expect(body.wholeHtml).toContain('<figure class="figure figure--withheld"><figcaption data-pagefind-ignore="">Paid caption</figcaption></figure>');
  });

  it('keeps them as placeholders marked paid, in a figure with their caption, to be sealed with the text', () => {
    const body = renderBody(sealingPictures, BODY, 'subscribers');
    expect(body.wholeImages).toEqual([
      { src: './free.jpg', alt: 'Free alt', line: 3 },
      { src: './inline.png', alt: 'inline', line: 7, paid: true },
      { src: './paid.jpg', alt: 'Paid alt', line: 9, paid: true },
    ]);
    expect(body.wholeHtml).toContain('<figure class="figure"><!--masthead-image:2--><figcaption data-pagefind-ignore="">Paid caption</figcaption></figure>');
    expect(body.wholeHtml).toContain('<p>Paid words <!--masthead-image:1--> here.</p>');
    expect(body.wholeHtml).not.toContain('withheld');
    expect(body.wholeHtml).toContain('src="https://example.org/x.png"');
  });

  it('changes nothing in the free part', () => {
    const sealed = renderBody(sealingPictures, BODY, 'subscribers');
    const plain = renderBody(publicOnly, BODY, 'subscribers');
    expect(sealed.html).toBe(plain.html);
    expect(sealed.images).toEqual(plain.images);
    expect(sealed.html).not.toMatch(/paid|inline/i);
  });
});
