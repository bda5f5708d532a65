import { z } from 'astro/zod';
import { contrastRatio, HEX_COLOUR } from '../lib/colour';

/** A file in `public/`, named by its site path, with one of `extensions`. */
function publicFile(what: string, extensions: readonly string[]) {
  const pattern = new RegExp(`^/(?!/)[^?#\\s\\\\]+\\.(?:${extensions.join('|')})$`, 'i');
  return z
    .string({ error: `must be the path of ${what} in public/` })
    .trim()
    .regex(pattern, `must be the path of ${what} in public/, starting with / and ending in ${extensions.map((ext) => `.${ext}`).join(', ')} (e.g. /brand/logo.${extensions[0]})`);
}

const colour = (fallback: string) =>
  z
    .string({ error: 'must be a colour written #rrggbb' })
    .trim()
    .regex(HEX_COLOUR, 'must be a colour written #rrggbb (or #rgb)')
    .default(fallback);

/** The paper's colours on its social cards and home-screen icon. Defaults are the site's own light scheme. */
export const brandColoursSchema = z
  .object({
    /** Card and icon ground. Default `#fffdf8`. */
    background: colour('#fffdf8'),
    /** Headlines and the paper's name on cards. Default `#1b1b1b`. */
    text: colour('#1b1b1b'),
    /** The band along the top of a card and its section label. Default `#a4161a`. */
    accent: colour('#a4161a'),
  })
  .superRefine((colours, context) => {
    // Cards are read small, in feeds and chat previews: hold them to WCAG AA like the pages.
    const text = contrastRatio(colours.text, colours.background);
    if (text < 4.5)
      context.addIssue({ code: 'custom', path: ['text'], message: `is too close to background (contrast ${text.toFixed(2)}:1, at least 4.5:1 needed to read a card)` });
    const accent = contrastRatio(colours.accent, colours.background);
    if (accent < 3)
      context.addIssue({ code: 'custom', path: ['accent'], message: `is too close to background (contrast ${accent.toFixed(2)}:1, at least 3:1 needed for the section label)` });
  });

/** The paper's own marks: favicon, logo and colours. */
export const brandSchema = z.object({
  /**
   * The favicon browsers show in tabs: an SVG, PNG or ICO file in `public/`,
   * by its site path. Default `/favicon.svg`.
   */
  favicon: publicFile('an SVG, PNG or ICO file', ['svg', 'png', 'ico']).default('/favicon.svg'),
  /**
   * The paper's logo: a square-ish SVG or PNG in `public/` (`/brand/logo.svg`).
   * Drawn in the footer of social cards and made into the 180×180
   * `apple-touch-icon`. An SVG must have its text converted to paths.
   * Optional: without it the touch icon is made from the favicon (from the
   * paper's initial on its colours when the favicon is an ICO file).
   */
  logo: publicFile('an SVG or PNG file', ['svg', 'png']).optional(),
  /** Colours of social cards and the touch icon. */
  colours: brandColoursSchema.prefault({}),
});

export type Brand = z.output<typeof brandSchema>;
