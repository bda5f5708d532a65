/**
 * Text → terms for the "similar stories" model.
 *
 * Pure, dependency-free and deterministic: lowercase, Unicode-aware word
 * split, English stopword removal, a minimum length, and a deliberately
 * light suffix-stripping stemmer (not Porter: a dozen rules that fold the
 * common inflections of English news prose onto one key).
 *
 * The stems are *keys*, not words: "dredge", "dredged", "dredging" all
 * become "dredg"; "prices" and "priced" become "pric". They are never shown.
 */

/**
 * A compact English stopword list: function words, auxiliaries, the most
 * frequent news filler ("said", "says", "also", "year"…), weekdays, months
 * (except "march", which is also a protest; "may" is in as the verb) and
 * spelled-out numbers. Entries are
 * lowercase with apostrophes removed, matching what {@link words} yields.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'about above across after again against ago all almost along already also although always am among an and ' +
    'another any anyone anything are around as at back be became because become been before being below ' +
    'between both but by can cannot could did didnt do does doesnt doing done dont down during each either ' +
    'else enough even ever every few for from further get gets getting got had hadnt has hasnt have havent ' +
    'having he her here hers herself him himself his how however if in into is isnt it its itself just ' +
    'last least less like made make makes many may me might more most much must my myself near nearly ' +
    'neither never new next no nor not now of off often on once one only onto or other others our ours ' +
    'ourselves out over own per perhaps quite rather really said same say says see seen several shall she ' +
    'should shouldnt since so some still such than that thats the their theirs them themselves then there ' +
    'therefore these they theyre thing things this those though through thus to too toward towards two under ' +
    'until up upon us very via was wasnt we were werent what whatever when where whether which while who ' +
    'whom whose why will with within without wont would wouldnt yet you your yours yourself yourselves ' +
    'year years week weeks day days time times told mr mrs ms dr way ways well went go goes going come ' +
    'came take took put ' +
    // calendar words and spelled-out numbers: everywhere in news, about nothing
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow ' +
    'january february april june july august september october november december ' +
    'three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds ' +
    'thousand thousands million millions first second third half'
  ).split(' '),
);

/** Anything that is not a letter, digit, combining mark or apostrophe. */
const SEPARATOR_RE = /[^\p{L}\p{N}\p{M}'’]+/u;
const APOSTROPHES_RE = /['’]/g;
const NUMBER_RE = /^\p{N}+$/u;
const VOWEL_RE = /[aeiouy]/;

/**
 * Split text into lowercase words (Unicode letters/digits), NFC-normalised
 * so "café" typed with a combining accent equals the precomposed one.
 * Apostrophes are removed ("harbour's" → "harbours", "don't" → "dont",
 * "'quoted'" → "quoted"). No filtering, no stemming.
 *
 * @param text Any plain text.
 * @returns Words in reading order.
 */
export function words(text: string): string[] {
  // split() is markedly faster than a global matchAll/exec loop in V8.
  const parts = text.normalize('NFC').toLowerCase().split(SEPARATOR_RE);
  const out: string[] = [];
  for (const part of parts) {
    const w = part.includes("'") || part.includes('’') ? part.replace(APOSTROPHES_RE, '') : part;
    if (w !== '') out.push(w);
  }
  return out;
}

/**
 * One word → its term, or `null` if the word is not indexable
 * (see {@link isIndexable}); i.e. the per-word step of {@link tokenize}.
 *
 * @param word A lowercase word from {@link words}.
 */
export function termOf(word: string): string | null {
  return isIndexable(word) ? stem(word) : null;
}

/** Length in code points (so "zürich" is 6 whatever the normal form). */
function codePointLength(word: string): number {
  let n = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++; // count each surrogate pair once
  }
  return n;
}

/** True for a doubled final consonant that English doubles before -ed/-ing. */
function endsWithDoubledConsonant(w: string): boolean {
  const n = w.length;
  if (n < 2) return false;
  const a = w.charCodeAt(n - 1);
  if (a !== w.charCodeAt(n - 2)) return false;
  // keep -ll, -ss, -zz, -ff ("fall", "press", "buzz", "staff") and vowels
  return 'bdgkmnprt'.includes(w.charAt(n - 1));
}

/**
 * A light, deterministic English stemmer (suffix stripping only).
 *
 * Rules, first match wins, each only if what remains keeps ≥ 3 characters
 * and (for -ed/-ing) a vowel:
 * - `-ies`/`-ied` → `-y` ("bakeries" → "bakery", "carried" → "carry");
 * - `-sses` → `-ss`; `-ches`/`-shes`/`-xes`/`-zes` → drop `-es`;
 * - `-s` → drop, unless `-ss`, `-us`, `-is` ("prices", but "chess", "bus");
 * - `-ing`, `-ed` (not `-eed`: "speed", "need") → drop, then undouble a
 *   doubled consonant ("planned" → "plan");
 * - finally a trailing `-e` is dropped so "dredge"/"dredged"/"dredging" meet.
 *
 * Words that do not end in these ASCII suffixes (e.g. "café") pass unchanged.
 *
 * @param word A lowercase word.
 * @returns Its stem (possibly the word itself).
 */
export function stem(word: string): string {
  let w = word;
  const n = w.length;
  if (n <= 3) return w;

  if (w.endsWith('ies') || w.endsWith('ied')) {
    if (n - 3 >= 2) w = w.slice(0, -3) + 'y';
  } else if (w.endsWith('sses')) {
    w = w.slice(0, -2);
  } else if (w.endsWith('ches') || w.endsWith('shes') || w.endsWith('xes') || w.endsWith('zes')) {
    if (n - 2 >= 3) w = w.slice(0, -2);
  } else if (w.endsWith('s')) {
    if (!w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is') && n - 1 >= 3) w = w.slice(0, -1);
  } else if (w.endsWith('ing')) {
    const base = w.slice(0, -3);
    if (base.length >= 3 && VOWEL_RE.test(base)) w = endsWithDoubledConsonant(base) ? base.slice(0, -1) : base;
  } else if (w.endsWith('ed') && !w.endsWith('eed')) {
    const base = w.slice(0, -2);
    if (base.length >= 3 && VOWEL_RE.test(base)) w = endsWithDoubledConsonant(base) ? base.slice(0, -1) : base;
  }

  if (w.length > 3 && w.endsWith('e') && !w.endsWith('ee')) w = w.slice(0, -1);
  return w;
}

/**
 * True if a lowercase word should become a term: not a stopword, at least
 * 3 code points long, and not a pure number ("2024", "١٢٣").
 *
 * @param word A lowercase word from {@link words}.
 */
export function isIndexable(word: string): boolean {
  return !STOPWORDS.has(word) && codePointLength(word) >= 3 && !NUMBER_RE.test(word);
}

/**
 * Text → terms: {@link words}, filtered by {@link isIndexable}, then
 * {@link stem}med. Duplicates are kept (term frequency matters).
 *
 * @example tokenize("The harbours were dredged") // → ["harbour", "dredg"]
 * @param text Any plain text.
 * @returns Terms in reading order.
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (isIndexable(w)) out.push(stem(w));
  }
  return out;
}

/**
 * Normalise an editorial tag to a single term key: NFC, lowercase, trimmed,
 * inner whitespace/underscores collapsed to "-", prefixed with "#" so a tag
 * never collides with a word term ("#harbour-dredging").
 *
 * @param tag A tag as written in front matter.
 * @returns The tag term, or "" for a blank tag.
 */
export function tagTerm(tag: string): string {
  const t = tag.normalize('NFC').toLowerCase().trim().replace(/[\s_]+/gu, '-');
  return t === '' ? '' : `#${t}`;
}

// ---------------------------------------------------------------------------
// Fast path for bulk indexing.
//
// `words()` allocates one string per token and a Map lookup then has to hash
// each fresh string; over a 100k-article archive that dominated the whole
// build step (~0.5 µs per word). `createWordIndex()` scans the lowercased
// text by char code, hashes words in place and only allocates a string the
// first time a distinct word is seen. It yields exactly the words `words()`
// yields (a unit test checks this).
// ---------------------------------------------------------------------------

/** Char classes for the BMP: 0 separator, 1 word char, 2 apostrophe, 3 surrogate. */
let charClass: Uint8Array | undefined;

function getCharClass(): Uint8Array {
  if (charClass !== undefined) return charClass;
  const table = new Uint8Array(0x10000);
  const wordChar = /[\p{L}\p{N}\p{M}]/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = 3;
    else if (c === 0x27 || c === 0x2019) table[c] = 2;
    else if (c < 0x80) table[c] = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) ? 1 : 0;
    else table[c] = wordChar.test(String.fromCharCode(c)) ? 1 : 0;
  }
  charClass = table;
  return table;
}

const ASTRAL_WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;

/** Width (0, 1 or 2 code units) of the word char starting at i; 0 = not a word char. */
function wordCharWidth(s: string, i: number, table: Uint8Array): number {
  const cls = table[s.charCodeAt(i)] ?? 0;
  if (cls === 1) return 1;
  if (cls !== 3) return 0;
  const cp = s.codePointAt(i) ?? 0;
  if (cp < 0x10000) return 0; // lone surrogate
  return ASTRAL_WORD_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/** A cache from distinct words to numbers, fed by scanning raw text. */
export interface WordIndex {
  /**
   * Call `onValue(resolve(word))` for every word of `text`, in order, where
   * the words are those of {@link words} and `resolve` runs once per
   * distinct word (its result is cached).
   */
  scan(text: string, onValue: (value: number) => void): void;
  /** Distinct words seen so far. */
  readonly size: number;
}

/**
 * Create a {@link WordIndex}: an interning hash table that maps each
 * distinct word to the number `resolve(word)` returns, e.g. a term id or −1
 * for a stopword.
 *
 * Layout is chosen for cache misses, which dominate on large vocabularies:
 * open addressing over one Int32Array of 4-int slots (FNV-1a hash, offset
 * into a shared UTF-16 char pool, length, value), so a probe touches one
 * slot and one contiguous run of pooled chars — no per-word JS objects.
 *
 * @param resolve Called once per distinct word.
 */
export function createWordIndex(resolve: (word: string) => number): WordIndex {
  const SLOT = 4; // [hash, poolOffset + 1 (0 = empty), length, value]
  let capacity = 1 << 12;
  let slots = new Int32Array(capacity * SLOT);
  let pool = new Uint16Array(1 << 14);
  let poolUsed = 0;
  let count = 0;

  function grow(): void {
    const old = slots;
    capacity *= 2;
    const mask = capacity - 1;
    slots = new Int32Array(capacity * SLOT);
    for (let o = 0; o < old.length; o += SLOT) {
      if (old[o + 1] === 0) continue;
      let i = (old[o] ?? 0) & mask;
      while (slots[i * SLOT + 1] !== 0) i = (i + 1) & mask;
      slots.set(old.subarray(o, o + SLOT), i * SLOT);
    }
  }

  /** Do the pooled chars at `offset` equal s[start, end) with apostrophes skipped? */
  function equalsSpan(offset: number, s: string, start: number, end: number, table: Uint8Array): boolean {
    let k = offset;
    for (let j = start; j < end; j++) {
      const c = s.charCodeAt(j);
      if (table[c] === 2) continue;
      if (pool[k] !== c) return false;
      k++;
    }
    return true;
  }

  function lookup(s: string, start: number, end: number, hash: number, length: number, table: Uint8Array): number {
    const mask = capacity - 1;
    let i = hash & mask;
    for (;;) {
      const o = i * SLOT;
      const offset1 = slots[o + 1] ?? 0;
      if (offset1 === 0) break;
      if (slots[o] === hash && slots[o + 2] === length && equalsSpan(offset1 - 1, s, start, end, table)) {
        return slots[o + 3] ?? -1;
      }
      i = (i + 1) & mask;
    }
    // New distinct word: materialise it once.
    const raw = s.slice(start, end);
    const word = raw.length === length ? raw : raw.replace(APOSTROPHES_RE, '');
    const value = resolve(word);
    if (poolUsed + length > pool.length) {
      const bigger = new Uint16Array(Math.max(pool.length * 2, poolUsed + length));
      bigger.set(pool);
      pool = bigger;
    }
    for (let j = 0; j < length; j++) pool[poolUsed + j] = word.charCodeAt(j);
    const o = i * SLOT;
    slots[o] = hash;
    slots[o + 1] = poolUsed + 1;
    slots[o + 2] = length;
    slots[o + 3] = value;
    poolUsed += length;
    count++;
    if (count * 2 > capacity) grow();
    return value;
  }

  return {
    scan(text: string, onValue: (value: number) => void): void {
      const table = getCharClass();
      const s = text.normalize('NFC').toLowerCase();
      const n = s.length;
      let i = 0;
      while (i < n) {
        // Skip separators.
        let w = wordCharWidth(s, i, table);
        while (i < n && w === 0 && table[s.charCodeAt(i)] !== 2) {
          i++;
          if (i < n) w = wordCharWidth(s, i, table);
        }
        if (i >= n) break;
        // A run of word chars and apostrophes; hash the word chars only.
        const start = i;
        let hash = 0x811c9dc5 | 0;
        let length = 0; // in code units, apostrophes excluded
        while (i < n) {
          const c = s.charCodeAt(i);
          const cls = table[c] ?? 0;
          if (cls === 1) {
            hash = Math.imul(hash ^ c, 0x01000193);
            length++;
            i++;
          } else if (cls === 2) {
            i++;
          } else if (cls === 3 && wordCharWidth(s, i, table) === 2) {
            hash = Math.imul(hash ^ c, 0x01000193);
            hash = Math.imul(hash ^ s.charCodeAt(i + 1), 0x01000193);
            length += 2;
            i += 2;
          } else break;
        }
        if (length > 0) onValue(lookup(s, start, i, hash, length, table));
      }
    },
    get size() {
      return count;
    },
  };
}
