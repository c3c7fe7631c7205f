import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskPersonalData } from '../../server/privacy/mask.ts';

const digits = (min: number, max = min) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const separator = fc.constantFrom('-', ' ', '.');
/** Korean mobile numbers (010…019 but 012…015), written as people write them, unbroken too. */
const koreanMobile = fc
  .tuple(
    fc.constantFrom('010', '011', '016', '017', '018', '019'),
    digits(3, 4),
    digits(4),
    fc.constantFrom('-', ' ', '.', ''),
  )
  .map(([prefix, middle, last, sep]) => [prefix, middle, last].join(sep));
/** Seoul (02), the provinces (031…064), internet phones (070) and 050x numbers, with their separators. */
const koreanLandline = fc
  .tuple(
    fc.constantFrom('02', '031', '032', '042', '051', '053', '062', '064', '070', '0505'),
    digits(3, 4),
    digits(4),
    separator,
    fc.boolean(),
  )
  .map(([area, middle, last, sep, parens]) =>
    parens ? `(${area}) ${middle}-${last}` : [area, middle, last].join(sep),
  );
const international = fc
  .tuple(fc.constantFrom('+82', '+1', '+44', '+81', '+49'), digits(1, 3), digits(3, 4), digits(4), separator)
  .map(([country, area, middle, last, sep]) => `${country} ${[area, middle, last].join(sep)}`);
const pad = (n: number) => String(n).padStart(2, '0');
const date = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).chain((d) => {
  const [y, m, day] = [d.getUTCFullYear(), pad(d.getUTCMonth() + 1), pad(d.getUTCDate())];
  return fc.constantFrom(
    `${y}-${m}-${day}`,
    `${y}.${m}.${day}`,
    `${y}/${m}/${day}`,
    `${y}-${m}${day}`,
    `${y}년 ${m}월 ${day}일`,
  );
});
const inText = (value: fc.Arbitrary<string>) =>
  fc.tuple(fc.constantFrom('', '주문 ', '오류 코드: ', 'id='), value, fc.constantFrom('', ' 건', '로 문의', '.'));

describe('masking personal data', () => {
  it.each([
    ['kim.minji+shop@example.co.kr 로 보냈어요', '[email] 로 보냈어요'],
    ['010-1234-5678 번호 변경', '[phone] 번호 변경'],
    ['01012345678', '[phone]'],
    ['010-1234-5678로 연락 주세요', '[phone]로 연락 주세요'],
    ['(02) 1234-5678', '[phone]'],
    ['+82 10 1234 5678', '[phone]'],
    ['+1 (415) 555-0100', '[phone]'],
    ['+44 20 7946 0958', '[phone]'],
    ['카드 4111-1111-1111-1111 결제', '카드 [number] 결제'],
    ['계좌 110123456789', '계좌 [number]'],
  ])('masks %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['30000원 이상 무료배송 2026-11-20 3일', 'prices, dates and short numbers'],
    ['2024-1105 주문', 'a date written year-monthday'],
    ['고객센터 1588-0000, 평일 09:00~18:00', 'a company’s representative number and opening hours'],
    ['ORD-2024-1105-0001 배송', 'an order number in parts'],
    ['550e8400-e29b-41d4-a716-446655440000 오류', 'a UUID, even with a run of digits'],
  ])('keeps %s (%s)', (text) => {
    expect(maskPersonalData(text)).toBe(text);
  });

  it('masks any Korean or international phone number, also inside Korean text', () => {
    fc.assert(
      fc.property(inText(fc.oneof(koreanMobile, koreanLandline, international)), ([before, phone, after]) => {
        expect(maskPersonalData(`${before}${phone}${after}`)).toBe(`${before}[phone]${after}`);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps any UUID and any date whole', () => {
    fc.assert(
      fc.property(inText(fc.oneof(fc.uuid(), date)), ([before, value, after]) => {
        const text = `${before}${value}${after}`;
        expect(maskPersonalData(text)).toBe(text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('applies the site’s own patterns before the built-in ones', () => {
    expect(maskPersonalData('주문 ORD-20261120 환불', [/ORD-\d+/g])).toBe('주문 [masked] 환불');
  });
});
