import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { paidSentences } from '../helpers/paid-text';
import { findInSite } from '../helpers/site-files';

const fixture = path.resolve('tests/fixtures/site');

describe('the paid-text scanner used by the leak tests', () => {
  it('extracts planted paid sentences from after a marker and after the third paragraph', () => {
    const paid = paidSentences(fixture, 3);
    expect(paid).toContain('Paid sentence charlie: the contractor quietly doubled its estimate in private talks.');
    expect(paid).toContain('Paid paragraph sierra: engineers found a crack in the old weir.');
    expect(paid.some((sentence) => sentence.includes('Free'))).toBe(false);
  });

  it('counts a code fence for nothing, as the cut does, when it finds the free paragraphs', async () => {
    const { mkdirSync, mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(await import('node:os').then((os) => os.tmpdir()), 'scan-'));
    mkdirSync(path.join(dir, 'articles'));
    const body = 'First free paragraph of this test story, long enough to count.\n\n```\ncode that counts for nothing at all here\n```\n\nSecond free paragraph of this test story, long enough to count.\n\nThird free paragraph of this test story, long enough to count.\n\nThe paid paragraph of this test story starts right here today.\n';
    writeFileSync(path.join(dir, 'articles/a.md'), `---\ntitle: A\n---\n${body}`);
    try {
      expect(paidSentences(dir, 3)).toEqual(['The paid paragraph of this test story starts right here today.']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a paid sentence the build made typographic: curly quotes and apostrophes, dashes, ellipses', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(path.join(await import('node:os').then((os) => os.tmpdir()), 'scan-'));
    writeFileSync(path.join(dir, 'a.html'), '<p>‘It’s the council’s – and the town’s – money…’</p>');
    try {
      const leaks = findInSite(dir, [`"It's the council's -- and the town's --- money..."`, "It's the council's"]);
      expect(leaks).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds words written into a picture file’s text, whatever the file is called, and not in its pixels', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const sharp = (await import('sharp')).default;
    const dir = mkdtempSync(path.join(await import('node:os').then((os) => os.tmpdir()), 'scan-'));
    const picture = sharp({ create: { width: 64, height: 64, channels: 3, background: '#a4161a' } });
    writeFileSync(path.join(dir, 'described.jpg'), await picture.clone().jpeg().withExif({ IFD0: { ImageDescription: 'The harbour wall at low tide' } }).toBuffer());
    writeFileSync(path.join(dir, 'noted.bin'), await picture.clone().png().withMetadata().withExif({ IFD0: { Copyright: 'Paid caption larkspur trombone' } }).toBuffer());
    writeFileSync(path.join(dir, 'plain.png'), await picture.clone().png().toBuffer());
    try {
      const leaks = findInSite(dir, ['The harbour wall at low tide', 'Paid caption larkspur trombone', 'absent words']);
      expect(leaks).toEqual([
        { file: 'described.jpg', needle: 'The harbour wall at low tide' },
        { file: 'noted.bin', needle: 'Paid caption larkspur trombone' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds paid words however a file encodes them: entities, JSON escapes, gzip', async () => {
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const dir = mkdtempSync(path.join(await import('node:os').then((os) => os.tmpdir()), 'scan-'));
    writeFileSync(path.join(dir, 'a.html'), '<p>the contractor&#39;s <em>quietly</em> doubled</p>');
    writeFileSync(path.join(dir, 'b.json'), '{"t":"x \\u003cb\\u003ewombat\\u003c/b\\u003e"}');
    writeFileSync(path.join(dir, 'c.pf_fragment'), gzipSync('pumpernickel galaxy'));
    try {
      const leaks = findInSite(dir, ["contractor's quietly doubled", '<b>wombat</b>', 'pumpernickel galaxy', 'absent words']);
      expect(leaks.map((leak) => leak.file)).toEqual(['a.html', 'b.json', 'c.pf_fragment']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the picture-bytes scanner used by the leak tests', () => {
  it('finds a picture’s bytes as a file, inside another file, gzipped, or as base64 at any offset, and not a file that only resembles it', async () => {
    const { randomBytes } = await import('node:crypto');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { gzipSync } = await import('node:zlib');
    const { findBytesInSite } = await import('../helpers/site-files');
    const picture = randomBytes(3000);
    const dir = mkdtempSync(path.join((await import('node:os')).tmpdir(), 'bytes-'));
    try {
      writeFileSync(path.join(dir, 'copy.bin'), picture);
      writeFileSync(path.join(dir, 'inside.bin'), Buffer.concat([randomBytes(17), picture, randomBytes(5)]));
      writeFileSync(path.join(dir, 'zipped.js.gz'), gzipSync(picture));
      for (const offset of [0, 1, 2]) {
        const base64 = Buffer.concat([randomBytes(offset), picture]).toString('base64');
        writeFileSync(path.join(dir, `uri-${offset}.html`), `<img src="data:image/webp;base64,${base64}">`);
        writeFileSync(path.join(dir, `url-${offset}.json`), JSON.stringify({ p: base64.replace(/\+/g, '-').replace(/\//g, '_') }));
      }
      writeFileSync(path.join(dir, 'other.bin'), Buffer.concat([picture.subarray(0, 2999), randomBytes(1)]));
      const found = findBytesInSite(dir, [{ label: 'paid', bytes: picture }]).map((leak) => leak.file);
      expect(found).toEqual(['copy.bin', 'inside.bin', 'uri-0.html', 'uri-1.html', 'uri-2.html', 'url-0.json', 'url-1.json', 'url-2.json', 'zipped.js.gz']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
