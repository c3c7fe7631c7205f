import { createHash } from 'node:crypto';
import type { CommentRow, FailedSearchGroup, SurveyCommentRow, ThemeStorage, Watermarks } from '../db/theme-storage.ts';
import { mapInTurns } from '../in-turns.ts';
import { searchItemKey, type ThemeSource } from '../../src/shared/themes.ts';
import type { ThemeItem } from './theme.ts';

/** Before anything was collected: every stored row is new. */
const START = '';

const commentItem = (row: CommentRow): ThemeItem => ({
  // A vote is one per article, visitor and day: its key must not show the visitor key it hashes.
  key: `c:${createHash('sha256').update(`${row.article_id}|${row.visitor}|${row.day}`).digest('hex').slice(0, 20)}`,
  source: 'comments',
  locale: row.article_id.split('/')[0]!,
  text: row.comment,
  article: row.article_id,
  at: row.created_at,
  weight: 1,
});

const surveyItem = (row: SurveyCommentRow): ThemeItem => ({
  key: `v:${row.id}`,
  source: 'survey',
  locale: row.locale,
  text: row.comment,
  article: row.article_id,
  at: row.created_at,
  weight: 1,
});

/** A failed query as one item: its most often typed form (alphabetical among equals), weighed by its searchers. */
const searchItem = (query: FailedSearchGroup): ThemeItem => ({
  key: searchItemKey(query.locale, query.normalized),
  source: 'searches',
  locale: query.locale,
  text: query.forms.toSorted((a, b) => b.searches - a.searches || a.query.localeCompare(b.query))[0]!.query,
  article: null,
  at: query.at,
  weight: query.visitors,
});

const latest = (items: ThemeItem[], source: ThemeSource, since: string | undefined) =>
  items.filter((item) => item.source === source).reduce((at, item) => (item.at > at ? item.at : at), since ?? START);

/**
 * Reads what readers said since the `watermarks` (as the theme state holds them) into theme items, stores them
 * with the new watermarks, and deletes items older than `before` (the retention period's first day). Rows at a
 * watermark's very instant are read again next time: storing an item twice only rewrites it. Answers the items
 * stored.
 */
export async function collectThemeItems(
  themes: ThemeStorage,
  watermarks: Watermarks,
  before: string,
): Promise<ThemeItem[]> {
  const [comments, survey, searches] = await Promise.all([
    themes.unhelpfulComments(watermarks.comments ?? START),
    themes.surveyComments(watermarks.survey ?? START),
    themes.failedQueries(watermarks.searches ?? START),
  ]);
  const items = [
    ...(await mapInTurns(comments, commentItem)),
    ...(await mapInTurns(survey, surveyItem)),
    ...(await mapInTurns(searches, searchItem)),
  ].filter((item) => item.at >= before);
  const next: Watermarks = {
    comments: latest(items, 'comments', watermarks.comments),
    survey: latest(items, 'survey', watermarks.survey),
    // A failed search's item is as late as its latest search, which is what the next read starts from.
    searches: latest(items, 'searches', watermarks.searches),
  };
  await themes.collected(items, next);
  await themes.deleteBefore(before);
  return items;
}
