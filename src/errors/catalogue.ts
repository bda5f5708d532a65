/**
 * Every problem Masthead reports about a newsroom's content, by stable code:
 * its title (for the docs, `docs/errors.md`, which is generated from this
 * file), its message, and a hint saying what to do. Like Astro's
 * `errors-data.ts`: the place of a problem (file, line, field) is never part
 * of its message; it travels beside it (`content-issue.ts`) and is formatted
 * only where the problem is shown (the build log, `npm run check`, the dev
 * overlay, the pre-commit hook).
 *
 * Arguments that are lines of the file end in `Line` (or are `lines`): they
 * are given in the file's numbering.
 */

/** One kind of problem. */
export interface CatalogueEntry<A> {
  /** A few words for a heading: "Unknown author". */
  title: string;
  /** `error` stops the build; `warning` is reported and the build goes on. */
  severity: 'error' | 'warning';
  /** What is wrong, as a predicate after the file and field: `"bob" is not a known author`. */
  message: (args: A) => string;
  /** What to do about it, when the message does not say. */
  hint?: string;
  /** Arguments to show the message with in `docs/errors.md`, one line each; without them it is shown with each argument named (`‹id›`). */
  examples?: readonly A[];
}

const entry = <A = Record<string, never>>(value: CatalogueEntry<A>): CatalogueEntry<A> => value;

const MARKER = '<!-- free-limit -->';
const HOW_TO_MARK = `write ${MARKER} exactly, on a line of its own between paragraphs`;
const PUT_MARKER = `put ${MARKER} on its own line with a blank line before and after`;

export const CATALOGUE = {
  // The content folder and its files.
  'content-dir-not-folder': entry({ title: 'Content folder is not a folder', severity: 'error', message: () => 'is not a folder (check CONTENT_DIR)' }),
  'required-path-missing': entry<{ expected: string }>({ title: 'Required file or folder missing', severity: 'error', message: ({ expected }) => `is missing (expected ${expected})` }),
  'required-path-wrong-kind': entry<{ kind: string; expected: string }>({ title: 'Required path of the wrong kind', severity: 'error', message: ({ kind, expected }) => `is not a ${kind} (expected ${expected})` }),
  'path-broken-symlink': entry<{ target: string }>({ title: 'Broken symlink', severity: 'error', message: ({ target }) => `is a broken symlink (it points to "${target}", which does not exist)` }),
  'path-symlink-loop': entry<{ leadsTo?: string }>({
    title: 'Symlink loop',
    severity: 'error',
    message: ({ leadsTo }) => (leadsTo ? `is a symlink loop (it leads to ${leadsTo}, which contains it)` : 'is a symlink loop (it points, through other links, back to itself)'),
  }),
  'path-unreadable': entry<{ reason: string }>({ title: 'Unreadable path', severity: 'error', message: ({ reason }) => `cannot be read (${reason})` }),
  'path-missing': entry({ title: 'Missing path', severity: 'error', message: () => 'is missing' }),
  'folder-named-md': entry({ title: 'Folder named like an article', severity: 'error', message: () => 'is a folder, but its name ends in .md: rename it (articles are files; folders need no extension)' }),
  'path-too-deep': entry<{ depth: number }>({ title: 'Folders nested too deep', severity: 'error', message: ({ depth }) => `is nested more than ${depth} folders deep` }),
  'path-not-regular-file': entry({ title: 'Not a regular file', severity: 'error', message: () => 'is not a regular file (a pipe, socket or device); it cannot be read as an article' }),
  'not-markdown-extension': entry({ title: 'Article without the .md extension', severity: 'warning', message: () => 'ignoring this file: articles must end in .md' }),

  // Frontmatter and YAML.
  'frontmatter-missing': entry({ title: 'No frontmatter', severity: 'error', message: () => 'has no frontmatter (the file must start with a line "---")' }),
  'frontmatter-unclosed': entry({ title: 'Frontmatter never closed', severity: 'error', message: () => 'has frontmatter that is never closed (add a line "---" after it)' }),
  'frontmatter-not-mapping': entry({ title: 'Frontmatter is not a mapping', severity: 'error', message: () => 'must be a YAML mapping of fields (key: value)' }),
  'yaml-invalid': entry<{ explanation: string }>({ title: 'Invalid YAML', severity: 'error', message: ({ explanation }) => `is not valid YAML: ${explanation}` }),
  'yaml-unreadable': entry<{ reason: string }>({ title: 'YAML that cannot be read', severity: 'error', message: ({ reason }) => `could not be read (${reason})` }),
  'file-unreadable': entry<{ reason: string }>({ title: 'Unreadable file', severity: 'error', message: ({ reason }) => `cannot be read (${reason})` }),
  'field-required': entry({ title: 'Required field missing', severity: 'error', message: () => 'is required' }),
  'field-invalid': entry<{ reason: string }>({ title: 'Invalid field', severity: 'error', message: ({ reason }) => reason }),
  'unknown-field': entry<{ name: string; known: readonly string[] }>({
    title: 'Unknown field',
    severity: 'warning',
    message: ({ name, known }) => `ignoring unknown field "${name}" (known fields: ${known.join(', ')})`,
  }),

  // Names: slugs and ids.
  'author-id-invalid': entry<{ id: string; rule: string }>({ title: 'Author file name is not an id', severity: 'error', message: ({ id, rule }) => `file name "${id}" must be an author id: ${rule}` }),
  'slug-invalid': entry<{ slug: string; rule: string }>({ title: 'Article file name is not a slug', severity: 'error', message: ({ slug, rule }) => `file name "${slug}" must be a URL slug: ${rule}` }),
  'slug-duplicate': entry<{ slug: string; first: string }>({
    title: 'Duplicate slug',
    severity: 'error',
    message: ({ slug, first }) => `duplicate slug "${slug}": ${first} and this file would both be /articles/${slug}/`,
    hint: 'Rename one of the files: the file name is the address.',
  }),
  'reserved-name': entry<{ name: string; reason: string; kind: string }>({
    title: 'Reserved name',
    severity: 'error',
    message: ({ name, reason, kind }) => `file name "${name}" is a reserved name (${reason}); choose another ${kind}`,
  }),
  'name-clash': entry<{ kind: string; name: string; other: string; otherFile: string; how: string }>({
    title: 'Names that clash on macOS and Windows',
    severity: 'error',
    message: ({ kind, name, other, otherFile, how }) => `${kind} "${name}" clashes with "${other}" in ${otherFile}: ${how}, which macOS and Windows checkouts treat as one file; rename one`,
  }),
  'section-duplicate': entry<{ id: string }>({ title: 'Section listed twice', severity: 'error', message: ({ id }) => `"${id}" is listed twice` }),
  'section-clash': entry<{ id: string; other: string; otherField: string; how: string }>({
    title: 'Section ids that clash',
    severity: 'error',
    message: ({ id, other, otherField, how }) => `"${id}" clashes with "${other}" (${otherField}): ${how}, which macOS and Windows treat as one folder of the built site; rename one`,
  }),

  // References between files.
  'author-unknown': entry<{ id: string; authorFile: string }>({
    title: 'Unknown author',
    severity: 'error',
    message: ({ id, authorFile }) => `"${id}" is not a known author (${authorFile} not found)`,
    hint: 'Add the author file, or use the id of one in content/authors/.',
  }),
  'author-has-errors': entry<{ id: string; authorFile: string }>({ title: 'Author with errors', severity: 'error', message: ({ id, authorFile }) => `"${id}" refers to ${authorFile}, which has errors of its own` }),
  'section-unknown': entry<{ id: string; known: readonly string[]; sectionsFile: string }>({
    title: 'Unknown section',
    severity: 'error',
    message: ({ id, known, sectionsFile }) => `"${id}" is not a known section (known: ${known.join(', ') || 'none'}; see ${sectionsFile})`,
  }),
  'updated-before-date': entry({ title: 'Update before publication', severity: 'error', message: () => 'is earlier than date' }),
  'correction-before-date': entry({ title: 'Correction before publication', severity: 'error', message: () => 'is earlier than date' }),
  'label-unknown': entry<{ label: string; allowed: readonly string[] }>({
    title: 'Unknown label',
    severity: 'error',
    message: ({ label, allowed }) => `"${label}" is not one of the labels in the settings (allowed: ${allowed.join(', ') || 'none'}; see labels in src/settings.ts)`,
  }),
  'related-self': entry<{ slug: string }>({ title: 'Article pinned to itself', severity: 'error', message: ({ slug }) => `"${slug}" is this article itself; pin other stories` }),
  'related-draft': entry<{ slug: string }>({ title: 'Pinned story is a draft', severity: 'error', message: ({ slug }) => `"${slug}" is a draft; pin published stories only` }),
  'related-embargoed': entry<{ slug: string; until: string }>({
    title: 'Pinned story under embargo',
    severity: 'error',
    message: ({ slug, until }) => `"${slug}" is under embargo until ${until}; pin published stories only`,
  }),
  'related-unpublished': entry<{ slug: string }>({
    title: 'Pinned story not published',
    severity: 'error',
    message: ({ slug }) => `"${slug}" is not published in this build (a draft, or under embargo); pin published stories only`,
  }),
  'related-unknown': entry<{ slug: string }>({ title: 'Pinned story unknown', severity: 'error', message: ({ slug }) => `"${slug}" is not a known article (no articles/**/${slug}.md)` }),
  'tag-no-page': entry({ title: 'tags.yaml names a tag that cannot have a page', severity: 'error', message: () => 'is not a tag that can have a page (it has no Latin letters or digits)' }),
  'tag-duplicate': entry<{ first: string; slug: string }>({
    title: 'Tag named twice in tags.yaml',
    severity: 'error',
    message: ({ first, slug }) => `is the same tag as "${first}" (both are /tags/${slug}/); keep one entry`,
  }),
  'front-not-mapping': entry({ title: 'front.yaml is not a mapping', severity: 'error', message: () => 'must be a mapping with lead: <slug> and top: [<slug>, …]' }),
  'front-unknown-field': entry<{ known: readonly string[] }>({ title: 'Unknown front.yaml field', severity: 'error', message: ({ known }) => `is not a front.yaml field (known: ${known.join(', ')})` }),
  'front-not-slug': entry({ title: 'Front page pin is not a slug', severity: 'error', message: () => 'must be an article slug (its file name without .md)' }),
  'front-top-not-list': entry({ title: 'Front page top is not a list', severity: 'error', message: () => 'must be a list of article slugs' }),
  'front-pinned-twice': entry<{ slug: string; first: string }>({ title: 'Story pinned twice', severity: 'error', message: ({ slug, first }) => `"${slug}" is already pinned as ${first}; pin a story once` }),
  'front-unknown-article': entry<{ slug: string }>({ title: 'Front page pin unknown', severity: 'error', message: ({ slug }) => `"${slug}" is not an article (no articles/**/${slug}.md)` }),
  'front-held': entry<{ slug: string; why: string }>({
    title: 'Front page pin not published',
    severity: 'error',
    message: ({ slug, why }) => `"${slug}" ${why}, so it cannot be on the front page; pin it once it is published`,
  }),

  // Bodies.
  'body-too-costly': entry<{ problem: string; advice: string }>({
    title: 'Body too costly to render',
    severity: 'error',
    message: ({ problem, advice }) => `${problem}; ${advice}`,
  }),
  'body-render-failed': entry<{ reason: string }>({
    title: 'Body could not be rendered',
    severity: 'error',
    message: ({ reason }) => `could not be rendered (${reason}); look for deeply nested HTML, lists or quotes`,
  }),
  'placeholder-left': entry<{ placeholder: string }>({
    title: 'Placeholders from npm run new',
    severity: 'warning',
    message: ({ placeholder }) => `still has ${placeholder} placeholders from npm run new; write the story before it is published`,
  }),

  // The free limit (src/free-limit/). Each refuses a body whose cut the build cannot be certain of.
  'free-limit-several': entry<{ lines: readonly number[] }>({
    examples: [{ lines: [9, 24] }],
    title: 'Several free-limit markers',
    severity: 'error',
    message: ({ lines }) => `has ${lines.length} free-limit markers (lines ${lines.join(', ')}); keep exactly one`,
  }),
  'free-limit-inline': entry<{ where: string }>({
    title: 'Marker where it cannot cut',
    severity: 'error',
    message: ({ where }) => `has a free-limit marker ${where}, where it cannot cut; ${PUT_MARKER}`,
  }),
  'free-limit-inside-html': entry({ title: 'Marker inside a block of HTML', severity: 'error', message: () => `has a free-limit marker inside a block of HTML; ${PUT_MARKER}` }),
  'free-limit-unclosed': entry<{ what: string; closer: string; problem: 'never-closed' | 'reopened' | 'blank-line'; againLine?: number }>({
    examples: [{ what: '<pre>', closer: '</pre>', problem: 'never-closed' }, { what: '<pre>', closer: '</pre>', problem: 'reopened', againLine: 31 }, { what: '<!--', closer: '-->', problem: 'blank-line' }],
    title: 'A raw block that runs on',
    severity: 'error',
    message: ({ what, closer, problem, againLine }) => {
      const why =
        problem === 'never-closed'
          ? `is never closed with "${closer}"`
          : problem === 'reopened'
            ? `opens again at line ${againLine} before its "${closer}": the first one was never closed`
            : `runs past a blank line before its "${closer}", swallowing the paragraphs between`;
      return `${what} opens here and ${why}, so it would run over what follows; close it, or the article cannot be cut safely`;
    },
  }),
  'free-limit-damaged': entry<{ found: string; where?: string; reasons: readonly string[] }>({
    examples: [
      { found: '<!– free-limit –>', reasons: ['a typographic dash where "--" or "-" belongs'] },
      { found: '<!-- free-limit -->', where: 'inside a code block, where it does nothing', reasons: [] },
    ],
    title: 'Something that reads as the marker',
    severity: 'error',
    message: ({ found, where, reasons }) =>
      `"${found}" looks like a free-limit marker but is not one${where ? `: it is ${where}` : ''}${reasons.length > 0 ? ` (${reasons.join('; ')})` : ''}; ${HOW_TO_MARK}`,
  }),
  'free-limit-other-marker': entry<{ found: string; system?: string; name?: string; cutWords?: readonly string[] }>({
    examples: [{ found: '<!--more-->', system: 'WordPress', name: 'more tag' }, { found: 'Continue reading below', cutWords: ['continue', 'reading'] }],
    title: "Another system's cut marker",
    severity: 'error',
    message: ({ found, system, name, cutWords }) =>
      `"${found}" ${system ? `is another system's marker (${system}: ${name})` : `reads as a cut ("${(cutWords ?? []).join(' ')}")`}, and Masthead does not cut there; ${HOW_TO_MARK}, or remove it`,
  }),
  'free-limit-disagreement': entry<
    | { reason: 'runs-past'; paragraphs: number; endLine: number }
    | { reason: 'nothing-cut'; paragraphs: number; found: number; nextLine: number }
    | { reason: 'marker-not-only'; markerLine: number; otherLines: readonly number[] }
    | { reason: 'marker-swallowed'; markerLine: number }
    | { reason: 'words-after-marker'; markerLine: number }
  >({
    examples: [
      { reason: 'runs-past', paragraphs: 3, endLine: 14 },
      { reason: 'nothing-cut', paragraphs: 3, found: 7, nextLine: 18 },
      { reason: 'marker-not-only', markerLine: 12, otherLines: [20] },
      { reason: 'marker-swallowed', markerLine: 12 },
      { reason: 'words-after-marker', markerLine: 12 },
    ],
    title: 'The cut cannot be explained',
    severity: 'error',
    message: (args) => {
      const why =
        args.reason === 'runs-past'
          ? `read plainly, the free part would run on past its ${args.paragraphs} paragraphs, which end at line ${args.endLine}, because the parser does not count some of the text before the cut as paragraphs (code, a footnote, a block of HTML or a comment)`
          : args.reason === 'nothing-cut'
            ? `read plainly, this paywalled article has ${args.found} paragraphs, more than the ${args.paragraphs} free ones, yet the parser finds nothing to cut; paragraph ${args.paragraphs + 1} starts at line ${args.nextLine}`
            : args.reason === 'marker-not-only'
              ? `the marker the parser cuts at (line ${args.markerLine}) is not the only marker line in the text${args.otherLines.length > 0 ? ` (also line ${args.otherLines.join(', ')})` : ''}`
              : args.reason === 'marker-swallowed'
                ? `line ${args.markerLine} holds the marker, but the parser does not read it as one (it is inside something that swallows it)`
                : `the text has words after the marker (line ${args.markerLine}), but the parser found nothing after it to cut`;
      return `the build cannot be certain where the free part ends: ${why}. Put ${MARKER} on a line of its own where the free part should end, and check the lines named`;
    },
  }),
  'free-limit-internal': entry<{ detail: string }>({
    title: 'Internal cut check failed',
    severity: 'error',
    message: ({ detail }) => `failed the internal cut check (${detail}); nothing was published. Please report this as a Masthead bug`,
  }),
  'cut-setext-paragraph': entry({
    title: 'A paragraph underlined with ---',
    severity: 'warning',
    message: () =>
      'a paragraph followed directly by "---" is a heading, not a paragraph and a rule; it is counted as a paragraph for the free limit. Put a blank line before "---" if you meant a rule, or start the line with "## " if you meant a heading',
  }),
  'cut-block-left-out': entry<{ paragraphs: number; free: number }>({
    examples: [{ paragraphs: 4, free: 1 }],
    title: 'A block of HTML left out whole',
    severity: 'warning',
    message: ({ paragraphs, free }) =>
      `this block of HTML holds ${paragraphs} paragraphs or stanzas, and only ${free} more ${free === 1 ? 'is' : 'are'} free: raw HTML cannot be cut inside, so all of it is for subscribers. Put ${MARKER} before or after it to say where the free part ends`,
  }),
  'cut-address-after-cut': entry<{ label: string; definedLine: number }>({
    title: 'A link defined after the cut',
    severity: 'warning',
    message: ({ label, definedLine }) =>
      `the link [${label}] is defined after the free limit (line ${definedLine}), so its address is paid: readers of the free part see its words without the link. Move the definition above the cut, or write the link inline`,
  }),

  // Pictures.
  'picture-names-no-file': entry<{ src: string }>({ title: 'Picture path names no file', severity: 'error', message: ({ src }) => `picture "${src}" names no file` }),
  'picture-outside-public': entry<{ src: string }>({
    title: 'Picture outside public/',
    severity: 'error',
    message: ({ src }) => `picture "${src}" leads outside public/; a path starting with / is a file in public/`,
  }),
  'picture-outside-content': entry<{ src: string }>({
    title: 'Picture outside the content folder',
    severity: 'error',
    message: ({ src }) => `picture "${src}" leads outside the content folder; keep pictures beside the articles`,
  }),
  'picture-unusable': entry<{ src: string; problem: string; path: string }>({
    title: 'Picture not found or not readable',
    severity: 'error',
    message: ({ src, problem, path }) => `picture "${src}" ${problem} (${path})`,
  }),
};

export type IssueCode = keyof typeof CATALOGUE;

/** The arguments of a code's message. */
export type IssueArgs<C extends IssueCode> = (typeof CATALOGUE)[C] extends CatalogueEntry<infer A> ? A : never;
