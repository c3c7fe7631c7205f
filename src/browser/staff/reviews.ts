/** Staff decisions saved from any staff page: an article's status, a failed query's, a readers' synonym's. */
import type { ArticleStatus, QueryStatus, SynonymStatus } from '../../shared/review-statuses.ts';
import { staffSend } from './session.ts';

const patch = (path: string, body: object) => staffSend('PATCH', path, body);

export const saveArticleReview = (articleId: string, status: ArticleStatus, note: string) =>
  patch(`/api/staff/articles/${articleId}/review`, { status, note });

export const saveQueryReview = (query: { locale: string; normalized: string }, status: QueryStatus, note: string) =>
  patch('/api/staff/queries/review', { locale: query.locale, normalized: query.normalized, status, note });

export const saveSynonymReview = (
  pair: { locale: string; normalized: string; query: string; articleId: string },
  status: SynonymStatus,
  note: string,
) =>
  patch('/api/staff/synonyms/review', {
    locale: pair.locale,
    normalized: pair.normalized,
    query: pair.query,
    articleId: pair.articleId,
    status,
    note,
  });
