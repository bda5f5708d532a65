import type { z } from 'astro/zod';

/**
 * What the editing screen needs to know about one field of a zod schema:
 * its kind, whether a writer must fill it, its default, and the kinds of
 * what it holds. Read from the schema itself, so the editor follows it.
 */
export type FieldShape =
  | { kind: 'string' | 'boolean' | 'number' | 'date'; required: boolean; default?: unknown }
  | { kind: 'enum'; required: boolean; default?: unknown; options: string[] }
  | { kind: 'array'; required: boolean; default?: unknown; element: FieldShape; min?: number }
  | { kind: 'object'; required: boolean; default?: unknown; fields: Record<string, FieldShape> }
  /** A field that is always refused (`z.never()`): a retired name kept only to explain its successor. */
  | { kind: 'retired'; required: false };

/** The part of zod 4's internal definition this reader looks at. */
interface ZodDefinition {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  checks?: { _zod: { def: { check: string; minimum?: number } } }[];
}

function definition(schema: z.ZodType): ZodDefinition {
  // zod 4 keeps a schema's structure in `_zod.def`; the public types don't describe it per kind.
  return (schema as unknown as { _zod: { def: ZodDefinition } })._zod.def;
}

/**
 * Describes `schema` (one field of a frontmatter schema) for the editor.
 * `dateSchema` is the schema the frontmatter uses for dates: a string turned
 * into a date, which is recognised by identity rather than by name.
 */
export function describeField(schema: z.ZodType, dateSchema?: z.ZodType): FieldShape {
  return describe(schema, dateSchema, true, undefined);
}

function describe(schema: z.ZodType, dateSchema: z.ZodType | undefined, required: boolean, fallback: unknown): FieldShape {
  const withDefault = fallback === undefined ? {} : { default: fallback };
  if (schema === dateSchema) return { kind: 'date', required, ...withDefault };
  const def = definition(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
      return describe(def.innerType!, dateSchema, false, fallback);
    case 'default':
    case 'prefault':
      return describe(def.innerType!, dateSchema, false, fallback ?? def.defaultValue);
    case 'pipe': {
      // A preprocess (`transform` in, schema out) accepts what its output schema does; a
      // transform after a schema (`schema` in, `transform` out) accepts what its input does.
      const side = definition(def.in!).type === 'transform' ? def.out! : def.in!;
      return describe(side, dateSchema, required, fallback);
    }
    case 'string':
    case 'boolean':
    case 'number':
      return { kind: def.type, required, ...withDefault };
    case 'enum':
      return { kind: 'enum', required, ...withDefault, options: Object.values(def.entries ?? {}) };
    case 'array': {
      const min = def.checks?.map((check) => check._zod.def).find((check) => check.check === 'min_length')?.minimum;
      return { kind: 'array', required, ...withDefault, element: describe(def.element!, dateSchema, true, undefined), ...(min ? { min } : {}) };
    }
    case 'object':
      return { kind: 'object', required, ...withDefault, fields: describeObject(def.shape!, dateSchema) };
    case 'never':
      return { kind: 'retired', required: false };
    default:
      throw new Error(`The editing screen cannot yet show a field of kind "${def.type}"; add it to src/editor/schema-fields.ts`);
  }
}

/** Every field of an object schema's shape, described, in the schema's order. */
export function describeObject(shape: Record<string, z.ZodType>, dateSchema?: z.ZodType): Record<string, FieldShape> {
  return Object.fromEntries(Object.entries(shape).map(([name, field]) => [name, describeField(field, dateSchema)]));
}
