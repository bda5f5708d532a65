import { z } from 'astro/zod';
import { portraitSchema, storedImageSchema } from '../pictures/schema';
import { checkText } from '../lib/text-check';
import { field } from '../lib/field-meta';

/** Frontmatter of `content/authors/<id>.md`; the body is the bio. */
export const authorFrontmatterSchema = z.object({
  /** Full name as printed in bylines. */
  name: field(z.string({ error: 'must be the author’s name as text' }).trim().min(1, 'must not be empty').superRefine(checkText()), {
    editor: { label: 'Name', hint: 'As printed in bylines.' },
  }),
  /** Job title, e.g. "Science correspondent". Optional. */
  role: field(z.string({ error: 'must be text' }).trim().superRefine(checkText()).optional(), { editor: { label: 'Role', hint: 'e.g. Science correspondent.' } }),
  /** A portrait, `{ src, alt? }`, beside the author's file (`./mara-okafor.jpg`) or in `public/`; shown on the author page and, small, beside bylines. Optional. */
  portrait: field(portraitSchema.optional(), { editor: { label: 'Portrait' } }),
});

/** What the authors collection stores. */
export const storedAuthorSchema = authorFrontmatterSchema.extend({
  /** The bio, rendered and sanitised. */
  bioHtml: z.string(),
  source: z.string(),
  /** The portrait, found and measured (`alt` empty when none was given: beside the name it adds nothing). */
  portrait: storedImageSchema.optional(),
});

export type StoredAuthor = z.output<typeof storedAuthorSchema>;
