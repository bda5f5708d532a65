import { z } from 'astro/zod';
import { ID_HINT, ID_PATTERN, reservedIdReason } from './id';
import { checkText } from '../lib/text-check';
import { field } from '../lib/field-meta';

/** One entry of `content/sections.yaml`. */
export const sectionSchema = z.object({
  /** URL id: `/sections/<id>/`. Conventionally lowercase kebab-case; not a name the site uses (`rss.xml`, `index`...). */
  id: field(
    z
      .string({ error: 'must be text' })
      .regex(ID_PATTERN, `must be ${ID_HINT}`)
      .superRefine((id, context) => {
        const reserved = reservedIdReason(id);
        if (reserved) context.addIssue({ code: 'custom', message: `"${id}" is a reserved name (${reserved}); choose another id` });
      }),
    { editor: { label: 'Address', hint: 'Lower case and hyphens; the section page is /sections/<address>/. Changing it breaks links.' } },
  ),
  /** Name as shown in navigation and section labels. */
  name: field(z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText()), { editor: { label: 'Name' } }),
  /** One line shown on the section page. Optional. */
  description: field(z.string({ error: 'must be text' }).trim().superRefine(checkText({ multiline: true })).optional(), {
    editor: { label: 'Description', widget: 'text' },
  }),
});

/** The whole of `content/sections.yaml`: a list, in navigation order. */
export const sectionsFileSchema = z.array(sectionSchema, { error: 'must be a list of { id, name } entries' });

export type Section = z.output<typeof sectionSchema>;
