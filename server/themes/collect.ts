import { createHash } from 'node:crypto';
import type {
  CommentRow,
  StoredFailedSearch,
  SurveyCommentRow,
  ThemeStorage,
  Watermarks,
} from '../db/theme-storage.ts';
import { inTurns, mapInTurns } from '../in-turns.ts';
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

/**
 * A failed query's searches as one item: its most frequent typed form, its distinct searchers, its latest time.
 * Counted a row at a time, in turns: one query may have failed tens of thousands of times.
 */
async function searchItems(rows: StoredFailedSearch[]): Promise<ThemeItem[]> {
  const groups = new Map<string, { locale: string; typed: Map<string, number>; visitors: Set<string>; at: string }>();
  await inTurns(rows, (row) => {
    const key = searchItemKey(row.locale, row.normalized);
    const group =
      groups.get(key) ??
      groups.set(key, { locale: row.locale, typed: new Map(), visitors: new Set(), at: row.created_at }).get(key)!;
    group.typed.set(row.query, (group.typed.get(row.query) ?? 0) + 1);
    group.visitors.add(row.visitor);
    if (row.created_at > group.at) group.at = row.created_at;
  });
  return mapInTurns([...groups], ([key, group]) => {
    const [text] = [...group.typed].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
    return {
      key,
      source: 'searches',
      locale: group.locale,
      text,
      article: null,
      at: group.at,
      weight: group.visitors.size,
    };
  });
}

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
    themes.failedSearches(watermarks.searches ?? START),
  ]);
  const items = [
    ...(await mapInTurns(comments, commentItem)),
    ...(await mapInTurns(survey, surveyItem)),
    ...(await searchItems(searches)),
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
