/**
 * What a slug or id may be: letters (any script), digits, hyphens, underscores
 * and dots, and no spaces or URL-reserved characters, so it can be one path
 * segment of a URL and one file name. Lowercase kebab-case is the convention,
 * not a rule: a newsroom's existing file names keep working.
 */
export const ID_PATTERN = /^[\p{L}\p{N}_-][\p{L}\p{N}._-]*$/u;

/** The words used in error messages. */
export const ID_HINT = 'letters, digits, hyphens, underscores or dots, with no spaces';
