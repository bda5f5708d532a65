import type { z } from 'astro/zod';

/**
 * Characters no field may hold: C0 controls other than tab, line feed and
 * carriage return (XML 1.0 forbids them, so one would make every feed that
 * carries the field ill-formed), DEL and C1 controls (invisible, and refused by
 * XML 1.1 and many feed readers), the non-characters U+FFFE and U+FFFF, and
 * lone surrogates (not text at all).
 */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u;

/** Line breaks, which a one-line field (a headline, a name, a tag) must not hold. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/** `U+0007` */
function codePoint(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What is wrong with a text field's characters, or `undefined` when nothing
 * is. `multiline` fields (a standfirst, a description) may hold line breaks;
 * one-line fields may not, including U+2028 and U+2029, which look like nothing
 * in an editor but break lines in feeds and scripts.
 */
export function textProblem(value: string, { multiline = false } = {}): string | undefined {
  const control = CONTROL.exec(value);
  if (control)
    return `contains an invisible control character (${codePoint(control[0])}, at character ${control.index + 1}); delete it: feeds cannot carry it`;
  const lineBreak = multiline ? null : LINE_BREAK.exec(value);
  if (lineBreak)
    return `must be on one line (it has a line break, ${codePoint(lineBreak[0])}, at character ${lineBreak.index + 1})`;
  return undefined;
}

/** A zod refinement that reports `textProblem` on the field. */
export function checkText({ multiline = false } = {}) {
  return (value: string, context: z.core.$RefinementCtx<string>): void => {
    const problem = textProblem(value, { multiline });
    if (problem) context.addIssue({ code: 'custom', message: problem });
  };
}
