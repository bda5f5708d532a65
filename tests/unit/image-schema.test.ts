import { describe, expect, it } from 'vitest';
import { articleFrontmatterSchema } from '../../src/schemas/article';
import { authorFrontmatterSchema } from '../../src/schemas/author';
import { leadImageSchema, portraitSchema } from '../../src/pictures/schema';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : result.error!.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);

describe('the lead image in frontmatter', () => {
  it('takes src, alt, caption and credit, and is not decorative by default', () => {
    expect(leadImageSchema.parse({ src: './harbour.jpg', alt: 'The harbour wall', caption: 'At low tide.', credit: 'Ada Quill' })).toEqual({
      src: './harbour.jpg',
      alt: 'The harbour wall',
      caption: 'At low tide.',
      credit: 'Ada Quill',
      decorative: false,
    });
  });

  it('requires alt unless the picture is decorative, and says how to mark one', () => {
    expect(messages(leadImageSchema.safeParse({ src: './harbour.jpg' }))).toEqual([
      'alt: is required: describe what the picture shows, or set decorative: true for a picture that adds nothing to the text',
    ]);
    expect(leadImageSchema.parse({ src: './rule.png', decorative: true })).toEqual({ src: './rule.png', decorative: true });
  });

  it('refuses the old bare-path form, spelling out the new one', () => {
    expect(messages(leadImageSchema.safeParse('/images/pier.jpg'))).toEqual([
      ': is now a group of fields, not a bare path: write image: { src: "/images/pier.jpg", alt: "what the picture shows" } (caption and credit optional)',
    ]);
  });

  it('refuses the old imageAlt field with the new form spelled out', () => {
    const result = articleFrontmatterSchema.safeParse({
      title: 'T',
      author: 'ada',
      section: 'news',
      date: '2024-01-01',
      standfirst: 'S.',
      image: { src: './pier.jpg', alt: 'The pier' },
      imageAlt: 'The pier',
    });
    expect(messages(result)).toEqual([
      'imageAlt: is no longer used: write the alt text inside image, as image: { src: ./picture.jpg, alt: "what the picture shows" }',
    ]);
  });

  it.each([
    ['https://images.example.net/fair.jpg?w=2', 'is a web address; Masthead resizes pictures at build time without the network: save the picture beside the article and write its path (./fair.jpg)'],
    ['//cdn.example.net/x.png', 'is a web address; Masthead resizes pictures at build time without the network: save the picture beside the article and write its path (./x.png)'],
    ['data:image/png;base64,AAAA', 'must be a picture beside the Markdown file (./harbour-wall.jpg) or a path in public/ starting with / (/images/pier.jpg)'],
    ['pictures\\pier.jpg', 'must use / between folders, not \\'],
  ])('refuses src %s with a message saying what to write', (src, message) => {
    expect(messages(leadImageSchema.safeParse({ src, alt: 'A picture' }))).toEqual([`src: "${src}" ${message}`]);
  });

  it('names unknown fields inside image', () => {
    expect(messages(leadImageSchema.safeParse({ src: './a.jpg', alt: 'A', credits: 'Ben' }))).toEqual([
      ': has unknown fields "credits" (known: src, alt, caption, credit, decorative)',
    ]);
  });
});

describe('an author portrait in frontmatter', () => {
  it('needs only src', () => {
    expect(authorFrontmatterSchema.parse({ name: 'Ada Quill', portrait: { src: './ada.jpg' } }).portrait).toEqual({ src: './ada.jpg' });
  });

  it('refuses a bare path with the form to write', () => {
    expect(messages(portraitSchema.safeParse('./ada.jpg'))).toEqual([': must be a group of fields: portrait: { src: "./ada.jpg" }']);
  });
});
