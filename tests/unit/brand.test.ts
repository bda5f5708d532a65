import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardLogo, readBrandFile, touchIcon, TOUCH_ICON_SIZE } from '../../src/social-cards/brand-files';
import { defineSettings } from '../../src/schemas/settings';
import { projectRoot } from '../helpers/astro-build';

const colours = { background: '#fffdf8', text: '#1b1b1b', accent: '#a4161a' };

describe('brand settings', () => {
  it('keep today’s favicon and the site’s own colours by default', () => {
    expect(defineSettings({}).brand).toEqual({ favicon: '/favicon.svg', colours });
  });

  it('name the field when a path or colour is wrong', () => {
    expect(() => defineSettings({ brand: { logo: 'brand/logo.svg' } })).toThrow(/src\/settings\.ts: brand\.logo must be the path of an SVG or PNG file in public\//);
    expect(() => defineSettings({ brand: { favicon: '/favicon.gif' } })).toThrow(/brand\.favicon must be the path of an SVG, PNG or ICO file/);
    expect(() => defineSettings({ brand: { colours: { accent: 'red' } } })).toThrow(/brand\.colours\.accent must be a colour written #rrggbb/);
  });

  it('refuse colours a card could not be read in', () => {
    expect(() => defineSettings({ brand: { colours: { background: '#ffffff', text: '#cccccc' } } })).toThrow(
      /brand\.colours\.text is too close to background \(contrast 1\.6\d:1, at least 4\.5:1/,
    );
    expect(() => defineSettings({ brand: { colours: { background: '#000', text: '#fff', accent: '#222' } } })).toThrow(/brand\.colours\.accent is too close/);
  });
});

describe('brand files and the touch icon', () => {
  let publicDir = '';
  beforeAll(async () => {
    publicDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-brand-'));
    mkdirSync(path.join(publicDir, 'brand'));
    writeFileSync(path.join(publicDir, 'brand/wide.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100"><rect width="200" height="100" fill="#123f7a"/></svg>');
    writeFileSync(path.join(publicDir, 'brand/words.svg'), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text x="0" y="9">Ledger</text></svg>');
    writeFileSync(path.join(publicDir, 'brand/not-a-png.png'), 'hello');
    writeFileSync(
      path.join(publicDir, 'brand/clear.png'),
      await sharp({ create: { width: 64, height: 64, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer(),
    );
    writeFileSync(path.join(publicDir, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
  });
  afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

  it('stops the build with the setting’s name when a file is missing or not what it says', async () => {
    await expect(readBrandFile(publicDir, 'brand.logo', '/brand/gone.svg')).rejects.toThrow(/^src\/settings\.ts: brand\.logo "\/brand\/gone\.svg" is not found: put the file at /);
    await expect(readBrandFile(publicDir, 'brand.logo', '/brand/not-a-png.png')).rejects.toThrow(/brand\.logo "\/brand\/not-a-png\.png" is not a readable PNG file/);
    await expect(readBrandFile(publicDir, 'brand.logo', '/brand')).rejects.toThrow(/is a folder/);
  });

  it('refuses an SVG with text, which each machine would draw in its own fonts', async () => {
    await expect(readBrandFile(publicDir, 'brand.logo', '/brand/words.svg')).rejects.toThrow(/has text in it \(<text>\).*convert the text to paths/);
  });

  it('makes an opaque 180×180 icon from an SVG, centred on the brand’s background', async () => {
    const logo = await readBrandFile(publicDir, 'brand.logo', '/brand/wide.svg');
    expect(cardLogo(logo)).toMatchObject({ width: 200, height: 100 });
    const icon = await touchIcon(logo, colours, 'The Harbour Ledger');
    const { data, info } = await sharp(icon).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: TOUCH_ICON_SIZE, height: TOUCH_ICON_SIZE, channels: 3 });
    const pixel = (x: number, y: number) => [...data.subarray((y * 180 + x) * 3, (y * 180 + x) * 3 + 3)];
    expect(pixel(90, 90)).toEqual([0x12, 0x3f, 0x7a]);
    expect(pixel(90, 5)).toEqual([0xff, 0xfd, 0xf8]);
  });

  it('fills a transparent PNG with the background, as iOS would show it black', async () => {
    const icon = await touchIcon(await readBrandFile(publicDir, 'brand.logo', '/brand/clear.png'), colours, 'Paper');
    const stats = await sharp(icon).stats();
    expect(stats.isOpaque).toBe(true);
    expect(stats.channels.slice(0, 3).map((channel) => channel.mean)).toEqual([0xff, 0xfd, 0xf8]);
  });

  it('draws the paper’s initial when the favicon is an ICO file', async () => {
    const favicon = await readBrandFile(publicDir, 'brand.favicon', '/favicon.ico');
    const icon = await touchIcon(favicon, colours, 'The Harbour Ledger');
    expect(await sharp(icon).metadata()).toMatchObject({ width: 180, height: 180 });
    // Some accent-coloured ink: the letter.
    const { data } = await sharp(icon).raw().toBuffer({ resolveWithObject: true });
    let accent = 0;
    for (let i = 0; i < data.length; i += 3) if (data[i] === 0xa4 && data[i + 1] === 0x16 && data[i + 2] === 0x1a) accent++;
    expect(accent).toBeGreaterThan(500);
    expect((await touchIcon(favicon, colours, 'The Harbour Ledger')).equals(icon)).toBe(true);
  });

  it('reads the project’s own favicon, which draws the same on every machine (no text)', async () => {
    const favicon = await readBrandFile(path.join(projectRoot, 'public'), 'brand.favicon', '/favicon.svg');
    expect(favicon.kind).toBe('svg');
    expect(await sharp(await touchIcon(favicon, colours, 'Masthead')).metadata()).toMatchObject({ width: 180, height: 180 });
  });
});
