/**
 * One realistic notification of every type, as the triggers make them: masked comments and queries as stored,
 * staff pages as paths. Shared by the notification tests and bench/notify-samples.ts.
 */
import { notificationSchema, type Notification, type NotificationData } from '../../server/notify/notification.ts';

export const BASE_URL = 'https://help.example.com';

type Article = NotificationData<'article.unhelpful'>['article'];
const article = (id: string, title: string): Article => {
  const [locale, category] = id.split('/') as [Article['locale'], string];
  return {
    id,
    title,
    locale,
    category,
    url: `/${id}/`,
    staffUrl: `/staff/unhelpful/?article=${encodeURIComponent(id)}`,
  };
};
const tracking = article('ko/shipping/track-order', '배송 조회하는 방법');
const refund = article('ko/returns/refund-timing', '환불은 언제 되나요?');
const card = article('ko/payment/change-card', '결제 카드 바꾸기');
const coupon = article('ko/payment/coupons', '쿠폰 & 적립금 함께 쓰기');
const helpful = (helpfulCount: number, votes: number) => ({
  votes,
  helpful: helpfulCount,
  unhelpful: votes - helpfulCount,
  helpfulShare: votes ? helpfulCount / votes : null,
});
const failedSearch = (query: string, visitors: number, searches: number) => ({
  query,
  normalized: query,
  locale: 'ko' as const,
  visitors,
  searches,
  staffUrl: `/staff/failed-searches/?q=${encodeURIComponent(query)}`,
});

export const sampleData: { [T in Notification['type']]: NotificationData<T> } = {
  'feedback.comments': {
    article: tracking,
    comments: [
      {
        comment: '송장 번호를 넣어도 조회가 안 돼요. 연락처 [phone]로 연락 주세요',
        reason: 'did-not-work',
        at: '2025-03-10T05:11:00Z',
      },
      {
        comment: '택배사가 바뀌었다는데 어디서 보나요?\n메일 [email]로 답 주세요',
        reason: 'not-what-i-wanted',
        at: '2025-03-10T05:13:00Z',
      },
      { comment: '화면이 글이랑 달라요 <앱 3.2 버전>', reason: null, at: '2025-03-10T05:14:00Z' },
    ],
    window: { from: '2025-03-10T05:10:00Z', to: '2025-03-10T05:15:00Z' },
  },
  'survey.comments': {
    survey: { id: 'nps', kind: 'nps' },
    answers: [
      {
        score: 2,
        comment: '환불 문의를 세 번 했는데 답이 없어요. [email]',
        locale: 'ko',
        article: refund,
        context: null,
        at: '2025-03-10T05:11:00Z',
      },
      {
        score: 5,
        comment: '주문 화면에서 도움말 찾기가 <어려워요>',
        locale: 'ko',
        article: null,
        context: 'checkout',
        at: '2025-03-10T05:12:00Z',
      },
    ],
    window: { from: '2025-03-10T05:10:00Z', to: '2025-03-10T05:15:00Z' },
    staffUrl: '/staff/',
  },
  'article.unhelpful': { article: refund, days: 7, ...helpful(4, 23), confidence: 0.62, level: 0.5 },
  'search.failing': {
    ...failedSearch('환불 계좌 변경', 7, 12),
    hours: 24,
    newArticleCommand: "npm run new -- '환불 계좌 변경'",
  },
  'article.fix-not-working': { article: card, fixedAt: '2025-03-03', before: helpful(2, 9), after: helpful(3, 11) },
  'digest.weekly': {
    period: { from: '2025-03-03', to: '2025-03-09' },
    unhelpful: [
      { article: refund, votes: 23, unhelpful: { now: 0.83, before: 0.5 } },
      { article: tracking, votes: 15, unhelpful: { now: 0.6, before: 0.7 } },
      { article: coupon, votes: 6, unhelpful: { now: 0.5, before: null } },
    ],
    failedSearches: [
      { ...failedSearch('환불 계좌 변경', 7, 12), visitorsBefore: 2 },
      { ...failedSearch('해외 배송 관세', 4, 5), visitorsBefore: 6 },
    ],
    synonymsWaiting: [{ query: '카드 갈아끼우기', article: card, readers: 4 }],
    fixes: [
      { article: card, before: helpful(2, 9), after: helpful(7, 10), worked: true },
      { article: tracking, before: helpful(5, 12), after: helpful(4, 11), worked: false },
    ],
    surveys: [
      {
        id: 'ces',
        kind: 'ces',
        n: 412,
        score: 0.62,
        marginOfError: 0.047,
        previous: { n: 380, score: 0.55 },
        change: { value: 0.07, marginOfError: 0.08 },
      },
      {
        id: 'loyalty',
        kind: 'nps',
        n: 200,
        score: 30,
        marginOfError: 10.8,
        previous: { n: 150, score: 12 },
        change: { value: 18, marginOfError: 16.1 },
      },
      {
        id: 'csat',
        kind: 'csat',
        n: 0,
        score: null,
        marginOfError: null,
        previous: { n: 0, score: null },
        change: null,
      },
    ],
    themes: [
      {
        id: 't-refund',
        label: '환불 · 입금 · 언제',
        count: 48,
        previous: 36,
        growth: 1 / 3,
        staffUrl: '/staff/themes/?days=7',
      },
      {
        id: 't-agent',
        label: 'Agent & callback',
        count: 17,
        previous: 20,
        growth: -0.15,
        staffUrl: '/staff/themes/?days=7',
      },
      {
        id: 't-menu',
        label: '메뉴 · 위치 · 앱',
        count: 9,
        previous: 0,
        growth: null,
        staffUrl: '/staff/themes/?days=7',
      },
    ],
    staffUrl: '/staff/',
  },
  test: { destination: '결제팀 Slack', staffUrl: '/staff/notifications/' },
};

/** The sample of `type` (or other data of that type) as a notification, checked against the contract. */
export function sampleNotification<T extends Notification['type']>(
  type: T,
  data: NotificationData<T> = sampleData[type],
): Notification {
  return notificationSchema.parse({ type, timestamp: '2025-03-10T05:15:00Z', locale: 'ko', category: null, data });
}
