import type { Locale } from '../../shared/locales.ts';

const ko = {
  languageName: '한국어',
  skipToContent: '본문으로 건너뛰기',
  home: '홈',
  searchLabel: '도움말 검색',
  siteSearch: '사이트 검색',
  // Beside a heading that asks already; short enough to show whole in a 360 px box.
  searchPlaceholder: '예: 배송 조회, 환불',
  searchButton: '검색',
  searchSuggestions: '추천 도움말',
  heroTitle: '무엇을 도와드릴까요?',
  homeDescription: (siteName: string, categories: string[]) =>
    `${siteName}: ${categories.join(', ')} 등 자주 묻는 질문의 답을 찾아보세요.`,
  categories: '카테고리',
  articleCount: (n: number) => `도움말 ${n}개`,
  popular: '자주 찾는 도움말',
  recentlyUpdated: '최근 업데이트',
  updated: '최종 업데이트',
  onThisPage: '이 페이지의 내용',
  related: '관련 도움말',
  readNext: '이 글을 읽은 분들이 이어서 본 글',
  callout: { info: '참고', warning: '주의', danger: '위험' },
  videoPlay: '동영상 재생',
  videoConsent: '누르면 YouTube에서 재생되며, YouTube의 개인정보 처리방침이 적용돼요.',
  editArticle: '이 글 수정하기',
  breadcrumb: '현재 위치',
  languageSwitch: '언어 선택 (Language)',
  noTranslation: '이 글은 번역본이 없어 홈으로 이동해요',
  noTranslationHere: '보시던 글은 아직 한국어로 번역되지 않았어요. 아래에서 검색하거나 카테고리를 골라 보세요.',
  stillNeedHelp: '아직 해결되지 않으셨나요?',
  feedbackTryNext: '이 글이 도움이 될 수도 있어요',
  supportIntro: '고객센터가 직접 도와드릴게요.',
  contactUs: '1:1 문의하기',
  email: '이메일',
  phone: '전화',
  hours: '운영 시간',
  notFoundTitle: '페이지를 찾을 수 없어요',
  notFoundBody: '주소가 바뀌었거나 삭제된 페이지예요. 검색하거나 아래 카테고리에서 찾아보세요.',
  feedbackQuestion: '이 글이 도움이 되었나요?',
  feedbackYes: '네',
  feedbackNo: '아니요',
  feedbackCounted: '‘아니요’ 답변이 반영됐어요.',
  feedbackWhy: '어떤 점이 아쉬웠나요? (선택)',
  feedbackComment: '더 알려주실 내용이 있나요? (선택, 1,000자 이내)',
  feedbackPrivacy: '이름, 연락처, 주문번호 같은 개인정보는 적지 말아 주세요.',
  feedbackSend: '보내기',
  feedbackThanks: '의견 감사합니다!',
  feedbackThanksNo:
    '알려주셔서 감사합니다. 더 나은 도움말을 만드는 데 반영할게요. 지금 바로 도움이 필요하시면 고객센터로 문의해 주세요.',
  surveyTitle: '잠깐 의견을 들려주세요',
  surveyNotNow: '다음에',
  surveyCommentOptional: '(선택, 1,000자 이내)',
  surveyThanks: '답해 주셔서 감사합니다!',
  surveyClose: '닫기',
  searchTitle: '검색',
  searchCategory: '카테고리',
  allCategories: '전체',
  searchFallbackTitle: '이런 도움말은 어떠세요?',
};

type Strings = typeof ko;

const en: Strings = {
  languageName: 'English',
  skipToContent: 'Skip to content',
  home: 'Home',
  searchLabel: 'Search help articles',
  siteSearch: 'Site search',
  searchPlaceholder: 'e.g. track my order, refund',
  searchButton: 'Search',
  searchSuggestions: 'Suggested articles',
  heroTitle: 'How can we help?',
  homeDescription: (siteName: string, categories: string[]) =>
    `${siteName}: answers to common questions about ${categories.join(', ')}.`,
  categories: 'Categories',
  articleCount: (n: number) => `${n} article${n === 1 ? '' : 's'}`,
  popular: 'Popular articles',
  recentlyUpdated: 'Recently updated',
  updated: 'Last updated',
  onThisPage: 'On this page',
  related: 'Related articles',
  readNext: 'Readers of this article went on to read',
  callout: { info: 'Note', warning: 'Warning', danger: 'Danger' },
  videoPlay: 'Play video',
  videoConsent: 'Plays on YouTube; YouTube’s privacy policy applies once you press play.',
  editArticle: 'Edit this article',
  breadcrumb: 'Breadcrumb',
  languageSwitch: 'Language (언어 선택)',
  noTranslation: 'this article has no translation; opens the home page',
  noTranslationHere: 'The article you were reading has no English version yet. Search or pick a category below.',
  stillNeedHelp: 'Still need help?',
  feedbackTryNext: 'One of these may help instead',
  supportIntro: 'Our support team is happy to help.',
  contactUs: 'Contact us',
  email: 'Email',
  phone: 'Phone',
  hours: 'Hours',
  notFoundTitle: 'We could not find that page',
  notFoundBody: 'It may have moved or been removed. Try a search or pick a category below.',
  feedbackQuestion: 'Was this article helpful?',
  feedbackYes: 'Yes',
  feedbackNo: 'No',
  feedbackCounted: 'Your “No” has been counted.',
  feedbackWhy: 'What was wrong? (optional)',
  feedbackComment: 'Anything else we should know? (optional, up to 1,000 characters)',
  feedbackPrivacy: 'Please leave out personal details such as your name, phone or order number.',
  feedbackSend: 'Send',
  feedbackThanks: 'Thank you for your feedback!',
  feedbackThanksNo:
    'Thank you for telling us; we will use it to improve this article. If you need help right now, contact us.',
  surveyTitle: 'A quick question',
  surveyNotNow: 'Not now',
  surveyCommentOptional: '(optional, up to 1,000 characters)',
  surveyThanks: 'Thank you for answering!',
  surveyClose: 'Close',
  searchTitle: 'Search',
  searchCategory: 'Category',
  allCategories: 'All categories',
  searchFallbackTitle: 'These articles might help',
};

const strings: Record<Locale, Strings> = { ko, en };

export const t = (locale: Locale): Strings => strings[locale];

/** The fragment of a home page that says the article the reader came from has no translation. */
export const NO_TRANSLATION_ID = 'no-translation';

// Creating a formatter costs far more than using one; a build formats a date on every article page.
const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  ko: new Intl.DateTimeFormat('ko-KR', { dateStyle: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }),
};

/** Dates as readers of each locale write them, independent of the build machine's time zone. */
export const formatDate = (date: string, locale: Locale): string =>
  dateFormats[locale].format(new Date(`${date}T00:00:00Z`));
