import type { IssueCollector } from '../../errors/content-issue';
import { idKey, reservedIdReason } from '../../schemas/id';

/**
 * Why two names with the same `idKey` are different spellings, for the
 * message that names both. NFC and NFD look the same when printed, so the
 * message says which kind of difference it is.
 */
export function spellingClash(first: string, second: string): string {
  return first.normalize('NFC') === second.normalize('NFC')
    ? 'the same name with its accents encoded two ways (Unicode NFC and NFD)'
    : 'the same name in different case';
}

/**
 * The slugs or author ids of one read: refuses a name the site uses itself,
 * and another file's name in other case or encoding, which macOS and Windows
 * checkouts would keep as one file.
 */
export function createNameBook(kind: 'slug' | 'author id', issues: IssueCollector) {
  const seen = new Map<string, { name: string; shown: string }>();
  return (name: string, shown: string): boolean => {
    const reason = reservedIdReason(name);
    if (reason) {
      issues.report('reserved-name', { file: shown }, { name, reason, kind });
      return false;
    }
    const first = seen.get(idKey(name));
    if (first && first.name !== name) {
      issues.report('name-clash', { file: shown }, { kind, name, other: first.name, otherFile: first.shown, how: spellingClash(first.name, name) });
      return false;
    }
    if (!first) seen.set(idKey(name), { name, shown });
    return true;
  };
}
