import type { Locale } from '../../shared/locales.ts';

/** The widget's words; it lives on someone else's page, so it carries its own. */
export const widgetStrings: Record<Locale, Record<string, string>> = {
  ko: {
    close: '도움말 닫기',
    help: '도움말',
    searchLabel: '도움말 검색',
    searchPlaceholder: '궁금한 내용을 입력하세요',
    common: '이 페이지에서 자주 묻는 질문',
    popular: '자주 찾는 도움말',
    results: '검색 결과',
    noResults: '맞는 도움말을 찾지 못했어요.',
    back: '목록으로',
    openFull: '새 창에서 전체 글 보기',
    loading: '불러오는 중…',
    failed: '도움말을 불러오지 못했어요. 잠시 후 다시 시도해 주세요.',
    stillNeedHelp: '아직 해결되지 않으셨나요?',
    contact: '1:1 문의하기',
  },
  en: {
    close: 'Close help',
    help: 'Help',
    searchLabel: 'Search help articles',
    searchPlaceholder: 'Type your question',
    common: 'Common questions on this page',
    popular: 'Popular articles',
    results: 'Search results',
    noResults: 'No article matches that.',
    back: 'Back to the list',
    openFull: 'Open the full article in a new tab',
    loading: 'Loading…',
    failed: 'Could not load help articles. Please try again in a moment.',
    stillNeedHelp: 'Still need help?',
    contact: 'Contact us',
  },
};
