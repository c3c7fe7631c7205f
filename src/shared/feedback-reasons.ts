import type { Locale } from './locales.ts';

/** Why an article did not help, as readers choose it; shared by the widget and the API. */
export const unhelpfulReasons = ['confusing', 'not-what-i-wanted', 'outdated', 'did-not-work', 'other'] as const;
export type UnhelpfulReason = (typeof unhelpfulReasons)[number];

export const reasonLabels: Record<Locale, Record<UnhelpfulReason, string>> = {
  ko: {
    confusing: '이해하기 어려워요',
    'not-what-i-wanted': '찾던 내용이 아니에요',
    outdated: '틀리거나 오래된 내용이에요',
    'did-not-work': '따라 했는데 해결되지 않았어요',
    other: '기타',
  },
  en: {
    confusing: 'Hard to understand',
    'not-what-i-wanted': 'Not what I was looking for',
    outdated: 'Wrong or outdated',
    'did-not-work': 'I followed it and it did not work',
    other: 'Other',
  },
};

export const COMMENT_MAX = 1000;
