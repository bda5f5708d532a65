import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import sharp, { type Metadata } from 'sharp';
import type { CardColours, CardLogo } from './card';
import { cardFonts } from './render-card';

/** A brand file from `public/`, read and checked. */
export interface BrandFile {
  /** `brand.logo` or `brand.favicon`, for messages. */
  field: string;
  /** The site path as written in the settings. */
  src: string;
  kind: 'svg' | 'png' | 'ico';
  bytes: Buffer;
  /** Intrinsic size (an ICO's is not read). */
  width: number;
  height: number;
}

/** Side of the `apple-touch-icon`: what iOS and iPadOS ask for. */
export const TOUCH_ICON_SIZE = 180;

/**
 * Reads a brand file named in the settings from `public/`. A missing file, a
 * file that is not the picture its name says, or an SVG with text (which
 * would be drawn in whatever fonts the build machine has) stops the build
 * with a message naming the setting.
 */
export async function readBrandFile(publicDir: string, field: string, src: string): Promise<BrandFile> {
  const fail = (problem: string): never => {
    throw new Error(`src/settings.ts: ${field} "${src}" ${problem}`);
  };
  const file = path.join(publicDir, ...src.split('/').filter(Boolean));
  if (!file.startsWith(publicDir + path.sep)) fail('leads outside public/');
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) fail(`is a folder (${path.relative(process.cwd(), file)}); name the file`);
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('src/settings.ts')) throw error;
    return fail(`is not found: put the file at ${path.relative(process.cwd(), file) || file}`);
  }
  const kind = path.extname(file).slice(1).toLowerCase() as BrandFile['kind'];
  if (kind === 'ico') return { field, src, kind, bytes, width: 0, height: 0 };
  if (kind === 'svg' && /<text[\s>]/i.test(bytes.toString('utf8'))) {
    fail('has text in it (<text>), which the build would draw in whatever fonts its machine has; convert the text to paths (in Inkscape: Path > Object to Path) or use a PNG');
  }
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes).metadata();
  } catch (error) {
    return fail(`is not a readable ${kind.toUpperCase()} file (${(error as Error).message.split('\n')[0]})`);
  }
  const expected = kind === 'svg' ? 'svg' : 'png';
  if (metadata.format !== expected) fail(`is a ${metadata.format ?? 'different'} file, not ${kind.toUpperCase()}; rename it or convert it`);
  if (!metadata.width || !metadata.height) fail('has no size; give the SVG a viewBox or width and height');
  return { field, src, kind, bytes, width: metadata.width!, height: metadata.height! };
}

/** The logo as a card draws it: a data URL and its size. */
export function cardLogo(logo: BrandFile): CardLogo {
  const type = logo.kind === 'svg' ? 'image/svg+xml' : 'image/png';
  return { dataUrl: `data:${type};base64,${logo.bytes.toString('base64')}`, width: logo.width, height: logo.height };
}

/** An SVG drawn at `size` pixels on its longer side, without system fonts (an SVG with text was refused). */
function rasteriseSvg(bytes: Buffer, size: number, longer: 'width' | 'height'): Buffer {
  return new Resvg(bytes, { fitTo: { mode: longer, value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/**
 * The 180×180 `apple-touch-icon` PNG: the logo or favicon centred on the
 * brand's background (iOS shows transparency as black), or, for an ICO
 * favicon, which neither sharp nor resvg reads, the paper's initial on its
 * colours. Deterministic: no system fonts, no clock.
 */
export async function touchIcon(source: BrandFile, colours: CardColours, siteName: string): Promise<Buffer> {
  const size = TOUCH_ICON_SIZE;
  let picture: Buffer;
  if (source.kind === 'ico') {
    const initial = [...siteName.replace(/^(the|a|an)\s+/i, '').trim()][0]?.toUpperCase() ?? 'M';
    const svg = await satori(
      // satori's types ask for a React element; this plain tree has the same shape.
      {
        type: 'div',
        props: {
          style: { width: size, height: size, display: 'flex', alignItems: 'center', justifyContent: 'center', backgroundColor: colours.background, color: colours.accent, fontSize: 120, fontWeight: 700, fontFamily: 'Source Serif 4' },
          children: initial,
        },
      } as Parameters<typeof satori>[0],
      { width: size, height: size, fonts: cardFonts() },
    );
    picture = rasteriseSvg(Buffer.from(svg), size, 'width');
  } else if (source.kind === 'svg') {
    picture = rasteriseSvg(source.bytes, size, source.width >= source.height ? 'width' : 'height');
  } else {
    picture = source.bytes;
  }
  return sharp(picture)
    .resize(size, size, { fit: 'contain', background: colours.background })
    .flatten({ background: colours.background })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
