/**
 * A week of readers on the sample shop, sent through the public API as browsers would: views and votes with
 * reasons and comments, searches that found nothing (some then contacting support), and readers who rephrased a
 * failed search and found an article. Each reader is a distinct User-Agent, which the server keys visitors by.
 * Deterministic, so screenshots and timings compare across runs.
 */

import { readSet } from '../themes/sets.ts';

/** The sample readers all come from this machine: the server they are sent to needs its per-address limits raised. */
export const SAMPLE_FEEDBACK_LIMITS = {
  HELPLOOP_VOTES_PER_IP: '100000',
  HELPLOOP_RATE_LIMIT_PER_IP: '100000',
  HELPLOOP_RATE_LIMIT: '100000',
};

/** A small linear congruential generator: the same run every time. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

interface Plan {
  /** Articles with readers' votes: views, votes and the share that said yes. */
  articles: { id: string; views: number; votes: number; helpful: number; reason?: string; comments?: string[] }[];
  /** Searches that found nothing: distinct readers, and how many of them then contacted support. */
  failed: { query: string; readers: number; contacted: number }[];
  /** Readers who searched one thing, found nothing, searched another and clicked an article. */
  rephrased: { failed: string; then: string; articleId: string; readers: number }[];
  /** Survey answers: how many readers gave each score, lowest first, and a comment for some low ones. */
  surveys: { survey: string; counts: number[]; min: number; lowComments: string[] }[];
  /**
   * What readers said, for the themes: the shop's labelled set (bench/themes/shop.json), each "No" comment on its
   * article, each survey comment with a low NPS score, each failed search once.
   */
  said: boolean;
}

export const SAMPLE_FEEDBACK: Plan = {
  articles: [
    {
      id: 'ko/shipping/delivery-time',
      views: 140,
      votes: 24,
      helpful: 0.3,
      reason: 'outdated',
      comments: ['주말에도 배송되는지 안 나와 있어요', '도서산간 지역은 며칠 걸리는지 알려 주세요'],
    },
    {
      id: 'ko/returns-refunds/cancel-order',
      views: 90,
      votes: 15,
      helpful: 0.4,
      reason: 'did-not-work',
      comments: ['취소 버튼이 안 보여요'],
    },
    { id: 'ko/account/dormant-account', views: 30, votes: 6, helpful: 0.5, reason: 'confusing' },
    { id: 'ko/coupons-points/coupon-not-applied', views: 60, votes: 12, helpful: 0.8 },
    { id: 'ko/ordering-payment/payment-failed', views: 50, votes: 9, helpful: 0.9 },
    { id: 'ko/account/reset-password', views: 120, votes: 30, helpful: 0.95 },
  ],
  failed: [
    { query: '선물 포장', readers: 7, contacted: 2 },
    { query: '영수증 재발행', readers: 5, contacted: 1 },
    { query: '기프트카드 잔액', readers: 3, contacted: 0 },
    { query: 'gift wrapping', readers: 2, contacted: 0 },
  ],
  rephrased: [
    { failed: '배송 언제와요', then: '배송 조회', articleId: 'ko/shipping/track-order', readers: 4 },
    { failed: '적립금 소멸', then: '포인트 유효기간', articleId: 'ko/coupons-points/points-expiry', readers: 3 },
  ],
  // 412 CES answers, 1–7: mean 2189 / 412 = 5.31; top box (5–7) 312 / 412 = 75.7%.
  surveys: [
    {
      survey: 'ces',
      min: 1,
      counts: [10, 15, 25, 50, 90, 130, 92],
      lowComments: ['반품 신청 버튼을 못 찾았어요', '검색해도 교환 방법이 안 나와요'],
    },
  ],
  said: true,
};

export async function seedFeedback(url: string, plan: Plan = SAMPLE_FEEDBACK): Promise<number> {
  const next = random(15);
  let reader = 0;
  let sent = 0;
  const as = () => `Mozilla/5.0 (sample reader ${++reader})`;
  const post = async (path: string, body: object, agent: string) => {
    const response = await fetch(`${url}/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': agent },
      body: JSON.stringify({ eventId: crypto.randomUUID(), ...body }),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    sent++;
  };
  for (const article of plan.articles) {
    const comments = [...(article.comments ?? [])];
    for (let i = 0; i < article.views; i++) {
      const agent = as();
      await post('views', { articleId: article.id }, agent);
      if (i >= article.votes) continue;
      const helpful = next() < article.helpful;
      await post(
        'votes',
        {
          articleId: article.id,
          helpful,
          ...(!helpful && article.reason && { reason: article.reason }),
          ...(!helpful && comments.length && { comment: comments.shift() }),
        },
        agent,
      );
    }
  }
  for (const search of plan.failed) {
    const locale = /[a-z]/i.test(search.query) ? 'en' : 'ko';
    for (let i = 0; i < search.readers; i++) {
      const agent = as();
      await post('searches', { query: search.query, locale, resultCount: 0 }, agent);
      if (i < search.contacted) await post('contact-clicks', { locale, query: search.query }, agent);
    }
  }
  for (const pair of plan.rephrased) {
    for (let i = 0; i < pair.readers; i++) {
      const agent = as();
      await post('searches', { query: pair.failed, locale: 'ko', resultCount: 0 }, agent);
      await post('searches', { query: pair.then, locale: 'ko', resultCount: 5 }, agent);
      await post('search-clicks', { query: pair.then, articleId: pair.articleId, position: 1, locale: 'ko' }, agent);
    }
  }
  for (const { survey, counts, min, lowComments } of plan.surveys) {
    const comments = [...lowComments];
    for (const [i, count] of counts.entries())
      for (let n = 0; n < count; n++) {
        const score = min + i;
        const comment = score <= min + 2 ? comments.shift() : undefined;
        await post('survey-responses', { survey, score, locale: 'ko', ...(comment && { comment }) }, as());
      }
  }
  if (plan.said)
    for (const item of readSet('shop').items) {
      const { source, text, article, locale } = item;
      if (source === 'comments') await post('votes', { articleId: article, helpful: false, comment: text }, as());
      else if (source === 'survey')
        // NPS detractors (0–6), so the CES answers above keep their stated distribution.
        await post('survey-responses', { survey: 'nps', score: sent % 7, locale, comment: text }, as());
      else await post('searches', { query: text, locale, resultCount: 0 }, as());
    }
  return sent;
}

/**
 * Waits until the server's themes job grouped what was seeded (it runs every minute), so pages show themes.
 * `cookie` is a staff session's.
 */
export async function waitForThemes(url: string, cookie: { name: string; value: string }): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 120_000) {
    const response = await fetch(`${url}/api/staff/reports/themes`, {
      headers: { cookie: `${cookie.name}=${cookie.value}` },
    });
    const body = (await response.json()) as { themes?: { count: number }[] };
    if (response.ok && body.themes && body.themes.length > 3) return body.themes.length;
    await new Promise((done) => setTimeout(done, 2_000));
  }
  throw new Error('The themes job grouped nothing within two minutes');
}
