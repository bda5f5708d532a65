import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { createDocAnalyser } from '../../src/similar-stories/doc-analyser';
import { createSimilarityIndex } from '../../src/similar-stories/similar-stories';

// A full garbage collection on demand, so the test measures what is kept, not what is not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const ARTICLES = 400;
/** About 40 KB of text each, so a kept article shows. */
const REPEATS = 600;

/** An article with a word no other has, long enough (13+ characters) for V8 to cut it as a view into the text. */
function article(n: number): string {
  const unique = `thirteenletters${n.toString(36)}x`;
  return `${'The council met again on Tuesday to hear the plans. '.repeat(REPEATS / 2)}${unique} ${'Residents asked for more time. '.repeat(REPEATS / 2)}`;
}

function heapAfter(work: () => void): number {
  gc();
  const before = process.memoryUsage().heapUsed;
  work();
  gc();
  return process.memoryUsage().heapUsed - before;
}

describe('the similar-stories model keeps terms, not the articles they came from', () => {
  it('an analyser that saw 400 articles of 40 KB, each with a new word, holds far less than their text', () => {
    const analyse = createDocAnalyser();
    const kept: unknown[] = [];
    const grown = heapAfter(() => {
      for (let n = 0; n < ARTICLES; n++) {
        // Built here and dropped after the call: only what the analyser keeps can stay.
        const analysed = analyse({ title: `Meeting ${n}`, standfirst: 'The council again.', tags: ['council'], body: article(n) });
        expect(analysed.terms).toContain(`thirteenletters${n.toString(36)}x`);
        kept.push(analysed.terms.length);
      }
    });
    // Their text is 16 MB (two bytes a character). Each new term kept as a view into its article held it all;
    // kept as its own string, the 400 terms and the analyser's tables are a few hundred kilobytes.
    expect(ARTICLES * article(0).length * 2).toBeGreaterThan(15 * 2 ** 20);
    expect(grown).toBeLessThan(2 * 2 ** 20);
    expect(kept).toHaveLength(ARTICLES);
  });

  it('so does the model of the whole archive', () => {
    const index = createSimilarityIndex({ limit: 4 });
    const grown = heapAfter(() => {
      for (let n = 0; n < ARTICLES; n++) {
        index.add({ id: `a${n}`, title: `Meeting ${n}`, standfirst: 'The council again.', tags: ['council'], section: 'news', body: article(n), date: new Date(Date.UTC(2026, 0, 1 + n)) });
      }
    });
    expect(grown).toBeLessThan(4 * 2 ** 20);
  });
});
