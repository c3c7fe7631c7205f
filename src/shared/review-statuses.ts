/**
 * Where staff are with what the reports show them. The database's CHECKs, the staff API and the staff page all
 * read these lists; a migration that shipped keeps the SQL it ran (see test/unit/migrations.test.ts).
 */
export const ARTICLE_STATUSES = ['new', 'in-review', 'fixed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const QUERY_STATUSES = ['open', 'planned', 'resolved', 'ignored'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];

/** A readers' synonym is proposed by readers, then accepted (search learns it on the next build) or rejected. */
export const SYNONYM_STATUSES = ['proposed', 'accepted', 'rejected'] as const;
export type SynonymStatus = (typeof SYNONYM_STATUSES)[number];

/**
 * The statuses that take an item off the staff inbox, each with whether new evidence after it brings the item
 * back: a fix can fail, an ignored query or a decided synonym stays decided.
 */
export const CLOSING_STATUSES: {
  article: Partial<Record<ArticleStatus, boolean>>;
  query: Partial<Record<QueryStatus, boolean>>;
  synonym: Partial<Record<SynonymStatus, boolean>>;
} = {
  article: { fixed: true },
  query: { resolved: true, ignored: false },
  synonym: { accepted: false, rejected: false },
};
