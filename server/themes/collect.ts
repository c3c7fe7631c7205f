import { createHash } from 'node:crypto';
import type {
  CommentRow,
  StoredFailedSearch,
  SurveyCommentRow,
  ThemeStorage,
  Watermarks,
} from '../db/theme-storage.ts';
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

/** A failed query's searches as one item: its most frequent typed form, its distinct searchers, its latest time. */
function searchItems(rows: StoredFailedSearch[]): ThemeItem[] {
  const groups = Map.groupBy(rows, (row) => searchItemKey(row.locale, row.normalized));
  return [...groups].map(([key, group]) => {
    const typed = new Map<string, number>();
    for (const row of group) typed.set(row.query, (typed.get(row.query) ?? 0) + 1);
    const [text] = [...typed].sort(([a, x], [b, y]) => y - x || a.localeCompare(b))[0]!;
    return {
      key,
      source: 'searches',
      locale: group[0]!.locale,
      text,
      article: null,
      at: group.map((row) => row.created_at).reduce((a, b) => (a > b ? a : b)),
      weight: new Set(group.map((row) => row.visitor)).size,
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
  const items = [...comments.map(commentItem), ...survey.map(surveyItem), ...searchItems(searches)].filter(
    (item) => item.at >= before,
  );
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
