import { z } from 'astro/zod';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { describeFields, field, isRetired, keepAsWritten, pickStored, storedFields, type StoredKeys } from '../../src/lib/field-meta';
import { articleFrontmatterSchema, storedArticleSchema } from '../../src/schemas/article';

/** A schema as a newsroom would extend the article's: one field kept as text, one as a value, one worked out by the build. */
const schema = z.object({
  headline: field(z.string(), { description: 'The headline.', stored: 'text' }),
  desk: field(z.string().optional(), { description: 'Which desk.', stored: 'value', editor: { label: 'Desk' } }),
  published: field(z.string(), { description: 'When.', kind: 'date' }),
  retired: z.never().optional(),
});

describe('a field declared once', () => {
  it('says in its type and at run time whether the articles collection keeps it as written', () => {
    expectTypeOf<StoredKeys<typeof schema.shape>>().toEqualTypeOf<'headline' | 'desk'>();
    expect([...storedFields(schema.shape)]).toEqual([
      ['headline', 'text'],
      ['desk', 'value'],
    ]);
    expect(Object.keys(pickStored(schema).shape)).toEqual(['headline', 'desk']);
  });

  it('comes across to the stored article typeset when it is text, as it is when it is a value, and not at all when absent', () => {
    const typeset = (text: string) => text.replace(/'/g, '’');
    expect(keepAsWritten(schema.shape, { headline: "Quay's vote", desk: "city's", published: '2026-01-01' }, typeset)).toEqual({ headline: 'Quay’s vote', desk: "city's" });
    expect(keepAsWritten(schema.shape, { headline: 'Quay', published: '2026-01-01' }, typeset)).toEqual({ headline: 'Quay' });
  });

  it('is described from z.toJSONSchema: required or not, its meta, and a retired field known as one', () => {
    const fields = describeFields(schema);
    expect(fields.map(({ name, required }) => [name, required])).toEqual([
      ['headline', true],
      ['desk', false],
      ['published', true],
      ['retired', false],
    ]);
    expect(fields[1]).toMatchObject({ description: 'Which desk.', editor: { label: 'Desk' } });
    expect(fields[2]!.kind).toBe('date');
    expect(fields.map((each) => isRetired(each.json))).toEqual([false, false, false, true]);
  });

  it('the article schema keeps its headline, kicker, standfirst, section and tags as written, and nothing the build works out', () => {
    expect([...storedFields(articleFrontmatterSchema.shape).keys()]).toEqual(['title', 'kicker', 'section', 'standfirst', 'tags']);
    for (const name of ['title', 'kicker', 'section', 'standfirst', 'tags', 'moreFromAuthor', 'similar']) expect(storedArticleSchema.shape).toHaveProperty(name);
  });
});
