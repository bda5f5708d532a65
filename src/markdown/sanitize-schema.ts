import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Ids and ARIA references a body may carry: only those `remark-rehype` makes for footnotes. */
const GENERATED_ID = /^(?:user-content-|footnote-label$)/;
const idLike = new Set(['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy']);

const everywhere = (defaultSchema.attributes?.['*'] ?? []).filter(
  (attribute) => !(typeof attribute === 'string' && idLike.has(attribute)),
);

/**
 * GitHub's sanitising rules (no scripts, no event handlers, no `javascript:`
 * URLs, no styles, no iframes), with three changes:
 * - figures and captions are allowed, for captioned pictures;
 * - `<style>` is dropped with its contents rather than leaving CSS as text;
 * - instead of prefixing every id (which breaks footnote links, since hrefs are
 *   not prefixed), only ids that `remark-rehype` generates with its
 *   `user-content-` prefix are kept: hand-written ids cannot clobber globals.
 */
export const articleSanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobber: [],
  clobberPrefix: '',
  strip: [...(defaultSchema.strip ?? []), 'style'],
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption'],
  attributes: {
    ...defaultSchema.attributes,
    '*': [...everywhere, ...[...idLike].map((name) => [name, GENERATED_ID] as [string, RegExp])],
  },
};
