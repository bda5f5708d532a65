import { describe, expect, it } from 'vitest';
import { formatLocated, locateIssue } from '../../src/archive/check-content';

describe('locating a content problem for npm run check', () => {
  it('moves a body line from the front of the message to after the file name', () => {
    const located = locateIssue({ file: 'content/articles/x.md', field: 'body', message: 'line 14: picture "./crane.png" is not found' });
    expect(formatLocated(located)).toBe('content/articles/x.md:14: body: picture "./crane.png" is not found');
  });

  it('moves a field line from the end of the message to after the file name', () => {
    const located = locateIssue({ file: 'a.md', field: 'date', message: 'date "yesterday" is not an ISO date (line 5)' });
    expect(formatLocated(located)).toBe('a.md:5: date: date "yesterday" is not an ISO date');
  });

  it('places a problem naming several lines at the first and keeps them all in the message', () => {
    const located = locateIssue({ file: 'a.md', field: 'body', message: 'has 2 free-limit markers (lines 12, 30); keep exactly one' });
    expect(formatLocated(located)).toBe('a.md:12: body: has 2 free-limit markers (lines 12, 30); keep exactly one');
  });

  it('files a YAML error under the frontmatter field', () => {
    const located = locateIssue({ file: 'a.md', message: 'frontmatter is not valid YAML (line 2: unclosed)' });
    expect(formatLocated(located)).toBe('a.md:2: frontmatter: is not valid YAML (line 2: unclosed)');
  });

  it('prints a problem without line or field as file: message', () => {
    expect(formatLocated(locateIssue({ file: 'content/sections.yaml', message: 'is missing' }))).toBe('content/sections.yaml: is missing');
  });

  it('prefers a line the reader already gave', () => {
    expect(locateIssue({ file: 'a.md', field: 'author', line: 3, message: 'is not known' })).toEqual({ file: 'a.md', line: 3, field: 'author', message: 'is not known' });
  });
});
