import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitFrontmatter } from '../../src/archive/frontmatter';
import { createBodyProcessor, renderBody } from '../../src/markdown/pipeline';
import { createSimilarityIndex } from '../../src/similar-stories/similar-stories';
import { resolveIsoDate } from '../../src/lib/dates';
import { articleFrontmatterSchema } from '../../src/schemas/article';

/** The sample paper's story clusters, as its writer planned them (see content/). */
const clusters: Record<string, string[]> = {
  a: ['harbour-trust-unveils-channel-deepening-plan','feeder-line-signs-deal-on-deeper-port','councillors-split-over-harbour-dredge','dredging-licence-granted-with-conditions','first-dredger-arrives-as-port-costs-rise'],
  b: ['storm-surge-floods-saltings','tide-gauge-shows-century-of-sea-level-rise','strand-wall-replacement-plan','living-sea-wall-panels-trial'],
  c: ['town-council-faces-budget-gap','kilnbank-library-among-draft-budget-cuts','kilnbank-readers-rally-for-library','budget-passes-library-to-volunteer-trust','kilnbank-library-deserves-more-than-goodwill'],
  d: ['pilots-season-preview','pilots-top-of-table-at-halfway','pilots-clinch-promotion','tollgate-park-ground-grading-bill'],
  e: ['divers-plant-seagrass-seeds-kittle-bay','seagrass-meadow-survey-seahorse-returns','moorings-scar-seagrass-eco-mooring-trial'],
  f: ['undertow-festival-launch','undertow-festival-first-year-review','pilot-house-theatre-reopens'],
  g: ['crab-prices-slump-export-buyers','fishing-co-op-buys-chiller-and-tanks','co-op-direct-sales-lift-quay-prices'],
};
const clusterOf = new Map(Object.entries(clusters).flatMap(([c, ids]) => ids.map((id) => [id, c] as const)));

/** Every article of the sample paper as the similarity model sees it (paid text included). */
function sampleDocs() {
  const processor = createBodyProcessor({ freeParagraphs: 3 });
  return (readdirSync('content/articles', { recursive: true }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => {
      const { data, body } = splitFrontmatter(readFileSync(path.join('content/articles', file), 'utf8'));
      const meta = articleFrontmatterSchema.parse(data);
      return {
        id: path.basename(file, '.md'),
        title: meta.title,
        standfirst: meta.standfirst,
        tags: meta.tags,
        section: meta.section,
        date: resolveIsoDate(meta.date, 'Europe/London').date,
        body: renderBody(processor, body, 'free').fullText,
      };
    });
}

describe('similar stories on the sample paper', () => {
  it('links stories of the same planned cluster, and little else', () => {
    const index = createSimilarityIndex();
    sampleDocs().forEach((doc) => index.add(doc));
    let items = 0;
    let sameCluster = 0;
    let covered = 0;
    let inClusters = 0;
    for (const [id, list] of index.compute()) {
      const cluster = clusterOf.get(id);
      items += list.length;
      sameCluster += list.filter((other) => cluster !== undefined && clusterOf.get(other) === cluster).length;
      if (cluster) {
        inClusters += 1;
        if (list.some((other) => clusterOf.get(other) === cluster)) covered += 1;
      }
    }
    console.log(`sample paper: precision ${(sameCluster / items).toFixed(2)}, ${covered}/${inClusters} clustered stories list a cluster-mate`);
    expect(sameCluster / items).toBeGreaterThanOrEqual(0.85);
    expect(covered / inClusters).toBeGreaterThanOrEqual(0.9);
  });
});
