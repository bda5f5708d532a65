/**
 * The search page's client: Pagefind's JavaScript API behind a plain form.
 * Results are announced in a live region; each result is a heading link, so
 * screen-reader users can move through them by heading or by link.
 */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; date?: string };
  filters: { section?: string[] };
}
interface PagefindApi {
  search(query: string): Promise<{ results: Array<{ data(): Promise<PagefindResultData> }> }>;
}

const MAX_RESULTS = 20;

/** Keeps only Pagefind's `<mark>` highlighting from an excerpt; everything else becomes text. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  const parts = excerpt.split(/(<mark>.*?<\/mark>)/g);
  for (const part of parts) {
    const mark = /^<mark>(.*)<\/mark>$/.exec(part);
    const text = (mark ? mark[1]! : part).replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) =>
      ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? '',
    );
    if (mark) {
      const element = document.createElement('mark');
      element.textContent = text;
      nodes.push(element);
    } else nodes.push(document.createTextNode(text));
  }
  return nodes;
}

export function startSearch(): void {
  const root = document.querySelector<HTMLElement>('[data-search]');
  if (!root) return;
  const form = root.querySelector('form')!;
  const input = root.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const list = root.querySelector<HTMLOListElement>('[data-search-results]')!;
  let api: Promise<PagefindApi> | undefined;
  let latest = 0;

  const load = () => (api ??= import(/* @vite-ignore */ root.dataset.pagefindUrl!) as Promise<PagefindApi>);

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
      const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
      if (ticket !== latest) return;
      list.replaceChildren(
        ...data.map((result) => {
          const item = document.createElement('li');
          item.className = 'search__result';
          const heading = document.createElement('h2');
          heading.className = 'search__result-title';
          const link = document.createElement('a');
          link.href = result.url;
          link.textContent = result.meta.title ?? result.url;
          heading.append(link);
          const meta = document.createElement('p');
          meta.className = 'story__meta';
          meta.textContent = [result.filters.section?.[0], result.meta.date].filter(Boolean).join(' / ');
          const excerpt = document.createElement('p');
          excerpt.className = 'search__excerpt';
          excerpt.append(...excerptNodes(result.excerpt));
          item.append(meta, heading, excerpt);
          return item;
        }),
      );
      const count = search.results.length;
      status.textContent =
        count === 0
          ? `No stories match “${trimmed}”.`
          : `${count} ${count === 1 ? 'story matches' : 'stories match'} “${trimmed}”${count > MAX_RESULTS ? `; showing the first ${MAX_RESULTS}` : ''}.`;
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
