import type { ElementSeen } from './html-reading';

/**
 * Other systems' cut and excerpt markers, as data: imported copy carries them,
 * and Masthead does not cut at any of them, so a writer who relies on one
 * publishes what follows it. Each is refused, naming the system. Adding one is
 * one line.
 *
 * A `comment` pattern is matched against an HTML comment's text as a reader
 * would read it (escapes decoded, NFKC, lower case, dashes made `-`, spaces
 * squeezed, stray `-` at the ends trimmed); an `element` test against every
 * element in raw HTML (attribute values in lower case); a `text` pattern
 * anywhere in a line of the body, read the same way as a comment.
 */
export interface ReadMoreMarker {
  /** Who writes it: "WordPress", "Ghost". */
  system: string;
  /** What that system calls it. */
  name: string;
  /** The marker as that system writes it, for the docs and the tests. */
  example: string;
  comment?: RegExp;
  element?: (element: ElementSeen) => boolean;
  text?: RegExp;
}

const hasClass = (element: ElementSeen, pattern: RegExp) => pattern.test(element.attributes.class ?? '');
const attributeMatches = (element: ElementSeen, pattern: RegExp) =>
  Object.entries(element.attributes).some(([name, value]) => !/^(?:href|src|srcset|cite|action|poster)$/.test(name) && pattern.test(value));

export const READ_MORE_MARKERS: readonly ReadMoreMarker[] = [
  { system: 'WordPress (and Hugo, Jekyll, Hexo, Blogger, Movable Type)', name: 'read-more tag', example: '<!--more-->', comment: /^more(?:\s|$)/ },
  { system: 'WordPress', name: 'page break', example: '<!--nextpage-->', comment: /^nextpage$/ },
  { system: 'WordPress block editor', name: 'More block', example: '<!-- wp:more -->', comment: /^\/?wp:more(?:\s|$)/ },
  { system: 'WordPress block editor', name: 'Page Break block', example: '<!-- wp:nextpage -->', comment: /^\/?wp:nextpage(?:\s|$)/ },
  { system: 'WordPress block editor', name: 'More block', example: '<p class="wp-block-more"></p>', element: (element) => hasClass(element, /\bwp-block-more\b/) },
  { system: 'WordPress paywall plugins', name: 'shortcode', example: '[restrict]', text: /\[\/?(?:paywall|restrict|members?[-_]only|membership|premium|subscriber[-_]only|leaky[-_]paywall|swpm[-_]protected|memberful[-_]private|mepr[-_][a-z-]+|pmpro[-_][a-z_]+|ihc[-_]hide[-_]content)(?:\s[^\]]*)?\](?![(:[])/ },
  { system: 'Drupal', name: 'summary break', example: '<!--break-->', comment: /^break$/ },
  { system: 'Blogger', name: 'jump break', example: "<a name='more'></a>", element: (element) => element.name === 'a' && element.attributes.name === 'more' },
  { system: 'Joomla', name: 'Read More break', example: '<hr id="system-readmore" />', element: (element) => element.name === 'hr' && element.attributes.id === 'system-readmore' },
  { system: 'Joomla', name: 'page break', example: '<hr class="system-pagebreak" />', element: (element) => element.name === 'hr' && hasClass(element, /\bsystem-pagebreak\b/) },
  { system: 'Pelican', name: 'summary marker', example: '<!-- PELICAN_END_SUMMARY -->', comment: /^pelican_(?:end|begin)_summary$/ },
  { system: 'Hugo', name: 'paywall shortcode', example: '{{< paywall >}}', text: /\{\{[<%]\s*\/?\s*(?:paywall|members?[-_]?only|premium|subscribers?[-_]?only|more)\b[^}]*[>%]\}\}/ },
  { system: 'Jekyll', name: 'excerpt separator', example: '<!--end_excerpt-->', comment: /^(?:excerpt|end[-_ ]?excerpt|excerpt[-_ ]?end)$/ },
  { system: 'Liquid (Jekyll, Shopify)', name: 'paywall tag', example: '{% paywall %}', text: /\{%-?\s*(?:end)?(?:paywall|members?[-_]?only|premium|subscribers?[-_]?only)\b[^%]*-?%\}/ },
  { system: 'Docusaurus', name: 'truncate marker', example: '<!-- truncate -->', comment: /^truncate$/ },
  { system: 'Docusaurus', name: 'truncate marker', example: '{/* truncate */}', text: /\{\/\*\s*truncate\s*\*\/\}/ },
  { system: 'Ghost', name: 'members-only marker (paywall card)', example: '<!--members-only-->', comment: /^members-only$/ },
  { system: 'Ghost', name: 'paywall card', example: '<!--kg-card-begin: paywall-->', comment: /^kg-card-(?:begin|end):\s?paywall$/ },
  { system: 'Tumblr', name: 'read-more break', example: '[[MORE]]', text: /\[\[more\]\]/ },
  { system: 'LiveJournal and Dreamwidth', name: 'cut', example: '<lj-cut text="Read on">', element: (element) => element.name === 'lj-cut' || element.name === 'cut' },
  { system: 'Substack', name: 'paywall', example: '<div class="paywall-jump" data-component-name="PaywallToDOM"></div>', element: (element) => hasClass(element, /paywall/) || /paywall/.test(element.attributes['data-component-name'] ?? '') },
  { system: 'Medium and other hosts', name: 'paywall element', example: '<div class="meteredContent"></div>', element: (element) => attributeMatches(element, /\b(?:pay-?wall|members?-only|premium-content|subscribers?-only|meteredcontent)\b/) },
];

/**
 * A writer's own note that reads as a cut: a comment whose words are cut words
 * and filler only (`<!-- paywall starts here -->`, `<!-- members only below -->`),
 * not one that says something else (`<!-- TODO: add more quotes -->`).
 */
const CUT_WORDS = new Set([
  'more', 'readmore', 'jump', 'break', 'fold', 'excerpt', 'paywall', 'members', 'member', 'subscribers', 'subscriber', 'premium',
  'paid', 'teaser', 'truncate', 'cut', 'preview', 'metered', 'locked', 'free', 'continuereading', 'keepreading',
]);
const FILLER = new Set([
  'here', 'starts', 'start', 'begins', 'begin', 'below', 'above', 'after', 'before', 'this', 'point', 'line', 'the', 'a', 'an', 'of', 'for',
  'only', 'content', 'section', 'part', 'text', 'end', 'ends', 'marker', 'goes', 'put', 'insert', 'is', 'at', 'on', 'from', 'onwards',
  'page', 'to', 'and', 'or', 'follows', 'following', 'continues', 'resumes', 'now', 'onward',
]);

/** Pairs of words that make one cut word. */
const PAIRS: Record<string, string> = { 'read more': 'readmore', 'continue reading': 'continuereading', 'keep reading': 'keepreading' };

/** Words of a note, with the pairs above joined as one. */
function noteWords(text: string): string[] {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  const joined: string[] = [];
  for (let index = 0; index < words.length; index++) {
    const pair = PAIRS[`${words[index]} ${words[index + 1]}`];
    if (pair) {
      joined.push(pair);
      index++;
    } else joined.push(words[index]!);
  }
  return joined;
}

/** The cut words of a note that reads as a cut, or `undefined` when it says anything else. */
export function readsAsCut(note: string): string[] | undefined {
  const words = noteWords(note);
  const cut = words.filter((word) => CUT_WORDS.has(word));
  return cut.length > 0 && words.every((word) => CUT_WORDS.has(word) || FILLER.has(word)) ? cut : undefined;
}

export type ReadMoreMatch = { marker: ReadMoreMarker } | { cutWords: string[] };

/** Which table entry, if any, a comment's folded text is. A writer's own cut note comes last. */
export function matchComment(folded: string): ReadMoreMatch | undefined {
  const marker = READ_MORE_MARKERS.find((entry) => entry.comment?.test(folded));
  if (marker) return { marker };
  const cutWords = readsAsCut(folded);
  return cutWords ? { cutWords } : undefined;
}

/** Which table entry, if any, an element is; attribute values are compared in lower case, as a writer's eye does. */
export function matchElement(element: ElementSeen): ReadMoreMarker | undefined {
  const folded: ElementSeen = { ...element, attributes: Object.fromEntries(Object.entries(element.attributes).map(([name, value]) => [name, value.toLowerCase()])) };
  return READ_MORE_MARKERS.find((entry) => entry.element?.(folded));
}

export function matchText(folded: string): ReadMoreMarker | undefined {
  return READ_MORE_MARKERS.find((entry) => entry.text?.test(folded));
}
