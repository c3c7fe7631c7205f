import type { Locale } from '../locales.ts';
import type { SearchOutcome } from './engine.ts';

/**
 * Words the search scripts show, and the server in a linked search's page; kept apart from ui.ts so the browser
 * downloads only these.
 */
export const searchMessages = {
  ko: {
    loading: '검색 중…',
    count: (query: string, n: number) => `‘${query}’ 검색 결과 ${n}건`,
    showing: (query: string, shown: number, total: number) =>
      shown < total
        ? `‘${query}’ 검색 결과 ${total}건 중 ${shown}건을 보여 드려요.`
        : `‘${query}’ 검색 결과 ${total}건을 모두 보여 드려요.`,
    more: (remaining: number) => `결과 더 보기 (${remaining}개 남음)`,
    corrected: (corrected: string) => `‘${corrected}’(으)로 검색한 결과예요.`,
    none: (query: string) =>
      `‘${query}’에 맞는 도움말을 찾지 못했어요. 다른 단어로 검색하거나 아래 도움말을 확인해 보세요.`,
    failed: '검색을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.',
    suggestions: (n: number) =>
      n ? `추천 도움말 ${n}개. 위아래 화살표로 고르세요.` : '추천 도움말이 없어요. Enter를 누르면 검색해요.',
    searchAll: (query: string) => `‘${query}’ 전체 검색 결과 보기`,
  },
  en: {
    loading: 'Searching…',
    count: (query: string, n: number) => `${n} result${n === 1 ? '' : 's'} for “${query}”`,
    showing: (query: string, shown: number, total: number) =>
      shown < total
        ? `Showing ${shown} of ${total} results for “${query}”.`
        : `Showing all ${total} results for “${query}”.`,
    more: (remaining: number) => `Show more results (${remaining} left)`,
    corrected: (corrected: string) => `Showing results for “${corrected}”.`,
    none: (query: string) => `No articles match “${query}”. Try other words, or see the articles below.`,
    failed: 'Search could not load. Please try again shortly.',
    suggestions: (n: number) =>
      n ? `${n} suggestions. Use the up and down arrows to choose.` : 'No suggestions. Press Enter to search.',
    searchAll: (query: string) => `See all results for “${query}”`,
  },
} satisfies Record<Locale, Record<string, unknown>>;

/** The search page's status line for an answer with results: how many, and what was searched if it was corrected. */
export function resultsStatus(locale: Locale, outcome: SearchOutcome): string {
  const text = searchMessages[locale];
  const count = text.count(outcome.query, outcome.total);
  return outcome.correctedQuery ? `${text.corrected(outcome.correctedQuery)} ${count}` : count;
}
