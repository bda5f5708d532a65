/**
 * A seeded synthetic archive in Masthead's content format, for the benchmark
 * and its test: `sections.yaml`, `authors/<id>.md` and
 * `articles/<year>/<slug>.md`, the same files for the same seed and size.
 *
 * The archive is shaped like a daily paper's: bodies of about 900 words on
 * average (log-normally spread, 150 to 4,000), 8–12 sections, 40 authors of
 * unequal output, tags, and latent topics (about 25 articles each) whose words
 * recur in their articles, so Similar stories has something to find. Most
 * paywalled articles carry a `<!-- free-limit -->` marker on its own line
 * between paragraphs; about one in eight is `access: free`. Subheadings,
 * quotes, lists, links, emphasis, footnotes and the odd table appear at
 * roughly the rates of real copy, so every stage of the body pipeline runs.
 * One article in five has a lead picture beside it: a small gradient JPEG
 * (written by `corpus-pictures.ts` in a child process, since sharp has no
 * synchronous API), with alt text, a credit and often a caption; pictures
 * draw from a random stream of their own, so the text is the same as without.
 *
 * Pure of clocks and environment; run by Node directly (type stripping), so
 * only erasable TypeScript and no project imports.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prng } from '../tests/helpers/prng.ts';
import path from 'node:path';
import type { CorpusPicture } from './corpus-pictures.ts';

export interface CorpusOptions {
  /** Folder to write the content folder into; emptied first. */
  dir: string;
  /** Number of articles. */
  articles: number;
  /** PRNG seed: the same seed and size give byte-identical files. Default 1. */
  seed?: number;
  /** False for text only: no lead pictures, as the plain Astro baseline has none. Default true. */
  pictures?: boolean;
}

export interface Corpus {
  /** The content folder (for `CONTENT_DIR`). */
  dir: string;
  /** Article files, relative to `dir`, in generation order. */
  articles: string[];
  sections: number;
  authors: number;
  /** Words in all bodies, by a whitespace count of the generated prose. */
  words: number;
  /** Articles with a lead picture. */
  pictures: number;
}

/** Every this many articles, one has a lead picture. */
const PICTURE_EVERY = 5;

const SECTION_NAMES = [
  'News', 'Politics', 'Business', 'Science', 'Culture', 'Sport',
  'Opinion', 'World', 'Health', 'Education', 'Environment', 'Travel',
];
const FIRST_NAMES = [
  'Mara', 'Tomas', 'Priya', 'Callum', 'Eilidh', 'Jonah', 'Ruth', 'Amira', 'Derek', 'Ros', 'Edna', 'Kofi',
  'Ines', 'Bram', 'Lena', 'Owen', 'Sian', 'Yusuf', 'Hana', 'Felix', 'Nadia', 'Rhys', 'Maeve', 'Tariq',
];
const LAST_NAMES = [
  'Okafor', 'Brennan', 'Lindqvist', 'Ashdown', 'Carver', 'Featherstone', 'Abernethy', 'Sule', 'Ansah',
  'Danvers', 'Maybury', 'Kell', 'Moreau', 'Halloran', 'Petrov', 'Nakamura', 'Quayle', 'Ferreira', 'Osei',
  'Lindgren', 'Castell', 'Whitlow', 'Barros', 'Tennant',
];
const ROLES = ['Reporter', 'Chief reporter', 'Political editor', 'Business editor', 'Science writer', 'Critic', 'Sports writer', 'Columnist'];
/** Function words at roughly their frequency in English prose (repeats weight them). */
const FUNCTION_WORDS = (
  'the the the the the of of of to to to and and and a a a in in in that that is is was was for for ' +
  'on on it with with as as he she they said said at by by from from his her their has have had be ' +
  'been were will would which who this but not or an are after more than its when also about'
).split(' ');
const SYLLABLES = [
  'har', 'bour', 'dre', 'dge', 'coun', 'cil', 'tide', 'wall', 'sea', 'grass', 'club', 'fes', 'ti', 'val',
  'quay', 'fer', 'ry', 'mar', 'ket', 'lib', 'ra', 'port', 'ston', 'mill', 'brook', 'ver', 'lan', 'tor',
  'den', 'ash', 'mo', 'rin', 'cas', 'tle', 'pen', 'wick', 'ham', 'ley', 'ford', 'dal', 'in', 'gen', 'ous',
  'ment', 'ture', 'tion', 'ber', 'lo', 'ca', 'pro', 'dus', 'vel', 'ope', 'nor', 'sun', 'rock', 'field',
];

const VOCABULARY_SIZE = 8000;
const TOPIC_WORDS = 30;
const ARTICLES_PER_TOPIC = 25;
const AUTHORS = 40;
/** The last publication day; dates run back from it, about ten articles a day. */
const LAST_DAY = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;

/**
 * Writes a synthetic content folder of `articles` articles into `dir` (emptied
 * first) and returns what it wrote.
 */
export function generateCorpus({ dir, articles, seed = 1, pictures: withPictures = true }: CorpusOptions): Corpus {
  if (!Number.isInteger(articles) || articles < 1) throw new RangeError(`articles must be a positive integer (got ${articles})`);
  const rand = prng(seed);
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const chance = (p: number) => rand() < p;
  /** Standard normal, by Box–Muller. */
  const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

  // Words: distinct made-up words, drawn with a Zipf-like law as real vocabulary is.
  const seen = new Set<string>();
  const vocabulary: string[] = [];
  while (vocabulary.length < VOCABULARY_SIZE) {
    const word = Array.from({ length: int(2, 4) }, () => pick(SYLLABLES)).join('');
    if (word.length >= 4 && !seen.has(word)) {
      seen.add(word);
      vocabulary.push(word);
    }
  }
  const zipf: number[] = [];
  let total = 0;
  // Zipf–Mandelbrot (rank + 20): function words are drawn apart, so no content word dominates.
  for (let rank = 1; rank <= VOCABULARY_SIZE; rank++) zipf.push((total += 1 / (rank + 20)));
  const commonWord = () => {
    const target = rand() * total;
    let lo = 0;
    let hi = zipf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (zipf[mid]! < target) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo]!;
  };

  // Topics: a cluster of words from the rarer half of the vocabulary, two of them its tags.
  const topics = Array.from({ length: Math.max(8, Math.ceil(articles / ARTICLES_PER_TOPIC)) }, () =>
    Array.from({ length: TOPIC_WORDS }, () => vocabulary[int(VOCABULARY_SIZE / 2, VOCABULARY_SIZE - 1)]!),
  );
  const person = () => `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;

  const sentence = (topic: readonly string[], length = int(10, 26)): string => {
    const words: string[] = [];
    for (let i = 0; i < length; i++) {
      const roll = rand();
      words.push(roll < 0.45 ? pick(FUNCTION_WORDS) : roll < 0.57 ? pick(topic) : commonWord());
    }
    if (chance(0.08)) words[int(0, words.length - 1)] = `£${int(2, 900)}${pick(['m', 'k', ',000', 'bn'])}`;
    if (chance(0.06)) words[int(0, words.length - 1)] = `*${commonWord()}*`;
    if (chance(0.03)) words[int(0, words.length - 1)] = `**${pick(topic)}**`;
    if (length > 8 && chance(0.3)) words[int(2, length - 3)] += ',';
    const text = words.join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (topic: readonly string[]) => Array.from({ length: int(2, 5) }, () => sentence(topic)).join(' ');
  const countWords = (text: string) => text.split(/\s+/).filter(Boolean).length;

  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'authors'), { recursive: true });

  const sections = SECTION_NAMES.slice(0, int(8, 12)).map((name) => ({ id: name.toLowerCase(), name }));
  writeFileSync(
    path.join(dir, 'sections.yaml'),
    sections.map(({ id, name }) => `- id: ${id}\n  name: ${name}\n  description: ${sentence(pick(topics), 12)}\n`).join(''),
  );

  const authors: string[] = [];
  for (let n = 0; n < AUTHORS; n++) {
    const name = `${FIRST_NAMES[n % FIRST_NAMES.length]} ${LAST_NAMES[(n * 7) % LAST_NAMES.length]}`;
    const id = `${name.toLowerCase().replace(/ /g, '-')}${n >= FIRST_NAMES.length ? `-${n}` : ''}`;
    authors.push(id);
    writeFileSync(path.join(dir, 'authors', `${id}.md`), `---\nname: ${name}\nrole: ${pick(ROLES)}\n---\n${paragraph(pick(topics))}\n`);
  }
  // Unequal output: the first authors write most (weights 1/√rank).
  const authorWeights: number[] = [];
  let weightTotal = 0;
  for (let rank = 1; rank <= AUTHORS; rank++) authorWeights.push((weightTotal += 1 / Math.sqrt(rank)));
  const author = () => authors[authorWeights.findIndex((w) => w >= rand() * weightTotal)] ?? authors[0]!;

  const files: string[] = [];
  const slugs: string[] = [];
  let words = 0;
  // Pictures draw from their own stream: the text of every article is the same as without them.
  const pictureRand = prng(seed * 7919 + 17);
  const shade = () => Math.floor(pictureRand() * 256);
  const pictureText = (topic: readonly string[], length: number) => {
    const text = Array.from({ length }, () => (pictureRand() < 0.5 ? FUNCTION_WORDS : topic)[Math.floor(pictureRand() * 30)] ?? topic[0]!).join(' ');
    return `${text[0]!.toUpperCase()}${text.slice(1)}`;
  };
  const pictures: CorpusPicture[] = [];
  const firstDay = LAST_DAY - Math.ceil(articles / 10) * DAY;
  for (let n = 0; n < articles; n++) {
    const topicIndex = int(0, topics.length - 1);
    const topic = topics[topicIndex]!;
    const day = firstDay + Math.floor((n / articles) * (LAST_DAY - firstDay + DAY) / DAY) * DAY;
    const isoDay = new Date(day).toISOString().slice(0, 10);
    const date = chance(0.3) ? `${isoDay}T${String(int(6, 22)).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}:00+01:00` : isoDay;
    const free = chance(0.125);

    // Body length: log-normal around 900 words (σ 0.45), kept between 150 and 4,000.
    const target = Math.min(4000, Math.max(150, Math.round(Math.exp(Math.log(900) - 0.45 ** 2 / 2 + 0.45 * normal()))));
    const blocks: string[] = [];
    let bodyWords = 0;
    let footnotes = 0;
    while (bodyWords < target) {
      const roll = rand();
      let block: string;
      if (blocks.length > 1 && roll < 0.04) block = `## ${sentence(topic, int(3, 7)).slice(0, -1).replace(/,/g, '')}`;
      else if (roll < 0.0425) {
        const rows = Array.from({ length: int(2, 5) }, () => `| ${commonWord()} | ${int(1, 9999)} |`);
        block = `| ${commonWord()} | ${commonWord()} |\n| --- | ---: |\n${rows.join('\n')}`;
      } else {
        // Prose: a paragraph, a pull quote or a list, sometimes with links or a footnote.
        if (roll < 0.08) block = `> "${sentence(topic)}" — ${person()}`;
        else if (roll < 0.1) block = Array.from({ length: int(3, 5) }, () => `- ${sentence(topic, int(5, 12))}`).join('\n');
        else block = paragraph(topic);
        if (chance(0.12)) block += ` See [${commonWord()} ${pick(topic)}](https://example.org/${commonWord()}/${int(1, 999)}).`;
        if (slugs.length > 0 && chance(0.04)) block += ` We reported [${pick(topic)} earlier](/articles/${pick(slugs)}/).`;
        if (chance(0.006)) block += `[^${++footnotes}]`;
      }
      blocks.push(block);
      bodyWords += countWords(block);
    }
    for (let f = 1; f <= footnotes; f++) blocks.push(`[^${f}]: ${sentence(topic, int(6, 14))}`);
    if (!free && chance(0.85)) blocks.splice(Math.min(blocks.length, int(2, 4)), 0, '<!-- free-limit -->');
    words += bodyWords;

    const title = sentence(topic, int(6, 12)).slice(0, -1).replace(/[*,]/g, '');
    const slug = `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').split('-').filter(Boolean).slice(0, 6).join('-')}-${n + 1}`;
    const tags = [...new Set(Array.from({ length: int(0, 4) }, () => (chance(0.6) ? topic[int(0, 3)]! : commonWord())))];
    const frontmatter = [
      `title: "${title}"`,
      `author: ${author()}`,
      `section: ${sections[(topicIndex + (chance(0.2) ? int(1, sections.length - 1) : 0)) % sections.length]!.id}`,
      `date: ${date}`,
      `standfirst: "${sentence(topic, int(14, 30)).replace(/[*]/g, '')}"`,
      ...(tags.length > 0 ? [`tags: [${tags.join(', ')}]`] : []),
      ...(chance(0.1) ? [`updated: ${new Date(day + int(1, 3) * DAY).toISOString().slice(0, 10)}`] : []),
      ...(free ? ['access: free'] : []),
    ];
    const file = path.join('articles', isoDay.slice(0, 4), `${slug}.md`);
    if (withPictures && n % PICTURE_EVERY === PICTURE_EVERY - 1) {
      // Newsroom pictures are larger; these are small so a benchmark of 1,000 articles stays minutes, not tens.
      const [width, height] = pictureRand() < 0.75 ? [720, 480] : [480, 600];
      const from: [number, number, number] = [shade(), shade(), shade()];
      pictures.push({ file: path.join(dir, path.dirname(file), `${slug}.jpg`), width, height, from, to: [255 - from[0], 255 - from[1], 255 - from[2]] });
      frontmatter.push(
        'image:',
        `  src: ./${slug}.jpg`,
        `  alt: ${pictureText(topic, 8)}`,
        ...(pictureRand() < 0.6 ? [`  caption: ${pictureText(topic, 12)}.`] : []),
        `  credit: ${FIRST_NAMES[Math.floor(pictureRand() * FIRST_NAMES.length)]} ${LAST_NAMES[Math.floor(pictureRand() * LAST_NAMES.length)]}`,
      );
    }
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `---\n${frontmatter.join('\n')}\n---\n${blocks.join('\n\n')}\n`);
    files.push(file);
    slugs.push(slug);
  }
  if (pictures.length > 0) {
    execFileSync(process.execPath, ['--experimental-strip-types', fileURLToPath(new URL('./corpus-pictures.ts', import.meta.url))], {
      input: JSON.stringify(pictures),
      stdio: ['pipe', 'inherit', 'inherit'],
    });
  }
  return { dir, articles: files, sections: sections.length, authors: AUTHORS, words, pictures: pictures.length };
}

/**
 * Changes one article as an editor would, where every reader sees it: a
 * sentence added to the first paragraph of the body, which is before any
 * free limit, so the page, the search index and the article's similar
 * stories all have to follow. Returns the file changed.
 */
export function editOneArticle(corpus: Corpus, index = Math.floor(corpus.articles.length / 2)): string {
  const file = path.join(corpus.dir, corpus.articles[index]!);
  const text = readFileSync(file, 'utf8');
  const bodyStart = text.indexOf('\n---\n', 4) + 5;
  const paragraphEnd = text.indexOf('\n\n', bodyStart);
  const at = paragraphEnd === -1 ? text.trimEnd().length : paragraphEnd;
  writeFileSync(file, `${text.slice(0, at)} An editor added this sentence after publication.${text.slice(at)}`);
  return file;
}
