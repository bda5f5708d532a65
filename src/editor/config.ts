import type { CmsConfig, Collection, Field } from '@sveltia/cms';
import type { z } from 'astro/zod';
import { articleFrontmatterSchema } from '../schemas/article';
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

/**
 * How a field is presented, from its `FieldMeta.editor` in the schema: texts
 * with the paper's settings put in, and a select's choices filled from the
 * newsroom's lists. A field with no `editor` meta still appears, with a
 * widget chosen from its kind: a new schema field reaches the editor as it is.
 */
function presentation(meta: FieldShape['meta'], input: CmsConfigInput): Record<string, unknown> {
  if (!meta) return {};
  const fill = (text: string) =>
    text.replace('{timeZone}', input.timeZone).replace('{defaultReaders}', input.defaultAccess === 'free' ? 'everyone' : 'subscribers');
  const choices = {
    authors: () => input.authors.map((author) => ({ label: author.name, value: author.id })),
    sections: () => input.sections.map((section) => ({ label: section.name, value: section.id })),
    labels: () => [...input.labels],
  };
  return Object.fromEntries(
    Object.entries(meta).map(([key, value]) =>
      key === 'choices' ? ['options', choices[value as keyof typeof choices]()] : [key, typeof value === 'string' ? fill(value) : value],
    ),
  );
}

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
function editorFields(shapes: Record<string, FieldShape>, input: CmsConfigInput): FieldConfig[] {
  const { timeZone } = input;
  return Object.entries(shapes)
    .filter(([, shape]) => shape.kind !== 'retired')
    .map(([name, shape]) => {
      const shown = presentation(shape.meta, input);
      const widget = (shown.widget as string | undefined) ?? defaultWidget(shape);
      const field: FieldConfig = { name, label: fallbackLabel(name), widget, required: shape.required };
      if ('default' in shape && shape.default !== undefined && !(Array.isArray(shape.default) && shape.default.length === 0)) field.default = shape.default;
      if (shape.kind === 'enum' && widget === 'select') field.options = shape.options;
      if (widget === 'datetime') Object.assign(field, { input_timezone: timeZone });
      if (shape.kind === 'object') field.fields = editorFields(shape.fields, input);
      if (shape.kind === 'array') {
        if (shape.min) field.min = shape.min;
        if (shape.element.kind === 'object') field.fields = editorFields(shape.element.fields, input);
        else if (widget === 'list' && shape.element.kind !== 'string') field.field = editorFields({ item: shape.element }, input)[0];
      }
      // A select or relation over a list holds several values.
      if (shape.kind === 'array' && (widget === 'select' || widget === 'relation')) field.multiple = true;
      return { ...field, ...shown, name, widget };
    });
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
    articles: describeObject(schemas.article),
    authors: describeObject(schemas.author),
    sections: describeObject(schemas.section),
  };
  const fields = (which: keyof typeof shapes) => editorFields(shapes[which], input);
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
