/**
 * The search page's client: Pagefind's JavaScript API behind a plain form.
 * Results are announced in a live region; each result is a heading link, so
 * screen-reader users can move through them by heading or by link. A result
 * looks like an item of the site's own story lists (StoryList.astro): section
 * and date, the headline, then an excerpt of the text (src/search/excerpt.ts).
 */
import { resultExcerpt, type WordLocation } from './excerpt';
import { countAnswering, queryTerms, wholeLocations } from './whole-match';

interface PagefindResultData {
  url: string;
  /** The indexed text: headline, standfirst and free part. */
  content: string;
  weighted_locations: WordLocation[];
  /** Metadata the article page tags (src/search/records.ts). */
  meta: { title?: string; date?: string; datetime?: string; section_url?: string; image?: string; label?: string; access?: string };
  filters: { section?: string[] };
}
interface PagefindApi {
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
  /** Adds another index's results to every search; `baseUrl` is put in front of its pages' URLs. */
  mergeIndex(bundlePath: string, options: { baseUrl: string }): Promise<void>;
}

const MAX_RESULTS = 20;

/** The access marker's words, from the page (settings.subscribe.marker, markerSpoken). */
interface MarkerWords {
  shown: string;
  spoken: string;
}

/** One result as a story-list item: the same elements and classes as StoryList.astro's (and AccessMarker.astro's). */
function resultItem(result: PagefindResultData, marker: MarkerWords): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'story search__result';
  const meta = document.createElement('p');
  meta.className = 'story__meta';
  const section = result.filters.section?.[0];
  if (section) {
    const label = document.createElement(result.meta.section_url ? 'a' : 'span');
    if (label instanceof HTMLAnchorElement) label.href = result.meta.section_url!;
    label.textContent = section;
    const separator = document.createElement('span');
    separator.setAttribute('aria-hidden', 'true');
    separator.textContent = ' / ';
    meta.append(label, separator);
  }
  if (result.meta.date) {
    const time = document.createElement('time');
    if (result.meta.datetime) time.dateTime = result.meta.datetime;
    time.textContent = result.meta.date;
    meta.append(time);
  }
  const parts: HTMLElement[] = [meta];
  if (result.meta.label) {
    const label = document.createElement('p');
    label.className = 'story__label label';
    label.textContent = result.meta.label;
    parts.push(label);
  }
  const heading = document.createElement('h2');
  heading.className = 'story__title search__result-title';
  const link = document.createElement('a');
  link.href = result.url;
  link.textContent = result.meta.title ?? result.url;
  heading.append(link);
  const excerpt = document.createElement('p');
  excerpt.className = 'story__standfirst search__excerpt';
  for (const part of resultExcerpt({ content: result.content, weighted_locations: result.weighted_locations, title: result.meta.title })) {
    if (part.mark) {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    } else excerpt.append(part.text);
  }
  parts.push(heading, excerpt);
  if (result.meta.access === 'subscribers') {
    const access = document.createElement('p');
    access.className = 'access-marker';
    const shown = document.createElement('span');
    shown.setAttribute('aria-hidden', 'true');
    shown.textContent = marker.shown;
    const spoken = document.createElement('span');
    spoken.className = 'sr-only';
    spoken.textContent = marker.spoken;
    access.append(shown, spoken);
    parts.push(access);
  }
  item.append(...parts);
  if (result.meta.image) {
    // The lead picture's 3:2 card crop (src/pictures/figure-html.ts), beside the text as on story cards; decorative, like theirs.
    item.classList.add('story--picture');
    const picture = document.createElement('div');
    picture.className = 'picture story__picture';
    const img = document.createElement('img');
    Object.assign(img, { src: result.meta.image, alt: '', width: 400, height: 267, loading: 'lazy', decoding: 'async' });
    picture.append(img);
    item.append(picture);
  }
  return item;
}

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  const marker = { shown: root.dataset.accessMarker ?? 'Subscribers', spoken: root.dataset.accessMarkerSpoken ?? 'For subscribers' };
  let api: Promise<PagefindApi> | undefined;
  let latest = 0;

  // The main part of the index, with the archive parts (earlier years, src/search/parts.ts) merged in.
  const load = () =>
    (api ??= (async () => {
      const pagefind = (await import(/* @vite-ignore */ root.dataset.pagefindUrl!)) as PagefindApi;
      const archive = JSON.parse(root.dataset.pagefindArchive ?? '[]') as string[];
      for (const part of archive) await pagefind.mergeIndex(part, { baseUrl: root.dataset.pagefindBase ?? '/' });
      return pagefind;
    })());

  async function run(query: string) {
    const ticket = ++latest;
    const trimmed = query.trim();
    const url = new URL(location.href);
    if (trimmed) url.searchParams.set('q', trimmed);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!trimmed) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = 'Searching…';
    try {
      const search = await (await load()).search(trimmed);
      // Only results holding the words asked for, not Pagefind's fallback to a piece of them ("bequest" → "be"):
      // whole-match.ts. Their matches alone are marked, and only they are counted.
      const terms = queryTerms(trimmed);
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      const answering = data.map((result) => wholeLocations(result, terms));
      const count = await countAnswering(search.results.length, answering.map(Boolean), async (index) =>
        Boolean(wholeLocations(await search.results[index]!.data(), terms)),
      );
      if (ticket !== latest) return;
      const shown = data.flatMap((result, index) => {
        const locations = answering[index];
        return locations ? [resultItem({ ...result, weighted_locations: locations }, marker)] : [];
      });
      list.replaceChildren(...shown);
      status.textContent =
        count === 0
          ? `No stories match “${trimmed}”.`
          : `${count} ${count === 1 ? 'story matches' : 'stories match'} “${trimmed}”${count > shown.length ? `; showing the first ${shown.length}` : ''}.`;
    } catch {
      if (ticket === latest) status.textContent = 'Search is not available right now.';
    }
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(input.value), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void run(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(initial);
  }
}
