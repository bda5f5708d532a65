import { z } from 'astro/zod';
import { checkText } from '../lib/text-check';

/** One tag's entry in `content/tags.yaml`. Both fields optional; no other field is allowed. */
export const tagTextsSchema = z.strictObject(
  {
    /** The tag's name as the paper writes it (`Port Averley harbour`): page heading, titles, links, feed title. */
    name: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText()).optional(),
    /** One or two sentences under the tag page's heading, as topic pages have. */
    standfirst: z.string({ error: 'must be text' }).trim().min(1, 'must not be empty').superRefine(checkText({ multiline: true })).optional(),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has an unknown field (${issue.keys.join(', ')}); a tag takes name and standfirst only`
        : 'must be a mapping with name and/or standfirst',
  },
);

/**
 * The whole of `content/tags.yaml` (optional): tags, as written in articles
 * (any spelling: `harbour` and `Harbour` are one tag), each with its display
 * name and standfirst.
 */
export const tagsFileSchema = z.record(z.string(), tagTextsSchema, { error: 'must be a mapping of tags, each with name and/or standfirst' });

export type TagTexts = z.output<typeof tagTextsSchema>;
