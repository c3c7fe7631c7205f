import { z } from 'zod';
import { ARTICLE_ID } from '../../src/shared/content/ids.ts';
import { locales } from '../../src/shared/locales.ts';
import type { ArticleStatus, QueryStatus } from '../../src/shared/review-statuses.ts';
import type { Period, Review } from '../db/report-storage.ts';
import type { Helpfulness, UnhelpfulRow } from '../reports/unhelpful.ts';

/**
 * Why an item is back: new evidence after staff fixed it (`fixedAt`: the review's ISO time, or the article's own
 * `updated` day when that is later; `by`: who set the status), or after someone dismissed it.
 */
export type Returned = { fixedAt: string; by: string } | { dismissedAt: string; by: string };

interface ItemBase {
  /** Stable across requests: what a dismissal names (see itemIds). */
  id: string;
  /** Readers affected × confidence: the ranking. */
  impact: number;
  /** Readers affected: an article's views (or votes, if more), a failed query's visitors, a synonym's searchers. */
  affected: number;
  /** The days the numbers count: the period asked for, or only the days after a fix or dismissal. */
  evidence: Period;
  returned: Returned | null;
}

/** An article readers found unhelpful, with its votes as the report counts them. */
export interface ArticleItem
  extends
    ItemBase,
    Helpfulness,
    Pick<UnhelpfulRow, 'articleId' | 'title' | 'locale' | 'category' | 'url' | 'sourcePath' | 'editUrl' | 'views'> {
  kind: 'article';
  /** The reason code (src/shared/feedback-reasons.ts) readers chose most, with its count. */
  topReason: { reason: string; count: number } | null;
  /** Masked when stored. */
  latestComment: { comment: string; helpful: boolean; at: string } | null;
  review: Pick<Review<ArticleStatus>, 'status' | 'note'>;
}

/** A search that found nothing. */
export interface QueryItem extends ItemBase {
  kind: 'query';
  locale: string;
  normalized: string;
  /** The first variant readers typed. */
  query: string;
  searches: number;
  visitors: number;
  /** Visitors who then turned to support. */
  contacted: number;
  newArticleCommand: string;
  review: Pick<Review<QueryStatus>, 'status' | 'note'>;
}

/** Readers searched `query`, found nothing, then found the article: a synonym waiting to be accepted. */
export interface SynonymItem extends ItemBase {
  kind: 'synonym';
  locale: string;
  normalized: string;
  query: string;
  articleId: string;
  title: string;
  category: string;
  url: string;
  /** Distinct readers who made the pair; `affected` is how many searched the query and found nothing. */
  readers: number;
}

export type InboxItem = ArticleItem | QueryItem | SynonymItem;
export type ItemKind = InboxItem['kind'];

/** GET /api/staff/inbox: the staff page reads it with this type. */
export interface Inbox {
  items: InboxItem[];
  period: Period;
}

/** Each kind's id, made in one place: `article:<article id>`, `query:<locale>:<normalized>`, `synonym:<locale>:<article id>:<normalized>`. */
export const itemIds = {
  article: (articleId: string) => `article:${articleId}`,
  query: (locale: string, normalized: string) => `query:${locale}:${normalized}`,
  synonym: (locale: string, normalized: string, articleId: string) => `synonym:${locale}:${articleId}:${normalized}`,
} satisfies Record<ItemKind, (...parts: string[]) => string>;

const locale = `(?:${locales.join('|')})`;
const article = ARTICLE_ID.source.slice(1, -1);
// As the query review endpoint accepts it: up to 200 characters, here without control characters.
const normalized = '\\P{Cc}{1,200}';

/** Any item's id, as itemIds makes them. */
export const itemIdSchema = z
  .string()
  .regex(
    new RegExp(
      `^(?:article:${article}|query:${locale}:${normalized}|synonym:${locale}:${article}:${normalized})$`,
      'u',
    ),
    'must be an inbox item id: article:<article id>, query:<locale>:<query> or synonym:<locale>:<article id>:<query>',
  );

const isKind = (kind: string): kind is ItemKind => Object.hasOwn(itemIds, kind);

/** The kind an id (one itemIdSchema accepted) names. */
export function kindOf(id: string): ItemKind {
  const kind = id.slice(0, id.indexOf(':'));
  if (!isKind(kind)) throw new Error(`Not an inbox item id: ${id}`);
  return kind;
}
