/**
 * Writes the benchmark corpus's pictures: small JPEGs of a diagonal gradient
 * between two colours, as `bench/corpus.ts` lists them on standard input
 * (JSON: `[{ file, width, height, from: [r, g, b], to: [r, g, b] }]`). A
 * child process of the generator, which stays synchronous: sharp has no
 * synchronous API. The same list gives the same bytes.
 *
 * Run by Node directly (type stripping): erasable TypeScript only.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

export interface CorpusPicture {
  /** Absolute path of the JPEG to write. */
  file: string;
  width: number;
  height: number;
  from: [number, number, number];
  to: [number, number, number];
}

const pictures = JSON.parse(readFileSync(0, 'utf8')) as CorpusPicture[];
await Promise.all(
  pictures.map(({ file, width, height, from, to }) => {
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const t = (x / width + y / height) / 2;
        for (let c = 0; c < 3; c++) pixels[(y * width + x) * 3 + c] = Math.round(from[c]! + (to[c]! - from[c]!) * t);
      }
    }
    mkdirSync(path.dirname(file), { recursive: true });
    return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 80 }).toFile(file);
  }),
);
