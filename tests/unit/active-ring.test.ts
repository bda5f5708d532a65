import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activeRing } from '../../src/subscribers/active-ring';
import { CURRENT_KEY, RETIRED_KEY, TEST_RING } from '../helpers/keys';

const now = new Date('2026-11-26T10:00:00Z');

describe('activeRing', () => {
  it('seals nothing when no keys are given', () => {
    expect(activeRing(undefined, now)).toEqual([]);
  });

  it('keeps active keys and leaves retired ones out', () => {
    expect(activeRing({ from: 'PAYWALL_KEYS', text: TEST_RING }, now).map((key) => key.id)).toEqual(['test-current', 'test-grace']);
  });

  it('reads the ring from a file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ring-'));
    const file = path.join(dir, 'keys.txt');
    writeFileSync(file, `# subscriber keys\n${CURRENT_KEY}\n`);
    try {
      expect(activeRing({ from: 'PAYWALL_KEYS_FILE', path: file }, now).map((key) => key.id)).toEqual(['test-current']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('fails the build when every key has expired, rather than seal for nobody', () => {
    expect(() => activeRing({ from: 'PAYWALL_KEYS', text: `${RETIRED_KEY}@2001-01-31` }, now)).toThrow(/no key is active on 2026-11-26/);
  });

  it('names a missing key file without echoing anything secret', () => {
    expect(() => activeRing({ from: 'PAYWALL_KEYS_FILE', path: '/nonexistent/keys.txt' }, now)).toThrow(
      'PAYWALL_KEYS_FILE /nonexistent/keys.txt: cannot read the file (ENOENT)',
    );
  });
});
