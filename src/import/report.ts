import type { ReportKind, ReportLine } from './types';

/** The counts at the top of the report. */
export interface ImportSummary {
  source: 'wordpress' | 'ghost' | 'feed';
  exportFile: string;
  posts: number;
  pages: number;
  articles: number;
  drafts: number;
  embargoed: number;
  refused: number;
  leftOut: number;
  cut: number;
  authors: number;
  sectionsAdded: number;
  redirects: number;
  created: number;
  updated: number;
  unchanged: number;
  kept: number;
  seconds: number;
}

/** The report's sections, in the order a newsroom should read them. */
const HEADINGS: [ReportKind, string][] = [
  ['refused', 'Not written: the build would refuse them'],
  ['kept', 'Kept: files changed since the last import'],
  ['left-out', 'Left out'],
  ['page', 'Pages, not imported as news'],
  ['paywall', 'The paywall'],
  ['picture', 'Pictures'],
  ['not-carried', 'Not carried, or carried differently'],
  ['guessed', 'Guessed'],
  ['draft', 'Drafts and embargoes'],
  ['section', 'Sections'],
];

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The report as text: a summary, then one line per thing, `file:line: message`, grouped. Deterministic but for the time. */
export function formatReport(summary: ImportSummary, lines: readonly ReportLine[]): string {
  const out = [
    `Imported ${summary.source === 'wordpress' ? 'WordPress export' : summary.source === 'ghost' ? 'Ghost export' : 'feed'} ${summary.exportFile}`,
    `  ${plural(summary.posts, 'post')} and pages read; ${plural(summary.articles, 'article')} (${summary.drafts} drafts, ${summary.embargoed} embargoed, ${summary.cut} with a cut); ${summary.pages} pages, ${summary.leftOut} left out, ${summary.refused} refused`,
    `  files: ${summary.created} created, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.kept} kept as you edited them`,
    `  ${plural(summary.authors, 'author')}, ${plural(summary.sectionsAdded, 'section')} added, ${plural(summary.redirects, 'redirect')}`,
  ];
  for (const [kind, heading] of HEADINGS) {
    const group = lines.filter((line) => line.kind === kind);
    if (group.length === 0) continue;
    out.push('', `${heading} (${group.length})`);
    for (const line of group) out.push(`  ${line.where}${line.line ? `:${line.line}` : ''}: ${line.message}`);
  }
  return `${out.join('\n')}\n`;
}
