/** Turns a picture's SVG into a JPEG file with sharp (libvips). */

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Picture } from './catalogue.ts';

/** Scenes must stay light enough for a phone: the encoder's quality is lowered until one fits. */
const MAX_BYTES = 150_000;

/** Draws one picture and writes it under `contentDir` as a JPEG, lowering the quality until it fits {@link MAX_BYTES} (or reaches 50). */
export async function render(picture: Picture, contentDir: string): Promise<{ file: string; bytes: number; quality: number }> {
  const input = Buffer.from(picture.draw());
  for (let quality = 80; ; quality -= 6) {
    const jpeg = await sharp(input, { density: 72 })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality, mozjpeg: true, chromaSubsampling: '4:2:0' })
      .toBuffer();
    if (jpeg.length <= MAX_BYTES || quality <= 50) {
      const target = path.join(contentDir, picture.file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, jpeg);
      return { file: picture.file, bytes: jpeg.length, quality };
    }
  }
}
