import type { Suggestion } from '../../shared/widget-data.ts';

/**
 * The order of a context's articles in the widget: the editor's `order` first (lower first; articles without one
 * after those with one), then what readers found helpful when the API could say, then title, so the list is
 * stable when nothing else tells them apart. `helpfulness`: article id → a score, higher is more helpful (the API's
 * Wilson lower bound).
 */
export function orderSuggestions<T extends Suggestion>(articles: T[], helpfulness: Record<string, number> = {}): T[] {
  const order = (article: T) => article.order ?? Number.POSITIVE_INFINITY;
  const helpful = (article: T) => helpfulness[article.id] ?? 0;
  return [...articles].sort(
    (a, b) =>
      order(a) - order(b) || helpful(b) - helpful(a) || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1),
  );
}
