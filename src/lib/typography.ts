/**
 * Typography for text readers see: straight quotes become curly ones,
 * apostrophes curl, `--` and `---` become en and em dashes, `...` an
 * ellipsis. The work is done by retext-smartypants; this module adds what a
 * newspaper needs on top of it:
 *
 * - quotation marks by nesting level, in the paper's locale: the outer pair
 *   of a quotation gets the locale's first marks (`en-GB` ‘…’, `en-US` “…”)
 *   and a quotation inside it the other kind, whichever straight quote the
 *   writer typed;
 * - text that arrives in pieces (a paragraph split by emphasis, links and
 *   inline code) is read as one, so a quote opened before a link closes after
 *   it, while pieces that are not prose (code) are never changed.
 *
 * Pure and deterministic: no I/O, no clock. The Markdown side is
 * `src/markdown/remark-typography.ts`.
 */
import type { Nodes as NlcstNodes, Root as NlcstRoot } from 'nlcst';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';

/** A pair of quotation marks. */
interface QuotePair {
  open: string;
  close: string;
}

/** The marks of a locale: `first` for a quotation, `second` for one inside it. */
export interface QuoteStyle {
  first: QuotePair;
  second: QuotePair;
}

const DOUBLE: QuotePair = { open: '“', close: '”' };
const SINGLE: QuotePair = { open: '‘', close: '’' };

/**
 * Quotation marks by language (CLDR's), for languages whose papers do not
 * use English ones. French and Spanish print guillemets; German low-high quotes.
 */
const LANGUAGE_STYLES: Record<string, QuoteStyle> = {
  de: { first: { open: '„', close: '“' }, second: { open: '‚', close: '‘' } },
  fr: { first: { open: '«\u202F', close: '\u202F»' }, second: DOUBLE },
  es: { first: { open: '«', close: '»' }, second: DOUBLE },
  it: { first: { open: '«', close: '»' }, second: DOUBLE },
};

/** English regions whose style guides put double quotes first (the rest of the English-writing world follows British usage). */
const DOUBLE_FIRST_REGIONS = new Set(['US', 'CA', 'PH']);

/**
 * The quotation marks of a BCP 47 locale. English: `en-US` (and Canada, the
 * Philippines, and plain `en`) “double” first with ‘single’ inside; every other
 * English locale (`en-GB`, `en-IE`, `en-AU`, …) ‘single’ first with “double”
 * inside. German, French, Spanish and Italian get their own marks; any other
 * language gets “double” first.
 */
export function quoteStyle(locale: string): QuoteStyle {
  let language = 'en';
  let region: string | undefined;
  try {
    const parsed = new Intl.Locale(locale);
    language = parsed.language;
    region = parsed.region;
  } catch {
    // Not a valid tag: settings validation reports it; typography falls back to English.
  }
  if (language !== 'en') return LANGUAGE_STYLES[language] ?? { first: DOUBLE, second: SINGLE };
  return region === undefined || DOUBLE_FIRST_REGIONS.has(region) ? { first: DOUBLE, second: SINGLE } : { first: SINGLE, second: DOUBLE };
}

/**
 * Private-use stand-ins smartypants writes for its quotes, so that this module
 * can give each quote its mark by level afterwards. An apostrophe comes out
 * as a closing single quote, and is told apart below.
 */
const OPEN_DOUBLE = '\uE000';
const OPEN_SINGLE = '\uE001';
const CLOSE_DOUBLE = '\uE002';
const CLOSE_SINGLE = '\uE003';
const APOSTROPHE = '’';

/**
 * smartypants' settings: quotes (as stand-ins), ellipses spaced or not,
 * `--` an en dash and `---` an em dash ("oldschool", as in LaTeX and in
 * SmartyPants' own option 2), and backticks left alone (in Markdown they are
 * code; a backtick left in text was escaped on purpose).
 */
const smartypants = retext()
  .use(retextSmartypants, {
    backticks: false,
    dashes: 'oldschool',
    ellipses: true,
    openingQuotes: { double: OPEN_DOUBLE, single: OPEN_SINGLE },
    closingQuotes: { double: CLOSE_DOUBLE, single: CLOSE_SINGLE },
  })
  .freeze();

/** Text that smartypants could change; anything else is returned as it is without parsing. */
const CANDIDATE = /["']|--|\.\s?\.\s?\./;

/** A piece of a paragraph: prose to make typographic, or something that stays as it is. */
export type TextRun = string | OpaqueRun;

/**
 * A piece that is not prose and is never changed (inline code, a picture, a
 * line break), standing in the text as a word (`word`: `"`x`"` is a quoted
 * word) or a space (`space`), so the quotes around it are read right.
 */
export interface OpaqueRun {
  opaque: 'word' | 'space';
}

interface Edit {
  start: number;
  end: number;
  value: string;
}

/**
 * The changes smartypants makes to `text`, by position: each punctuation or
 * symbol it rewrote, and each it dropped (the dots and spaces of a spaced
 * ellipsis, folded into its last dot).
 */
function smartypantsEdits(text: string): Edit[] {
  const tree = smartypants.parse(text) as NlcstRoot;
  const before = new Map<NlcstNodes, { start: number; end: number; value: string }>();
  const leaves = (node: NlcstNodes, into: (leaf: NlcstNodes & { value: string }) => void) => {
    if ('children' in node) for (const child of node.children) leaves(child, into);
    else into(node);
  };
  leaves(tree, (leaf) => {
    const start = leaf.position?.start.offset;
    const end = leaf.position?.end.offset;
    if (start !== undefined && end !== undefined) before.set(leaf, { start, end, value: leaf.value });
  });
  smartypants.runSync(tree);
  const after = new Set<NlcstNodes>();
  leaves(tree, (leaf) => after.add(leaf));
  const edits: Edit[] = [];
  for (const [leaf, { start, end, value }] of before) {
    if (!after.has(leaf)) edits.push({ start, end, value: '' });
    else if ((leaf as { value: string }).value !== value) edits.push({ start, end, value: (leaf as { value: string }).value });
  }
  return edits.sort((a, b) => a.start - b.start);
}

const STAND_INS = new Set([OPEN_DOUBLE, OPEN_SINGLE, CLOSE_DOUBLE, CLOSE_SINGLE]);
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const DIGIT = /\p{Nd}/u;

/**
 * Gives every quote stand-in its mark. Quotes are paired first: a closing
 * quote closes the nearest open quote of its kind; a closing single quote
 * with a letter after it (`don't`), or with no single quote open (`the
 * workers' union`), is an apostrophe, and so is an opening single quote never
 * closed (`'em`). An opening double quote never closed stays open to the end
 * (a quotation running on into the next paragraph). Then each pair gets the
 * marks of its level: the first level the locale's first marks, the next the
 * other kind, and so on. Feet and inches after a number (`6'2"`) are primes.
 */
function resolveQuotes(edits: Edit[], text: string, style: QuoteStyle): void {
  const quotes = edits.filter((edit) => STAND_INS.has(edit.value));
  const partner = new Map<Edit, Edit>();
  const apostrophes = new Set<Edit>();
  /** Feet and inches (`6'2"`): primes, not quotes. */
  const primes = new Map<Edit, string>();
  const open: Edit[] = [];
  for (const quote of quotes) {
    if (quote.value === OPEN_DOUBLE || quote.value === OPEN_SINGLE) {
      open.push(quote);
      continue;
    }
    const single = quote.value === CLOSE_SINGLE;
    if (single && LETTER_OR_DIGIT.test(text[quote.end] ?? '')) {
      if (DIGIT.test(text[quote.start - 1] ?? '') && DIGIT.test(text[quote.end]!)) primes.set(quote, '′');
      else apostrophes.add(quote);
      continue;
    }
    const wanted = single ? OPEN_SINGLE : OPEN_DOUBLE;
    const at = open.findLastIndex((candidate) => candidate.value === wanted);
    if (at === -1) {
      if (single) apostrophes.add(quote);
      else if (DIGIT.test(text[quote.start - 1] ?? '')) primes.set(quote, '″');
      continue;
    }
    partner.set(open[at]!, quote);
    partner.set(quote, open[at]!);
    open.length = at;
  }
  for (const quote of quotes) if (quote.value === OPEN_SINGLE && !partner.has(quote)) apostrophes.add(quote);

  const level: Edit[] = [];
  const marks = (depth: number) => (depth % 2 === 1 ? style.first : style.second);
  for (const quote of quotes) {
    const prime = primes.get(quote);
    if (prime) {
      quote.value = prime;
    } else if (apostrophes.has(quote)) {
      quote.value = APOSTROPHE;
    } else if (quote.value === OPEN_DOUBLE || quote.value === OPEN_SINGLE) {
      level.push(quote);
      quote.value = marks(level.length).open;
    } else {
      const opener = partner.get(quote);
      const at = opener ? level.lastIndexOf(opener) : -1;
      // A closing double quote with nothing open closes a quotation from an earlier paragraph: the first level.
      quote.value = marks(at === -1 ? Math.max(level.length, 1) : at + 1).close;
      if (at !== -1) level.length = at;
    }
  }
}

/**
 * Makes a paragraph's runs typographic, read as one text: returns each run's
 * new text, opaque runs as `undefined`. A change that would straddle two runs
 * (a `--` split by emphasis) is left undone.
 *
 * @param runs The paragraph in reading order.
 * @param locale The paper's BCP 47 locale, for the quotation marks.
 */
export function smartenRuns(runs: readonly TextRun[], locale: string): (string | undefined)[] {
  const pieces = runs.map((run) => (typeof run === 'string' ? run : run.opaque === 'word' ? 'x' : ' '));
  const text = pieces.join('');
  if (!CANDIDATE.test(text)) return runs.map((run) => (typeof run === 'string' ? run : undefined));
  const edits = smartypantsEdits(text);
  resolveQuotes(edits, text, quoteStyle(locale));
  let offset = 0;
  let next = 0;
  return runs.map((run, index) => {
    const start = offset;
    const end = (offset += pieces[index]!.length);
    if (typeof run !== 'string') return undefined;
    let out = '';
    let at = start;
    while (next < edits.length && edits[next]!.start < end) {
      const edit = edits[next++]!;
      if (edit.start < start || edit.end > end) continue;
      out += text.slice(at, edit.start) + edit.value;
      at = edit.end;
    }
    // An edit that began in this run and ends in the next is skipped above; one that ends here is not read again.
    return out + text.slice(at, end);
  });
}

/**
 * Makes one plain string typographic: a headline, a standfirst, a name, a
 * settings text. Not for Markdown or HTML (code and tags would be changed
 * too); bodies go through `remarkTypography`.
 *
 * @example smartenText(`The paper's "new" plan -- at last...`, 'en-GB') // 'The paper’s ‘new’ plan – at last…'
 */
export function smartenText(text: string, locale: string): string {
  return smartenRuns([text], locale)[0]!;
}
