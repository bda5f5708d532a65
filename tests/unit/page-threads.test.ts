/**
 * The page threads' guard (src/page-threads/integration.ts): article pages go
 * to the threads, every other page to Astro's own renderer, and one threaded
 * page in CHECK_EVERY is rendered by both and must match byte for byte. The
 * threads themselves are built for real in tests/build/incremental.test.ts.
 */
import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { CHECK_EVERY, checkedPrerenderer, defaultPageThreads, renderedLine, type HeadScript } from '../../src/page-threads/integration';
import type { PagePool } from '../../src/page-threads/pool';

type RouteData = Parameters<AstroPrerenderer['render']>[1]['routeData'];
const articleRoute = { component: 'src/pages/articles/[slug].astro', route: '/articles/[slug]' } as RouteData;
const sectionRoute = { component: 'src/pages/sections/[id]/[...page].astro', route: '/sections/[id]/[...page]' } as RouteData;
const request = (path: string) => new Request(`https://paper.example${path}`);

/** Astro's renderer and a pool, each printing a page as `<p>{who}:{path}</p>`, or as `threadPage` says for the pool. */
function setUp({ scripts = [], threadPage }: { scripts?: { stage: string; content: string }[]; threadPage?: (path: string) => string } = {}) {
  const calls = { astro: [] as string[], pool: [] as string[], started: [] as HeadScript[][], warnings: [] as string[], info: [] as string[] };
  const page = (path: string) => `<p>${path}</p>`;
  const astroDefault = {
    name: 'astro:default',
    app: { getSettings: () => ({ scripts }) },
    setup: async () => {},
    getStaticPaths: async () => [],
    render: async (req: Request) => {
      const { pathname } = new URL(req.url);
      calls.astro.push(pathname);
      return new Response(page(pathname));
    },
  } as AstroPrerenderer;
  let rendered = 0;
  const pool: PagePool = {
    render: async (req) => {
      const { pathname } = new URL(req.url);
      calls.pool.push(pathname);
      rendered++;
      return { response: new Response((threadPage ?? page)(pathname), { headers: { 'content-type': 'text/html' } }), metadata: { contentEntryKeys: [pathname] } } as never;
    },
    get rendered() {
      return rendered;
    },
    close: async () => {},
  };
  const logger = { info: (line: string) => void calls.info.push(line), warn: (line: string) => void calls.warnings.push(line) };
  const prerenderer = checkedPrerenderer(astroDefault, 2, logger, (given) => {
    calls.started.push(given);
    return pool;
  });
  return { prerenderer, calls };
}

async function text(result: Awaited<ReturnType<AstroPrerenderer['render']>>): Promise<string> {
  return (result instanceof Response ? result : result.response).text();
}

describe('page threads', () => {
  it('render article pages in the threads and every other page in the build, checking the first threaded page and one in CHECK_EVERY after it', async () => {
    const { prerenderer, calls } = setUp({ scripts: [{ stage: 'head-inline', content: 'window.x = 1' }] });
    await prerenderer.setup!();
    expect(await text(await prerenderer.render(request('/sections/news/'), { routeData: sectionRoute }))).toBe('<p>/sections/news/</p>');
    const results = [];
    for (let index = 0; index < CHECK_EVERY + 2; index++) {
      results.push(await prerenderer.render(request(`/articles/story-${index}/`), { routeData: articleRoute, collectMetadata: true }));
    }
    expect(calls.pool).toHaveLength(CHECK_EVERY + 2);
    // Astro's own renderer: the section page, then the two checked article pages.
    expect(calls.astro).toEqual(['/sections/news/', '/articles/story-0/', `/articles/story-${CHECK_EVERY}/`]);
    // The checked page keeps the thread's record for Astro's incremental build, and its bytes.
    const checked = results[0] as { response: Response; metadata: unknown };
    expect(checked.metadata).toEqual({ contentEntryKeys: ['/articles/story-0/'] });
    expect(await checked.response.text()).toBe('<p>/articles/story-0/</p>');
    expect(checked.response.headers.get('content-type')).toBe('text/html');
    expect(await text(results[1]!)).toBe('<p>/articles/story-1/</p>');
    // The pool started once, with the inline script every page carries.
    expect(calls.started).toEqual([[{ stage: 'head-inline', content: 'window.x = 1' }]]);
    await prerenderer.teardown!();
    expect(calls.info).toEqual([`${CHECK_EVERY + 2} article pages rendered in 2 page threads; 2 also in the build's own thread, the same byte for byte`]);
  });

  it('stop the build when a thread prints a checked page differently from the build', async () => {
    const { prerenderer } = setUp({ threadPage: (path) => `<p>${path}</p>\n` });
    await prerenderer.setup!();
    await expect(prerenderer.render(request('/articles/story-0/'), { routeData: articleRoute })).rejects.toThrow(
      /a page thread rendered \/articles\/story-0\/ differently from the build's own thread.*MASTHEAD_PAGE_THREADS=0/,
    );
  });

  it('render every page in the build when an integration adds a bundled script to every page, and say so', async () => {
    const { prerenderer, calls } = setUp({ scripts: [{ stage: 'page', content: 'import "./analytics.js"' }] });
    await prerenderer.setup!();
    await prerenderer.render(request('/articles/story-0/'), { routeData: articleRoute });
    await prerenderer.render(request('/articles/story-1/'), { routeData: articleRoute });
    expect(calls.pool).toEqual([]);
    expect(calls.started).toEqual([]);
    expect(calls.astro).toEqual(['/articles/story-0/', '/articles/story-1/']);
    expect(calls.warnings).toEqual([expect.stringContaining('every page rendered in the build\'s own thread')]);
  });

  it('use two fewer threads than cores, none on two cores, at most two', () => {
    expect([1, 2, 3, 4, 6, 64].map(defaultPageThreads)).toEqual([0, 0, 1, 2, 2, 2]);
  });

  it('count pages and threads in the log as a reader would', () => {
    expect(renderedLine(1, 1, 1)).toBe("1 article page rendered in 1 page thread; 1 also in the build's own thread, the same byte for byte");
  });
});
