/**
 * Lighthouse's mobile performance run on one page of a built site, several
 * times, with what each run measured: score, the simulated FCP, LCP, Speed
 * Index and CLS, and the web fonts the page fetched (bytes, and whether the
 * observed load had them before its first paint, which is what puts them in
 * Lantern's FCP graph). Used to choose how the typeface is served
 * (docs/benchmarks.md, "The typeface and Lighthouse").
 *
 *   node --experimental-strip-types --import ./src/lib/resolve-ts.mjs \
 *     bench/lighthouse-runs.ts <built site folder> [runs=3] [page=/articles/kilnbank-readers-rally-for-library/]
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStaticServer } from '../tests/helpers/static-server.ts';

const [siteDir, runsArg = '3', page = '/articles/kilnbank-readers-rally-for-library/'] = process.argv.slice(2);
if (!siteDir) throw new Error('usage: lighthouse-runs.ts <built site folder> [runs] [page]');

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  networkRequestTime?: number;
  networkEndTime?: number;
  priority?: string;
}

/** The performance category's weighted mean of its metric scores, before Lighthouse rounds it to two places. */
function weighted(lhr: { categories: Record<string, { auditRefs: Array<{ id: string; weight: number }> } | undefined>; audits: Record<string, { score: number | null } | undefined> }): number {
  const refs = lhr.categories['performance']?.auditRefs.filter((ref) => ref.weight > 0) ?? [];
  const total = refs.reduce((sum, ref) => sum + ref.weight, 0);
  return refs.reduce((sum, ref) => sum + ref.weight * (lhr.audits[ref.id]?.score ?? 0), 0) / total;
}

const server = await startStaticServer(siteDir);
const chrome = await launch({ chromePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'], logLevel: 'error' });
try {
  for (let i = 0; i < Number(runsArg); i += 1) {
    const result = await lighthouse(`${server.url}${page}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error('no result');
    const { lhr } = result;
    const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const metrics = (lhr.audits['metrics']?.details as { items?: Array<Record<string, number>> } | undefined)?.items?.[0] ?? {};
    const requests = ((lhr.audits['network-requests']?.details as { items?: NetworkItem[] } | undefined)?.items ?? []);
    const fonts = requests.filter((item) => item.resourceType === 'Font');
    const observedFcp = metrics['observedFirstContentfulPaint'] ?? NaN;
    const fontText = fonts
      .map((font) => `${font.url.split('/').at(-1)} ${font.transferSize} B ${font.priority} ${font.networkRequestTime?.toFixed(0)}–${font.networkEndTime?.toFixed(0)} ms`)
      .join(', ');
    console.log(
      [
        `run ${i + 1}: performance ${lhr.categories['performance']?.score} (${weighted(lhr).toFixed(4)} before rounding)`,
        `FCP ${value('first-contentful-paint').toFixed(0)} ms (score ${lhr.audits['first-contentful-paint']?.score})`,
        `LCP ${value('largest-contentful-paint').toFixed(0)} ms (score ${lhr.audits['largest-contentful-paint']?.score})`,
        `SI ${value('speed-index').toFixed(0)} ms (score ${lhr.audits['speed-index']?.score})`,
        `TBT ${value('total-blocking-time').toFixed(0)} ms`,
        `CLS ${value('cumulative-layout-shift').toFixed(4)}`,
        `benchmark index ${Math.round(lhr.environment.benchmarkIndex)}`,
        `observed FCP ${observedFcp.toFixed(0)} ms`,
        `fonts ${fonts.reduce((sum, font) => sum + (font.transferSize ?? 0), 0)} B: ${fontText || 'none'}`,
      ].join('; '),
    );
  }
} finally {
  chrome.kill();
  await server.close();
}
