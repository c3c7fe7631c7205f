import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../server/privacy/mask.ts';

describe('masking personal data', () => {
  it.each([
    ['kim.minji+shop@example.co.kr 로 보냈어요', '[email] 로 보냈어요'],
    ['010-1234-5678 번호 변경', '[phone] 번호 변경'],
    ['01012345678', '[phone]'],
    ['+82 10 1234 5678', '[phone]'],
    ['카드 4111-1111-1111-1111 결제', '카드 [number] 결제'],
    ['계좌 110123456789', '계좌 [number]'],
  ])('masks %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('keeps prices, dates and short numbers readers search for', () => {
    expect(maskPersonalData('30000원 이상 무료배송 2026-11-20 3일')).toBe('30000원 이상 무료배송 2026-11-20 3일');
  });

  it('applies the site’s own patterns before the built-in ones', () => {
    expect(maskPersonalData('주문 ORD-20261120 환불', [/ORD-\d+/g])).toBe('주문 [masked] 환불');
  });
});
