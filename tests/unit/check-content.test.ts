import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/errors/catalogue';
import { contentIssue, formatIssue, IssueCollector } from '../../src/errors/content-issue';

describe('a content problem, placed apart from its words', () => {
  it('is printed as file:line: field: message [code]', () => {
    const issue = contentIssue('picture-unusable', { file: 'content/articles/x.md', line: 14, field: 'body' }, { src: './crane.png', problem: 'is not found', path: 'content/articles/crane.png' });
    expect(formatIssue(issue)).toBe('content/articles/x.md:14: body: picture "./crane.png" is not found (content/articles/crane.png) [picture-unusable]');
  });

  it('keeps every line a message names in its words, and its own line in its place', () => {
    const issue = contentIssue('free-limit-several', { file: 'a.md', line: 12, field: 'body' }, { lines: [12, 30] });
    expect(issue).toMatchObject({ line: 12, code: 'free-limit-several', severity: 'error', message: 'has 2 free-limit markers (lines 12, 30); keep exactly one' });
  });

  it('prints a problem without line or field as file: message [code]', () => {
    expect(formatIssue(contentIssue('path-missing', { file: 'content/sections.yaml' }))).toBe('content/sections.yaml: is missing [path-missing]');
  });

  it('carries the hint of its code, for the places that show one', () => {
    expect(contentIssue('author-unknown', { file: 'a.md', field: 'author', line: 3 }, { id: 'bob', authorFile: 'content/authors/bob.md' }).hint).toBe(CATALOGUE['author-unknown'].hint);
  });
});

describe('the problems of one read', () => {
  it('are put back in the order of the files, errors apart from warnings', () => {
    const issues = new IssueCollector();
    issues.fileAt('b.md', 1);
    issues.fileAt('a.md', 0);
    issues.report('updated-before-date', { file: 'b.md', field: 'updated' });
    issues.report('unknown-field', { file: 'a.md', field: 'kicker' }, { name: 'kicker', known: ['title'] });
    issues.report('author-unknown', { file: 'a.md', field: 'author' }, { id: 'bob', authorFile: 'authors/bob.md' });
    expect(issues.errors.map((issue) => issue.file)).toEqual(['a.md', 'b.md']);
    expect(issues.warnings.map((issue) => issue.code)).toEqual(['unknown-field']);
    expect(() => issues.throwIfAny()).toThrow(/Masthead found 2 problems in the content:\n {2}a\.md: author: "bob" is not a known author/);
    // The hint of a code that has one, under its problem, where the build log shows it.
    expect(() => issues.throwIfAny()).toThrow(/\[author-unknown\]\n {4}Add the author file, or use the id of one in content\/authors\/\.\n {2}b\.md: updated: is earlier than date \[updated-before-date\]$/);
  });
});

describe('the catalogue', () => {
  it('gives every code a title, and every message without its own place in it', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      expect(entry.title.length, code).toBeGreaterThan(3);
      expect(code).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    }
  });
});
