import { z } from 'astro/zod';
import { ID_HINT, ID_PATTERN, reservedIdReason } from './id';
import { checkText } from '../lib/text-check';

/** One entry of `content/sections.yaml`. */
export const sectionSchema = z.object({
  /** URL id: `/sections/<id>/`. Conventionally lowercase kebab-case; not a name the site uses (`rss.xml`, `index`...). */
  id: z
    .string({ error: 'must be text' })
    .regex(ID_PATTERN, `must be ${ID_HINT}`)
    .superRefine((id, context) => {
      const reserved = reservedIdReason(id);
      if (reserved) context.addIssue({ code: 'custom', message: `"${id}" is a reserved name (${reserved}); choose another id` });
    }),
  /** Name as shown in navigation and section labels. */
  name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText()),
  /** One line shown on the section page. Optional. */
  description: z.string({ error: 'must be text' }).trim().superRefine(checkText({ multiline: true })).optional(),
});

/** The whole of `content/sections.yaml`: a list, in navigation order. */
export const sectionsFileSchema = z.array(sectionSchema, { error: 'must be a list of { id, name } entries' });

export type Section = z.output<typeof sectionSchema>;
