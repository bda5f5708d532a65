import type { z } from 'astro/zod';
import { describeFields, fieldsOf, isRetired, type FieldDescription, type JsonSchema } from '../lib/field-meta';

/**
 * What the editing screen needs to know about one field of a zod schema:
 * its kind, whether a writer must fill it, its default, and the kinds of
 * what it holds. Read from the schema's JSON Schema (`z.toJSONSchema`, which
 * also carries each field's `FieldMeta`), so the editor follows the schema.
 */
export type FieldShape = (
  | { kind: 'string' | 'boolean' | 'number' | 'date'; required: boolean; default?: unknown }
  | { kind: 'enum'; required: boolean; default?: unknown; options: string[] }
  | { kind: 'array'; required: boolean; default?: unknown; element: FieldShape; min?: number }
  | { kind: 'object'; required: boolean; default?: unknown; fields: Record<string, FieldShape> }
  /** A field that is always refused (`z.never()`): a retired name kept only to explain its successor. */
  | { kind: 'retired'; required: false }
) & { meta?: JsonSchema['editor'] };

function shapeOf(json: JsonSchema, required: boolean): FieldShape {
  const withDefault = json.default === undefined ? {} : { default: json.default };
  const meta = json.editor ? { meta: json.editor } : {};
  if (isRetired(json)) return { kind: 'retired', required: false };
  if (json.kind === 'date') return { kind: 'date', required, ...withDefault, ...meta };
  if (json.enum) return { kind: 'enum', required, ...withDefault, options: [...json.enum], ...meta };
  switch (json.type) {
    case 'string':
    case 'boolean':
    case 'number':
      return { kind: json.type, required, ...withDefault, ...meta };
    case 'integer':
      return { kind: 'number', required, ...withDefault, ...meta };
    case 'array':
      return { kind: 'array', required, ...withDefault, element: shapeOf(json.items ?? {}, true), ...(json.minItems ? { min: json.minItems } : {}), ...meta };
    case 'object':
      return { kind: 'object', required, ...withDefault, fields: shapesOf(fieldsOf(json)), ...meta };
    default:
      throw new Error(`The editing screen cannot yet show a field of JSON Schema type "${json.type}"; add it to src/editor/schema-fields.ts`);
  }
}

function shapesOf(fields: readonly FieldDescription[]): Record<string, FieldShape> {
  return Object.fromEntries(fields.map((field) => [field.name, shapeOf(field.json, field.required)]));
}

/** Every field of an object schema, described, in the schema's order. */
export function describeObject(schema: z.ZodObject): Record<string, FieldShape> {
  return shapesOf(describeFields(schema));
}
