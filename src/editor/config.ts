import type { CmsConfig, Collection, Field } from '@sveltia/cms';
import type { z } from 'astro/zod';
import { articleFrontmatterSchema, isoDateSchema } from '../schemas/article';
import { authorFrontmatterSchema } from '../schemas/author';
import type { CmsSettings } from '../schemas/cms';
import { sectionSchema } from '../schemas/section';
import { describeObject, type FieldShape } from './schema-fields';
import { FREE_LIMIT_COMPONENT_ID, ONE_FREE_LIMIT_AT_MOST } from './free-limit-block';

/** What the editing screen's configuration is made from: the schemas, the settings and the newsroom's lists. */
export interface CmsConfigInput {
  cms: CmsSettings & { repo: string };
  siteName: string;
  /** The paper's IANA time zone: writers pick times in it, and they are saved with its offset. */
  timeZone: string;
  defaultAccess: string;
  labels: readonly string[];
  /** `content/sections.yaml`, in navigation order. */
  sections: readonly { id: string; name: string }[];
  /** Every author, by id. */
  authors: readonly { id: string; name: string }[];
  /** The content folder relative to the repository root, with `/` (`content`); empty when the content is a repository of its own. */
  contentFolder: string;
  /** The public site's address, for the editor's "view site" link. */
  siteUrl: string;
  /** The paper's logo (or favicon) as a URL path, shown on the sign-in screen. Optional. */
  logoUrl?: string;
  /** The schemas the build checks files against; tests pass altered ones. Default: the build's own. */
  schemas?: { article: z.ZodObject; author: z.ZodObject; section: z.ZodObject };
}

/** A field of the editor's configuration, before it is handed over as Sveltia's `Field`. */
type FieldConfig = Record<string, unknown> & { name: string; widget: string };

/** How a field is presented where its kind alone doesn't say: its label, a hint, a widget with choices. */
type Presentation = Partial<FieldConfig> & { label?: string; hint?: string };

/**
 * Labels, hints and widgets for the fields the schema alone cannot present (a
 * select over the paper's authors, a picture, multi-line text). Keys are field
 * paths (`image.src`, `corrections.text`); a test checks each still names a
 * schema field. Fields not listed here still appear, with a widget chosen from
 * their kind: a new schema field reaches the editor without an edit here.
 */
function articlePresentation(input: CmsConfigInput): Record<string, Presentation> {
  return {
    title: { label: 'Headline' },
    author: {
      label: 'Author',
      widget: 'select',
      multiple: true,
      options: input.authors.map((author) => ({ label: author.name, value: author.id })),
      hint: 'One or more, in byline order. A new author appears here once their page is published.',
    },
    section: { label: 'Section', widget: 'select', options: input.sections.map((section) => ({ label: section.name, value: section.id })) },
    date: { label: 'Published', hint: `First publication, in ${input.timeZone} time. A time in the future holds the piece back until then (an embargo).` },
    standfirst: { label: 'Standfirst', widget: 'text', hint: 'A sentence or two under the headline; also the summary in feeds and search results.' },
    tags: { label: 'Tags', hint: 'One tag per box; “Add” gives another. Tags help readers find similar stories.' },
    updated: { label: 'Updated', hint: 'Only after a substantive change.' },
    access: {
      label: 'Who can read it in full',
      widget: 'select',
      options: [
        { label: 'Subscribers: readers get the free part, then the subscribe panel', value: 'subscribers' },
        { label: 'Everyone: the whole text is free', value: 'free' },
      ],
      // No default: a value the writer did not choose would pin today's default into the file.
      hint: `Leave empty for the paper’s default: ${input.defaultAccess === 'free' ? 'everyone' : 'subscribers'}.`,
    },
    image: { label: 'Lead picture', hint: 'Shown under the standfirst and on story cards.' },
    'image.src': { label: 'Picture', widget: 'image' },
    'image.alt': { label: 'Alt text', hint: 'What the picture shows, for readers who cannot see it. Required unless the picture is decorative.' },
    'image.caption': { label: 'Caption', widget: 'text' },
    'image.credit': { label: 'Credit', hint: 'Photographer, agency or licence.' },
    'image.decorative': { label: 'Decorative (adds nothing to the text)' },
    corrections: { label: 'Corrections', label_singular: 'correction', hint: 'Shown to every reader at the end of the free part and on the corrections page.' },
    'corrections.date': { label: 'When corrected' },
    'corrections.text': { label: 'What was wrong and what is right', widget: 'text' },
    label: { label: 'Label', widget: 'select', options: [...input.labels], hint: 'What kind of piece this is, shown above the headline. Leave empty for news.' },
    draft: { label: 'Draft', hint: 'A draft is kept off the public site.' },
    related: {
      label: 'Pinned similar stories',
      widget: 'relation',
      collection: 'articles',
      value_field: '{{slug}}',
      search_fields: ['title'],
      display_fields: ['title'],
      multiple: true,
      hint: 'Shown first under Similar stories, in this order; the rest are found automatically.',
    },
    similar: { label: 'Show in other articles’ Similar stories', default: true },
  };
}

const authorPresentation: Record<string, Presentation> = {
  name: { label: 'Name', hint: 'As printed in bylines.' },
  role: { label: 'Role', hint: 'e.g. Science correspondent.' },
  portrait: { label: 'Portrait' },
  'portrait.src': { label: 'Picture', widget: 'image' },
  'portrait.alt': { label: 'Alt text' },
};

const sectionPresentation: Record<string, Presentation> = {
  id: { label: 'Address', hint: 'Lower case and hyphens; the section page is /sections/<address>/. Changing it breaks links.' },
  name: { label: 'Name' },
  description: { label: 'Description', widget: 'text' },
};

/** The widget for a field of `shape`'s kind, when nothing else is said. */
function defaultWidget(shape: FieldShape): string {
  switch (shape.kind) {
    case 'date':
      return 'datetime';
    case 'enum':
      return 'select';
    case 'array':
      return 'list';
    case 'object':
      return 'object';
    case 'retired':
      return 'hidden';
    default:
      return shape.kind;
  }
}

/** `corrections` → `Corrections`, `updatedBy` → `Updated by`: a label for a field nobody has named yet. */
function fallbackLabel(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Editor fields for the fields of a schema, in its order. Retired fields
 * (always refused by the schema) are left out: the editor must not write them.
 */
function editorFields(shapes: Record<string, FieldShape>, presentation: Record<string, Presentation>, timeZone: string, prefix = ''): FieldConfig[] {
  return Object.entries(shapes)
    .filter(([, shape]) => shape.kind !== 'retired')
    .map(([name, shape]) => {
      const path = prefix + name;
      const shown = presentation[path] ?? {};
      const widget = shown.widget ?? defaultWidget(shape);
      const field: FieldConfig = { name, label: fallbackLabel(name), widget, required: shape.required };
      if ('default' in shape && shape.default !== undefined && !(Array.isArray(shape.default) && shape.default.length === 0)) field.default = shape.default;
      if (shape.kind === 'enum' && widget === 'select') field.options = shape.options;
      if (widget === 'datetime') Object.assign(field, { input_timezone: timeZone });
      if (shape.kind === 'object') field.fields = editorFields(shape.fields, presentation, timeZone, `${path}.`);
      if (shape.kind === 'array') {
        if (shape.min) field.min = shape.min;
        if (shape.element.kind === 'object') field.fields = editorFields(shape.element.fields, presentation, timeZone, `${path}.`);
        else if (widget === 'list' && shape.element.kind !== 'string') {
          field.field = editorFields({ item: shape.element }, presentation, timeZone, `${path}.`)[0];
        }
      }
      // A select or relation over a list holds several values.
      if (shape.kind === 'array' && (widget === 'select' || widget === 'relation')) field.multiple = true;
      return { ...field, ...shown, name, widget };
    });
}

/** Every field path (`image.src`) of a schema, for checking the presentation tables. */
export function fieldPaths(shapes: Record<string, FieldShape>, prefix = ''): string[] {
  return Object.entries(shapes).flatMap(([name, shape]) => {
    const path = prefix + name;
    const inner = shape.kind === 'object' ? shape.fields : shape.kind === 'array' && shape.element.kind === 'object' ? shape.element.fields : undefined;
    return [path, ...(inner ? fieldPaths(inner, `${path}.`) : [])];
  });
}

/** The presentation tables, by collection, for tests that check they still match the schemas. */
export function presentations(input: CmsConfigInput): Record<'articles' | 'authors' | 'sections', Record<string, Presentation>> {
  return { articles: articlePresentation(input), authors: authorPresentation, sections: sectionPresentation };
}

/** The text of an article: Markdown, with the free-limit marker as a block of its own. */
function bodyField(): FieldConfig {
  return {
    name: 'body',
    label: 'Text',
    widget: 'markdown',
    required: true,
    editor_components: [FREE_LIMIT_COMPONENT_ID, 'image'],
    pattern: [ONE_FREE_LIMIT_AT_MOST, 'Keep one “Free limit here” at most: the build refuses an article with two.'],
    hint: 'Press “Free limit here” where the free part ends: readers without a subscription see the text above it. Without one, the first paragraphs (as many as the settings say) are free.',
  };
}

/**
 * The configuration of the editing screen (Sveltia CMS), made at build time
 * from the same zod schemas and settings the build checks files against, so
 * the editor offers exactly the fields, sections, authors and labels the
 * build accepts. Pure: the caller reads the content and passes it in.
 */
export function cmsConfig(input: CmsConfigInput): CmsConfig {
  const schemas = input.schemas ?? { article: articleFrontmatterSchema, author: authorFrontmatterSchema, section: sectionSchema };
  const folder = input.contentFolder.replace(/\/+$/, '');
  const inContent = (name: string) => (folder ? `${folder}/${name}` : name);
  const shapes = {
    articles: describeObject(schemas.article.shape, isoDateSchema),
    authors: describeObject(schemas.author.shape, isoDateSchema),
    sections: describeObject(schemas.section.shape, isoDateSchema),
  };
  const shown = presentations(input);
  const fields = (which: keyof typeof shapes) => editorFields(shapes[which], shown[which], input.timeZone);
  const collections: Record<string, unknown>[] = [
    {
      name: 'articles',
      label: 'Articles',
      label_singular: 'article',
      description: `Stories of ${input.siteName}. Saving publishes: the site is rebuilt from the repository.`,
      folder: inContent('articles'),
      // Articles live in a folder per year, and may be deeper; new ones go into the current year's.
      path: '{{year}}/{{slug}}',
      nested: { depth: 4, subfolders: false },
      extension: 'md',
      format: 'yaml-frontmatter',
      create: true,
      identifier_field: 'title',
      summary: '{{title}}',
      sortable_fields: ['date', 'title', 'section'],
      // Pictures beside the article, as the build expects (`src: picture.jpg` next to the Markdown file).
      media_folder: '',
      public_folder: '',
      fields: [...fields('articles'), bodyField()],
    },
    {
      name: 'authors',
      label: 'Authors',
      label_singular: 'author',
      folder: inContent('authors'),
      extension: 'md',
      format: 'yaml-frontmatter',
      create: true,
      identifier_field: 'name',
      media_folder: '',
      public_folder: '',
      fields: [...fields('authors'), { name: 'body', label: 'Biography', widget: 'markdown', required: false }],
    },
    {
      name: 'sections',
      label: 'Sections',
      files: [
        {
          name: 'sections',
          label: 'Sections',
          file: inContent('sections.yaml'),
          format: 'yaml',
          fields: [{ name: 'sections', label: 'Sections, in menu order', label_singular: 'section', widget: 'list', root: true, fields: fields('sections') }],
        },
      ],
    },
  ];
  const backend: Record<string, unknown> = { name: 'github', repo: input.cms.repo, branch: input.cms.branch };
  if (input.cms.authUrl) backend.base_url = input.cms.authUrl;
  return {
    app_title: `${input.siteName}: editor`,
    site_url: input.siteUrl,
    ...(input.logoUrl ? { logo_url: input.logoUrl } : {}),
    backend: backend as unknown as CmsConfig['backend'],
    publish_mode: 'simple',
    // Shared pictures (not beside an article) go where the build looks for `/images/...`.
    media_folder: 'public/images',
    public_folder: '/images',
    output: { omit_empty_optional_fields: true },
    collections: collections as unknown as Collection[],
  };
}

/** Narrowing for tests: the fields of one collection of a generated configuration. */
export function collectionFields(config: CmsConfig, name: string): Field[] {
  const collection = config.collections?.find((entry) => 'name' in entry && entry.name === name);
  if (!collection || !('name' in collection)) throw new Error(`no collection "${name}"`);
  if ('fields' in collection && collection.fields) return collection.fields;
  if ('files' in collection) return collection.files.flatMap((file) => file.fields);
  return [];
}
