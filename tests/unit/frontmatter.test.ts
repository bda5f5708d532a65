import { describe, expect, it } from 'vitest';
import { FrontmatterError, parseYamlText, splitFrontmatter } from '../../src/archive/frontmatter';

describe('splitFrontmatter', () => {
  it('separates YAML from the body and counts the lines before the body', () => {
    const { data, body, bodyLineOffset } = splitFrontmatter('---\ntitle: Hi\ndate: 2024-01-01\n---\nBody line.\n');
    expect(data).toEqual({ title: 'Hi', date: '2024-01-01' });
    expect(body).toBe('Body line.\n');
    expect(bodyLineOffset).toBe(4);
  });

  it('keeps dates as strings so they are checked by our own parser', () => {
    expect(splitFrontmatter('---\ndate: 2024-01-01T10:00:00Z\n---\n').data).toEqual({ date: '2024-01-01T10:00:00Z' });
  });

  it('handles Windows line endings and a byte-order mark', () => {
    expect(splitFrontmatter('\uFEFF---\r\ntitle: Hi\r\n---\r\nBody').data).toEqual({ title: 'Hi' });
  });

  it.each([
    ['no frontmatter', 'Just text', /has no frontmatter/],
    ['unclosed frontmatter', '---\ntitle: x\n', /never closed/],
    ['invalid YAML', '---\ntitle: [oops\n---\n', /^line \d+: is not valid YAML: /],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\n', /not valid YAML/],
  ])('explains %s', (_name, source, message) => {
    expect(() => splitFrontmatter(source)).toThrow(FrontmatterError);
    expect(() => splitFrontmatter(source)).toThrow(message);
  });
});

describe('splitFrontmatter against hostile files', () => {
  it('keeps a `__proto__` key as a field, never as the object\'s prototype', () => {
    const { data } = splitFrontmatter('---\ntitle: A long enough title to be sliced\n__proto__:\n  polluted: yes\ntags: [harbour-authority-board]\n---\nBody.');
    const fields = data as Record<string, unknown>;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.keys(fields)).toEqual(['title', '__proto__', 'tags']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(fields).toMatchObject({ title: 'A long enough title to be sliced', tags: ['harbour-authority-board'] });
  });


  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['---', 'a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'title: *c', '---', 'Body'].join('\n');
    expect(() => splitFrontmatter(bomb)).toThrow(FrontmatterError);
  });

  it('does not end the frontmatter at a line separator inside a value', () => {
    const { data, body } = splitFrontmatter('---\nstandfirst: "One\u2028---"\nauthor: ada\n---\nBody');
    expect(data).toEqual({ standfirst: 'One\u2028---', author: 'ada' });
    expect(body).toBe('Body');
  });
});

describe('splitFrontmatter gives lines of the file, not of the YAML', () => {
  const error = (source: string) => {
    try {
      splitFrontmatter(source);
    } catch (caught) {
      if (caught instanceof FrontmatterError) return caught.message;
      throw caught;
    }
    throw new Error('expected a FrontmatterError');
  };

  it('counts the opening --- line in a syntax error', () => {
    expect(error('---\ntitle: Fine\nauthor: ada\ntags: [a, b\n---\nBody')).toBe(
      'line 4: is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('names a key set twice, on the line of the second', () => {
    expect(error('---\ntitle: One\nauthor: ada\ntitle: Two\n---\n')).toBe('line 4: is not valid YAML: "title" is set twice; keep one');
  });

  it('points at the line where an unclosed quote opens, not where the YAML ends', () => {
    expect(error('---\nauthor: ada\ntitle: "Budget day\nsection: news\ndate: 2024-01-01\n---\n')).toBe(
      'line 3: is not valid YAML: Missing closing "quote',
    );
  });

  it('counts lines the same with Windows line endings and a byte-order mark', () => {
    expect(error('\uFEFF---\r\ntitle: Fine\r\nstandfirst: Rates: up again\r\n---\r\n')).toBe(
      'line 3: is not valid YAML: Nested mappings are not allowed in compact mappings; a value containing ": " must be in quotes: standfirst: "Rates: up again"',
    );
  });

  it('suggests quoting a value that holds ": ", keeping its own quotes escaped', () => {
    expect(error('---\ntitle: Budget: what "fair" means\n---\n')).toBe(
      'line 2: is not valid YAML: Nested mappings are not allowed in compact mappings; a value containing ": " must be in quotes: title: "Budget: what \\"fair\\" means"',
    );
  });

  it('does not suggest quotes for a value that is already quoted', () => {
    expect(error('---\ntitle: "Budget: fine" oops: x\n---\n')).not.toMatch(/must be in quotes/);
  });

  it('tells where each field is written', () => {
    const { lineOf } = splitFrontmatter('---\ntitle: Hi\ntags:\n  - one\n  - two\n---\nBody');
    expect(lineOf(['title'])).toBe(2);
    expect(lineOf(['tags'])).toBe(3);
    expect(lineOf(['tags', 1])).toBe(5);
    expect(lineOf(['missing'])).toBeUndefined();
  });
});

describe('parseYamlText', () => {
  it('points a field missing from a list entry at the entry', () => {
    const { lineOf } = parseYamlText('- id: news\n  name: News\n- id: arts\n');
    expect(lineOf([1, 'name'])).toBe(3);
    expect(lineOf([0, 'name'])).toBe(2);
  });
});
