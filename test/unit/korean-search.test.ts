import { describe, expect, it } from 'vitest';
import { stemKorean } from '../../src/shared/search/korean.ts';
import { searchKeywords } from '../../src/build/search/keywords.ts';
import { isStopword } from '../../src/shared/search/stopwords.ts';
import { normalize, words } from '../../src/shared/search/text.ts';
import { correctTypo, editDistance } from '../../src/shared/search/vocabulary.ts';

describe('Korean stems', () => {
  it.each([
    ['쿠폰이', '쿠폰'],
    ['배송지를', '배송지'],
    ['무통장으로', '무통장'],
    ['현금영수증은', '현금영수증'],
    ['가상계좌에서는', '가상계좌'],
  ])('strips the particle from %s', (word, stem) => {
    expect(stemKorean(word)).toBe(stem);
  });

  it.each([
    ['환불받으려면', '환불'],
    ['취소했는데', '취소'],
    ['취소됐어요', '취소'],
    ['재입고되면', '재입고'],
    ['회원탈퇴하려면', '회원탈퇴'],
    ['변경하고', '변경'],
  ])('strips the light verb and ending from %s', (word, stem) => {
    expect(stemKorean(word)).toBe(stem);
  });

  it.each(['배송지', '마이페이지', '가상계좌', '나이', '돈은'])(
    'keeps %s: nothing to strip, or the stem would be one syllable',
    (word) => {
      expect(stemKorean(word)).toBe(word);
    },
  );

  it('leaves words in other scripts alone', () => {
    expect(stemKorean('refunds')).toBe('refunds');
  });
});

describe('query words', () => {
  it('folds width and case and drops punctuation', () => {
    expect(normalize('ＶＩＰ 혜택?!')).toBe('vip 혜택');
  });

  it('splits Latin glued to Hangul but keeps numbers with their unit', () => {
    expect(words('VIP혜택 3,000원 kakao페이')).toEqual(['vip', '혜택', '3000원', 'kakao', '페이']);
  });

  it('treats asking words and politeness as stopwords, not topics', () => {
    expect(['어떻게', '언제', '하나요', 'how', 'my'].every(isStopword)).toBe(true);
    expect(['환불', '배송', 'refund'].some(isStopword)).toBe(false);
  });
});

describe('index keywords', () => {
  it('adds the tails of long compounds so a word inside one can be found', () => {
    const keywords = searchKeywords({
      title: '현금영수증 발급',
      description: '',
      body: '주문내역에서 확인',
      tags: ['영수증'],
      aliases: ['세금 증빙'],
    }).split(' ');
    expect(keywords).toEqual(expect.arrayContaining(['세금', '증빙', '영수증', '내역', '금영수증']));
    expect(keywords).not.toContain('증');
  });
});

describe('typo correction', () => {
  const vocabulary = { pages: 3, words: { 환불: 12, 배달: 2, 배송: 20, 할부: 3, shipping: 4 } };

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('corrects one wrong jamo in a Korean word', () => {
    expect(correctTypo('환블', vocabulary)).toBe('환불');
  });

  it('corrects a missing letter in an English word', () => {
    expect(correctTypo('shiping', vocabulary)).toBe('shipping');
  });

  it('keeps the first letter and the number of syllables', () => {
    expect(correctTypo('매달', vocabulary)).toBeUndefined();
    expect(correctTypo('배송지', vocabulary)).toBeUndefined();
  });

  it('does not guess at words of four jamo or fewer', () => {
    expect(correctTypo('배손', { words: { 배송: 2 } })).toBe('배송');
    expect(correctTypo('ab', { words: { an: 2 } })).toBeUndefined();
  });

  it('only corrects towards short words that appear in more than one article', () => {
    expect(correctTypo('배손', { words: { 배송: 1 } })).toBeUndefined();
  });

  it('leaves a known word alone', () => {
    expect(correctTypo('환불', vocabulary)).toBeUndefined();
  });
});
