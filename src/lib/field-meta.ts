import { z } from 'astro/zod';

/** The words `npm run new` puts where the writer has still to write; `npm run check` warns while they are there. */
export const PLACEHOLDER = 'TODO:';

/**
 * What a frontmatter field says about itself, beside its zod schema: the one
 * place a field is declared. The docs' field table (`docs/writing.md`), the
 * editing screen (`src/editor/config.ts`), `npm run new` and the stored
 * article (`src/archive/stages/stored-article.ts`) all read it from here,
 * through `z.toJSONSchema`, which carries it.
 */
export interface FieldMeta {
  /** What the field means, for writers: one row of the docs' table (Markdown; links relative to `docs/`). */
  description?: string;
  /**
   * How the articles collection keeps the field, when it keeps it as written:
   * `text` typeset as readers see it (curly quotes, dashes), `value` as it is.
   * Absent for a field the build works out itself (dates, pictures, authors).
   */
  stored?: 'text' | 'value';
  /** The kind of value when its zod type does not say: `date` (written like `2026-11-21` or with a time). */
  kind?: 'date';
  /** What `npm run new` writes for a required field it is given no value for. */
  placeholder?: string;
  /**
   * How the editing screen shows it: its label, a hint, a widget, and other
   * Sveltia options. In texts, `{timeZone}` and `{defaultReaders}` stand for
   * the paper's settings; `choices` fills a select from the newsroom's lists.
   */
  editor?: {
    label?: string;
    hint?: string;
    widget?: string;
    choices?: 'authors' | 'sections' | 'labels';
    [option: string]: unknown;
  };
}

/** A field schema that says, in its type too, how the articles collection keeps it. */
export type Stored<T, How extends FieldMeta['stored']> = T & { readonly '~stored'?: How };

/**
 * `schema` with its `FieldMeta`, kept in zod's registry, where `z.toJSONSchema`
 * finds it. A field with `stored` carries it in its type as well, so the
 * stored article's type follows the frontmatter without a list of names.
 */
export function field<T extends z.ZodType, const M extends FieldMeta>(schema: T, meta: M): Stored<T, M['stored']> {
  return schema.meta(meta as Record<string, unknown>) as Stored<T, M['stored']>;
}

/** The names of the fields of `Shape` that the articles collection keeps as written. */
export type StoredKeys<Shape> = { [K in keyof Shape]-?: Shape[K] extends { readonly '~stored'?: infer How } ? ([How] extends ['text' | 'value'] ? K : never) : never }[keyof Shape];

/** One field of an object schema, as `z.toJSONSchema` describes its input, with its `FieldMeta`. */
export interface FieldDescription extends FieldMeta {
  name: string;
  required: boolean;
  /** The JSON Schema of what a writer writes for it (`type`, `enum`, `items`, `properties`, `default`…). */
  json: JsonSchema;
}

/** The part of JSON Schema that `z.toJSONSchema` writes for frontmatter and that Masthead reads. */
export interface JsonSchema extends FieldMeta {
  type?: string;
  enum?: string[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  minItems?: number;
  /** `{}`: a schema that accepts nothing (`z.never()`), as a retired field is. */
  not?: object;
}

/** The fields of an object schema, in its order, as a writer writes them: required or not, kinds, defaults and meta. */
export function describeFields(schema: z.ZodObject): FieldDescription[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return fieldsOf(json);
}

/** The fields of an object's JSON Schema, in order. */
export function fieldsOf(json: JsonSchema): FieldDescription[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({ ...property, name, required: required.has(name), json: property }));
}

/** True for a field kept only to refuse it with a message naming its successor (`z.never()`). */
export const isRetired = (json: JsonSchema): boolean => json.not !== undefined && Object.keys(json.not).length === 0;

/** The fields of `shape` kept as written, and how (`text` or `value`), read from their meta. */
export function storedFields<Shape extends z.core.$ZodShape>(shape: Shape): Map<StoredKeys<Shape>, 'text' | 'value'> {
  const kept = new Map<StoredKeys<Shape>, 'text' | 'value'>();
  for (const [name, schema] of Object.entries(shape)) {
    const how = (z.globalRegistry.get(schema) as FieldMeta | undefined)?.stored;
    if (how) kept.set(name as StoredKeys<Shape>, how);
  }
  return kept;
}

/**
 * The part of an object schema the articles collection keeps as written: the
 * fields with `stored` meta, with their own schemas (so their types follow
 * the frontmatter's; the store holds what they produce, typeset for `text`).
 */
export function pickStored<Shape extends z.core.$ZodShape>(object: z.ZodObject<Shape>): z.ZodObject<Pick<Shape, StoredKeys<Shape>>> {
  const mask = Object.fromEntries([...storedFields(object.shape).keys()].map((name) => [name, true]));
  // zod types `pick` by its mask literal; this mask is built from the same meta that `StoredKeys` reads.
  return object.pick(mask as never) as unknown as z.ZodObject<Pick<Shape, StoredKeys<Shape>>>;
}

/** The values of the fields kept as written, from parsed frontmatter: `text` fields typeset, `value` fields as they are; absent ones left out. */
export function keepAsWritten<Shape extends z.core.$ZodShape>(
  shape: Shape,
  values: z.output<z.ZodObject<Shape>>,
  typeset: (text: string) => string,
): z.output<z.ZodObject<Pick<Shape, StoredKeys<Shape>>>> {
  const kept: Record<string, unknown> = {};
  for (const [name, how] of storedFields(shape)) {
    const value = (values as Record<string, unknown>)[name as string];
    if (value === undefined) continue;
    kept[name as string] = how === 'text' ? typesetDeep(value, typeset) : value;
  }
  return kept as z.output<z.ZodObject<Pick<Shape, StoredKeys<Shape>>>>;
}

const typesetDeep = (value: unknown, typeset: (text: string) => string): unknown =>
  typeof value === 'string' ? typeset(value) : Array.isArray(value) ? value.map((item) => typesetDeep(item, typeset)) : value;
