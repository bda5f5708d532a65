import { readFileSync } from 'node:fs';
import type { Field } from '@sveltia/cms';
import Ajv from 'ajv';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { cmsConfig, collectionFields, type CmsConfigInput } from '../../src/editor/config';
import { FREE_LIMIT_BLOCK_PATTERN, FREE_LIMIT_COMPONENT_ID, ONE_FREE_LIMIT_AT_MOST, freeLimitBlock } from '../../src/editor/free-limit-block';
import { describeObject, type FieldShape } from '../../src/editor/schema-fields';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';
import { articleFrontmatterSchema } from '../../src/schemas/article';
import { authorFrontmatterSchema } from '../../src/schemas/author';
import { sectionSchema } from '../../src/schemas/section';
import { defineSettings } from '../../src/schemas/settings';

const settings = defineSettings({ timeZone: 'Europe/London', labels: ['Opinion', 'Analysis'] });
const input: CmsConfigInput = {
  cms: { enabled: true, repo: 'harbour-ledger/newsroom', branch: 'main' },
  siteName: 'The Harbour Ledger',
  timeZone: settings.timeZone,
  defaultAccess: settings.defaultAccess,
  labels: settings.labels,
  sections: [
    { id: 'news', name: 'News' },
    { id: 'science', name: 'Science' },
  ],
  authors: [
    { id: 'mara-okafor', name: 'Mara Okafor' },
    { id: 'priya-lindqvist', name: 'Priya Lindqvist' },
  ],
  contentFolder: 'content',
  siteUrl: 'https://news.example.org/',
};

/** Every field path (`image.src`) of a schema's described fields. */
function fieldPaths(shapes: Record<string, FieldShape>, prefix = ''): string[] {
  return Object.entries(shapes).flatMap(([name, shape]) => {
    const path = prefix + name;
    const inner = shape.kind === 'object' ? shape.fields : shape.kind === 'array' && shape.element.kind === 'object' ? shape.element.fields : undefined;
    return [path, ...(inner ? fieldPaths(inner, `${path}.`) : [])];
  });
}

type AnyField = Field & { name: string; widget?: string; fields?: AnyField[]; field?: AnyField; required?: boolean; options?: unknown[]; default?: unknown };

/** Every field path of editor fields, as `fieldPaths` names schema fields (`image.src`). */
function editorPaths(fields: readonly AnyField[], prefix = ''): string[] {
  return fields.flatMap((field) => [prefix + field.name, ...(field.fields ? editorPaths(field.fields, `${prefix}${field.name}.`) : [])]);
}

function field(fields: readonly AnyField[], path: string): AnyField {
  const [head, ...rest] = path.split('.');
  const found = fields.find((candidate) => candidate.name === head);
  if (!found) throw new Error(`no field ${path}`);
  return rest.length ? field(found.fields ?? [], rest.join('.')) : found;
}

const config = cmsConfig(input);
const articleFields = collectionFields(config, 'articles') as AnyField[];

describe('the editing screen’s configuration', () => {
  it('offers every field of the article schema, nested fields included, and nothing the schema does not know', () => {
    const schemaPaths = fieldPaths(describeObject(articleFrontmatterSchema)).filter((path) => path !== 'imageAlt');
    expect(editorPaths(articleFields).filter((path) => path !== 'body').sort()).toEqual(schemaPaths.sort());
    expect(articleFields.at(-1)).toMatchObject({ name: 'body', widget: 'markdown', editor_components: [FREE_LIMIT_COMPONENT_ID, 'image'] });
  });

  it('leaves out the retired imageAlt field, which the build refuses', () => {
    expect(editorPaths(articleFields)).not.toContain('imageAlt');
  });

  it('offers every field of the author and section schemas', () => {
    const authorPaths = fieldPaths(describeObject(authorFrontmatterSchema));
    expect(editorPaths(collectionFields(config, 'authors') as AnyField[]).filter((path) => path !== 'body').sort()).toEqual(authorPaths.sort());
    const [sections] = collectionFields(config, 'sections') as AnyField[];
    expect(sections).toMatchObject({ widget: 'list', root: true });
    expect(editorPaths(sections!.fields!).sort()).toEqual(Object.keys(sectionSchema.shape).sort());
  });

  it('marks required exactly the fields the build requires', () => {
    for (const path of ['title', 'author', 'section', 'date', 'standfirst', 'image.src', 'corrections.date', 'corrections.text']) {
      expect(field(articleFields, path).required, path).toBe(true);
    }
    for (const path of ['tags', 'updated', 'access', 'image', 'image.alt', 'image.caption', 'corrections', 'label', 'draft', 'related', 'similar']) {
      expect(field(articleFields, path).required, path).toBe(false);
    }
  });

  it('makes an unknown author or section impossible: both are choices from the newsroom’s own lists', () => {
    expect(field(articleFields, 'author')).toMatchObject({
      widget: 'select',
      multiple: true,
      min: 1,
      options: [
        { label: 'Mara Okafor', value: 'mara-okafor' },
        { label: 'Priya Lindqvist', value: 'priya-lindqvist' },
      ],
    });
    expect(field(articleFields, 'section')).toMatchObject({
      widget: 'select',
      options: [
        { label: 'News', value: 'news' },
        { label: 'Science', value: 'science' },
      ],
    });
    expect(field(articleFields, 'label')).toMatchObject({ widget: 'select', options: ['Opinion', 'Analysis'] });
  });

  it('edits dates in the paper’s time zone, and leaves access to the paper’s default unless the writer chooses', () => {
    for (const path of ['date', 'updated', 'corrections.date']) {
      expect(field(articleFields, path), path).toMatchObject({ widget: 'datetime', input_timezone: 'Europe/London' });
    }
    // A default would be written into every file the editor saves, pinning today's default.
    expect(field(articleFields, 'access')).toMatchObject({ widget: 'select', required: false, hint: 'Leave empty for the paper’s default: subscribers.' });
    expect(field(articleFields, 'access').default).toBeUndefined();
    expect(field(collectionFields(cmsConfig({ ...input, defaultAccess: 'free' }), 'articles') as AnyField[], 'access')).toMatchObject({ hint: 'Leave empty for the paper’s default: everyone.' });
    // `similar: false` hides a story from every other list, so an untouched box must mean true.
    expect(field(articleFields, 'similar').default).toBe(true);
  });

  it('keeps pictures beside the article, where the build looks for them', () => {
    const articles = config.collections!.find((collection) => 'name' in collection && collection.name === 'articles')!;
    expect(articles).toMatchObject({ folder: 'content/articles', path: '{{year}}/{{slug}}', media_folder: '', public_folder: '' });
    expect(field(articleFields, 'image.src').widget).toBe('image');
  });

  it('names the files of a content repository of its own from its root', () => {
    const own = cmsConfig({ ...input, contentFolder: '' });
    expect(own.collections!.map((collection) => ('folder' in collection ? collection.folder : 'files' in collection ? collection.files[0]!.file : ''))).toEqual(['articles', 'authors', 'sections.yaml']);
  });

  it('labels every field the writer sees from the schema itself: the field is declared once', () => {
    const unlabelled = (fields: readonly AnyField[], prefix = ''): string[] =>
      fields.flatMap((entry) => [...(entry.label && entry.label !== entry.name ? [] : [prefix + entry.name]), ...(entry.fields ? unlabelled(entry.fields, `${prefix}${entry.name}.`) : [])]);
    expect(unlabelled(articleFields)).toEqual([]);
    expect(field(articleFields, 'title').label).toBe('Headline');
    expect(field(articleFields, 'date')).toMatchObject({ hint: 'First publication, in Europe/London time. A time in the future holds the piece back until then (an embargo).' });
  });

  it('changes when the schema does: a new field appears, typed by its schema, and a removed one goes', () => {
    const article = articleFrontmatterSchema.extend({ kicker: z.string().trim().min(1), sponsored: z.boolean().optional(), priority: z.enum(['low', 'high']).default('low') }).omit({ similar: true });
    const changed = collectionFields(cmsConfig({ ...input, schemas: { article, author: authorFrontmatterSchema, section: sectionSchema } }), 'articles') as AnyField[];
    expect(field(changed, 'kicker')).toMatchObject({ widget: 'string', required: true, label: 'Kicker' });
    expect(field(changed, 'sponsored')).toMatchObject({ widget: 'boolean', required: false });
    expect(field(changed, 'priority')).toMatchObject({ widget: 'select', options: ['low', 'high'], default: 'low', required: false });
    expect(editorPaths(changed)).not.toContain('similar');
  });

  it('covers every section and author it is given, and follows a new one', () => {
    const more = cmsConfig({ ...input, sections: [...input.sections, { id: 'sport', name: 'Sport' }], authors: [...input.authors, { id: 'tomas-brennan', name: 'Tomas Brennan' }] });
    const fields = collectionFields(more, 'articles') as AnyField[];
    expect(field(fields, 'section').options).toContainEqual({ label: 'Sport', value: 'sport' });
    expect(field(fields, 'author').options).toContainEqual({ label: 'Tomas Brennan', value: 'tomas-brennan' });
  });

  it('signs in through the GitHub repository of the settings, with the sign-in helper when there is one, and holds no token', () => {
    expect(config.backend).toEqual({ name: 'github', repo: 'harbour-ledger/newsroom', branch: 'main' });
    expect(cmsConfig({ ...input, cms: { ...input.cms, authUrl: 'https://auth.example.workers.dev' } }).backend).toMatchObject({ base_url: 'https://auth.example.workers.dev' });
    expect(JSON.stringify(config)).not.toMatch(/token|secret|ghp_|github_pat_/i);
  });

  it('is a configuration Sveltia CMS accepts, by its own JSON schema', () => {
    const schema = JSON.parse(readFileSync(new URL('../../node_modules/@sveltia/cms/schema/sveltia-cms.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv({ strict: false, allErrors: true, logger: false }).compile(schema);
    // The check can fail: a select without its options is refused.
    const broken = JSON.parse(JSON.stringify(config)) as { collections: { fields: { name: string; options?: unknown }[] }[] };
    delete broken.collections[0]!.fields.find((entry) => entry.name === 'section')!.options;
    expect(validate(broken)).toBe(false);
    const valid = validate(JSON.parse(JSON.stringify(config)));
    expect(validate.errors?.slice(0, 5) ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
    expect(valid).toBe(true);
  });
});

describe('the Free limit here block', () => {
  const block = freeLimitBlock('You have reached the free limit.');
  const processor = createBodyProcessor({ freeParagraphs: 3 });

  it('writes exactly the marker the build cuts at, and the build cuts there', () => {
    expect(block.toBlock({})).toBe('<!-- free-limit -->');
    // What the editor saves: blocks separated by blank lines, the marker a block of its own.
    const saved = ['First free paragraph.', block.toBlock({}), 'Paid paragraph one.', 'Paid paragraph two.'].join('\n\n');
    const body = renderBody(processor, saved, 'subscribers');
    expect(body.html).toBe('<p>First free paragraph.</p>');
    expect(body.cut).toBe(true);
  });

  it('finds every spelling of the marker the build accepts on a line of its own, so opening a file shows the block', () => {
    for (const marker of ['<!-- free-limit -->', '<!--free-limit-->', '<!--  FREE-LIMIT  -->']) {
      expect(`One.\n\n${marker}\n\nTwo.`, marker).toMatch(FREE_LIMIT_BLOCK_PATTERN);
    }
    expect('One. <!-- free-limit --> Two.').not.toMatch(FREE_LIMIT_BLOCK_PATTERN);
    expect('<!-- free limit -->').not.toMatch(FREE_LIMIT_BLOCK_PATTERN);
    // A paragraph of its own in the editor, and in a file written on Windows.
    expect('<!-- free-limit -->').toMatch(FREE_LIMIT_BLOCK_PATTERN);
    expect('One.\r\n\r\n<!-- free-limit -->\r\n\r\nTwo.').toMatch(FREE_LIMIT_BLOCK_PATTERN);
  });

  it('gives the block a pattern Sveltia does not treat as multiline, whose typing shortcut took any “A ” opening a paragraph', () => {
    expect(FREE_LIMIT_BLOCK_PATTERN.flags).not.toMatch(/[ms]/);
    expect(FREE_LIMIT_BLOCK_PATTERN.source).not.toMatch(/\[\\s\\S\]|\[\\S\\s\]/);
  });

  it('shows the subscribe message in the preview panel as text, never as markup', () => {
    const preview = freeLimitBlock('Subscribe <b>now</b> & "save"').toPreview!({}) as string;
    expect(preview).toContain('class="masthead-free-limit"');
    expect(preview).toContain('Subscribe &#60;b&#62;now&#60;/b&#62; &#38; &#34;save&#34;');
  });

  it('lets the editor refuse a second marker, as the build does', () => {
    const oneAtMost = new RegExp(ONE_FREE_LIMIT_AT_MOST);
    expect('A.\n\n<!-- free-limit -->\n\nB.').toMatch(oneAtMost);
    expect('A.\n\nB.').toMatch(oneAtMost);
    expect('A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->\n\nC.').not.toMatch(oneAtMost);
    expect(() => renderBody(processor, 'A.\n\n<!-- free-limit -->\n\nB.\n\n<!-- free-limit -->\n\nC.', 'subscribers')).toThrow(/2 free-limit markers/);
  });
});
