import { describe, expect, it } from 'vitest';
import { FrontmatterError, splitFrontmatter } from '../../src/content/frontmatter';

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
    ['invalid YAML', '---\ntitle: [oops\n---\n', /not valid YAML \(line \d+/],
    ['duplicate keys', '---\ntitle: a\ntitle: b\n---\n', /not valid YAML/],
  ])('explains %s', (_name, source, message) => {
    expect(() => splitFrontmatter(source)).toThrow(FrontmatterError);
    expect(() => splitFrontmatter(source)).toThrow(message);
  });
});

describe('splitFrontmatter against hostile files', () => {
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
