import type { IssueCollector } from '../../errors/content-issue';
import type { StoredArticle } from '../../schemas/article';
import type { ArticleFileRead } from './article-file';

/**
 * Each `related` pin must name another article published in this build: a
 * draft or embargoed piece would leave a hole (or a leak) in the public list.
 * A draft may pin another unpublished piece, since neither is public. Files
 * with problems of their own (on disk, not read) are reported there.
 */
export function checkRelatedPins(
  reads: readonly ArticleFileRead[],
  articles: ReadonlyMap<string, Pick<StoredArticle, 'draft' | 'embargoedUntil'>>,
  onDisk: ReadonlySet<string>,
  issues: IssueCollector,
): void {
  const leftOut = new Set(reads.flatMap((read) => (read.leftOut ? [read.leftOut] : [])));
  for (const { pins } of reads) {
    if (!pins) continue;
    pins.related.forEach((target, index) => {
      const place = { file: pins.shown, field: `related[${index}]`, line: pins.lines[index] };
      const data = articles.get(target);
      if (target === pins.slug) issues.report('related-self', place, { slug: target });
      else if (data?.draft || data?.embargoedUntil || leftOut.has(target)) {
        if (!pins.published) return;
        if (data?.draft) issues.report('related-draft', place, { slug: target });
        else if (data?.embargoedUntil) issues.report('related-embargoed', place, { slug: target, until: data.embargoedUntil.toISOString() });
        else issues.report('related-unpublished', place, { slug: target });
      } else if (!data && !onDisk.has(target)) issues.report('related-unknown', place, { slug: target });
    });
  }
}
