import { describe, expect, it } from 'vitest';
import { relatedQueries } from '../../src/shared/search/related-queries.ts';

describe('related searches', () => {
  it.each([
    ['카드 갈아끼우기', '카드'],
    ['카드갈아끼우기', '결제 카드'],
    ['환불받으려면', '환불 기간'],
    ['재발행 신청', '재발급'],
    ['배송이 안 와요', '배송지 변경'],
    ['돈', '돈은 언제'],
    ['결제수단 교체', '결제'],
    ['Cancel my order', 'cancellations'],
    ['refunds', 'REFUND policy'],
    ['shipping address', 'ship'],
  ])('takes %s and %s for one question', (a, b) => {
    expect(relatedQueries(a, b)).toBe(true);
    expect(relatedQueries(b, a)).toBe(true);
  });

  it.each([
    ['주식 추천', '쿠폰'],
    ['주식 추천', '할인 쿠폰 사용법'],
    ['환불 방법', '교환 방법'],
    ['배송비 어떻게 해요', '회원탈퇴 어떻게 해요'],
    ['how do I get a refund', 'how do I reset my password'],
    ['reset', 'refund'],
    ['re do', 're send'],
    ['카드', 'card'],
    ['', '카드'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(relatedQueries(a, b)).toBe(false);
    expect(relatedQueries(b, a)).toBe(false);
  });
});
