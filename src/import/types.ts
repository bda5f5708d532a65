/**
 * The neutral shape every reader (WordPress, Ghost) hands to the converter:
 * what a post says, before Masthead's rules are applied. Bodies are the
 * source's HTML; nothing here is written yet.
 */

/** A person who wrote for the old site. */
export interface SourceAuthor {
  /** The source's key for the person (WordPress login, Ghost user id). */
  key: string;
  /** A slug to make the author's id from. */
  slug: string;
  name: string;
  /** The bio as plain text or HTML, when the source has one. */
  bio?: string;
  /** The portrait's address on the old site. */
  avatar?: string;
}

/** A category or tag, as the source names it. */
export interface SourceTerm {
  slug: string;
  name: string;
}

/** What a reader can say about a picture beyond its address. */
export interface SourcePicture {
  url: string;
  alt?: string;
  caption?: string;
}

/** Who could read a post in full on the old site. */
export type SourceVisibility = 'public' | 'members' | 'paid' | 'tiers';

/** Where a post stood on the old site. */
export type SourceStatus = 'published' | 'draft' | 'scheduled' | 'private' | 'other';

/** One post or page of an export. */
export interface SourcePost {
  /** The source's own id, for report lines and redirects. */
  id: string;
  type: 'post' | 'page';
  status: SourceStatus;
  /** The status as the source wrote it (`pending`, `trash`), for the report. */
  rawStatus: string;
  title: string;
  slug: string;
  /** The body as HTML (WordPress: as stored, before `wpautop`). */
  html: string;
  /** `true` for WordPress bodies, which need paragraphs made from blank lines. */
  autop: boolean;
  /** The excerpt the writer wrote, as HTML or text; absent when none. */
  excerpt?: string;
  /** First publication, ISO 8601 with its offset, or absent for drafts never dated. */
  date?: string;
  /** Last change, ISO 8601 with its offset. */
  updated?: string;
  /** Author keys, byline order. */
  authors: string[];
  /** Categories (WordPress) or the primary tag first (Ghost). */
  sections: SourceTerm[];
  tags: SourceTerm[];
  visibility: SourceVisibility;
  /** The tiers' names for a `tiers` post, for the report. */
  tiers?: string[];
  featured?: SourcePicture;
  /** The post's address on the old site (a full URL or a path). */
  permalink?: string;
  /** Other old addresses that should redirect too (`/?p=12`). */
  aliases?: string[];
  /** A WordPress post with a password: its body is not public. */
  password?: boolean;
}

/** What an export holds besides posts: read first, small. */
export interface SourceSite {
  /** The old site's address, to recognise its own links and pictures. */
  baseUrl?: string;
  authors: Map<string, SourceAuthor>;
  /** WordPress attachments by id (galleries, featured images). */
  attachments: Map<string, SourcePicture & { parent?: string }>;
}

/** One line of the import report: what was changed, guessed or not carried. */
export interface ReportLine {
  /** `left-out`, `guessed`, `changed`, `not-carried`, `paywall`, `picture`, `kept`, `written`… */
  kind: ReportKind;
  /** The file (relative to the content folder) or the post it is about. */
  where: string;
  /** The line in the written Markdown, when there is one. */
  line?: number;
  message: string;
}

export type ReportKind = 'left-out' | 'draft' | 'guessed' | 'not-carried' | 'paywall' | 'picture' | 'kept' | 'refused' | 'page' | 'section';
