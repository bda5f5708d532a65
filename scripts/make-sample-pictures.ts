/**
 * Draws the sample paper's pictures: procedural scenes of Port Averley (harbour,
 * coast, town, sky, fields, under the sea) as layered SVG shapes and gradients,
 * rendered to JPEG with sharp, and small abstract author portraits. Nothing is a
 * photograph and no picture shows a real person.
 *
 *   node --experimental-strip-types scripts/make-sample-pictures.ts [--only name,name]
 *
 * Each picture has its own seed, so the same script and the same sharp (libvips)
 * give the same bytes. No text is drawn: fonts differ between machines. The
 * pictures are made for this project and licensed with it (content/PICTURES.md).
 *
 * Run by Node directly (type stripping), so only erasable TypeScript, imports
 * written with their `.ts` extension, and no project imports beyond its own
 * modules in sample-pictures/ and the one seeded PRNG.
 *
 * The parts, in scripts/sample-pictures/: random.ts and svg.ts (primitives),
 * landscape.ts (sky, hills, sea) and props.ts (boats, cranes, houses, quays),
 * one module per kind of scene (*-scenes.ts, portrait.ts), catalogue.ts (which
 * scene and seed each file is drawn from) and render.ts (SVG → JPEG file).
 */
import path from 'node:path';
import { pictures } from './sample-pictures/catalogue.ts';
import { render } from './sample-pictures/render.ts';

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const contentDir = path.join(root, 'content');
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex >= 0 ? new Set((process.argv[onlyIndex + 1] ?? '').split(',')) : undefined;
  const chosen = pictures.filter((picture) => !only || only.has(path.basename(picture.file, '.jpg')));
  for (const picture of chosen) {
    const { file, bytes, quality } = await render(picture, contentDir);
    console.log(`${file}: ${(bytes / 1024).toFixed(0)} KB (quality ${quality})`);
  }
}

await main();
