import { describe, expect, it } from 'vitest';
import { agreement } from '../../bench/themes/metrics.ts';
import { averageLinkage } from '../../server/themes/cluster.ts';
import { assignTheme, describeThemes, groupThemes } from '../../server/themes/grouping.ts';
import { themeTerms } from '../../server/themes/label.ts';
import { generalLexicon } from '../../server/themes/lexicon.ts';
import { termsOf } from '../../server/themes/terms.ts';
import type { ThemeItem } from '../../server/themes/theme.ts';
import { unit } from '../../server/themes/vectors.ts';

const lexicon = generalLexicon();
const item = (key: string, text: string, article: string | null = 'ko/orders/refund'): ThemeItem => ({
  key,
  source: 'comments',
  locale: 'ko',
  text,
  article,
  at: '2026-11-20T10:00:00.000Z',
  weight: 1,
});

// Three things readers say, in different words each, and noise.
const SAID = [
  ['refund', '환불 언제됨'],
  ['refund', '환불이 아직 안 들어왔어요'],
  ['refund', '돈 언제 돌려줘요'],
  ['refund', '환불 처리 너무 늦어요 2주째'],
  ['refund', '환불금 입금이 안돼요'],
  ['agent', '상담원 연결이 안 돼요'],
  ['agent', '고객센터 전화 안 받아요'],
  ['agent', '상담원이랑 통화하고 싶어요 연결이 안됨'],
  ['agent', '고객센터 상담원 연결 30분 대기'],
  ['screens', '화면이 예전이랑 달라요 메뉴가 없어요'],
  ['screens', '스크린샷이 옛날 화면이에요'],
  ['screens', '메뉴 위치가 바뀌었는데 글은 예전 화면'],
  [null, 'ㅋㅋㅋㅋ'],
  [null, 'asdf'],
] as const;
const items = SAID.map(([, text], i) => item(`c:${String(i).padStart(2, '0')}`, text));
const truth = SAID.map(([theme]) => theme);

describe('terms of what readers said', () => {
  it('meets different words for one meaning through the lexicon', () => {
    const meanings = (text: string) => [...termsOf(text, lexicon).features.keys()].filter((f) => f.startsWith('m:'));
    expect(meanings('돈 언제 돌려줘요')).toContain('m:환불');
    expect(meanings('환불이 아직 안 들어왔어요')).toContain('m:환불');
  });

  it('ignores masked personal data and laughter', () => {
    expect(termsOf('[phone] [email] ㅋㅋㅋ', lexicon).features.size).toBe(0);
    expect(termsOf('[phone]로 전화해도 안 받아요', lexicon).words).not.toContain('phone');
  });
});

describe('grouping into themes', () => {
  it('finds the themes readers wrote and leaves noise out', () => {
    const { themes } = groupThemes(items, lexicon);
    const themeOf = new Map(themes.flatMap((theme) => theme.members.map((key) => [key, theme.id])));
    const score = agreement(
      [...truth],
      items.map((it) => themeOf.get(it.key) ?? null),
    );
    expect(score.ari).toBeGreaterThan(0.6);
    expect(themeOf.has('c:12')).toBe(false);
    expect(themeOf.has('c:13')).toBe(false);
  });

  it('gives the same themes whatever order the items come in', () => {
    const once = groupThemes(items, lexicon);
    const again = groupThemes([...items].reverse(), lexicon);
    expect(again.themes).toEqual(once.themes);
    expect(again.model).toEqual(once.model);
  });

  it('labels each theme with its distinctive words and puts its most central member first', () => {
    const { themes } = groupThemes(items, lexicon);
    const refund = themes.find((theme) => theme.members.includes('c:00'))!;
    expect(refund.terms[0]).toBe('환불');
    expect(refund.id).toMatch(/^t[0-9a-f]{12}$/);
  });

  it('places a new item in the nearest theme, and noise in none', () => {
    const { themes, model } = groupThemes(items, lexicon);
    const refund = themes.find((theme) => theme.members.includes('c:00'))!;
    expect(assignTheme(model, '환불 아직도 안 들어옴', lexicon)).toBe(refund.id);
    expect(assignTheme(model, 'ㅎㅎㅎ', lexicon)).toBeUndefined();
  });

  it('lets decisions reshape the groups before they are described', () => {
    const renamed = groupThemes(items, lexicon, (drafts) =>
      drafts.map((draft) => (draft.members.includes('c:05') ? { ...draft, label: '상담 연결' } : draft)),
    );
    expect(renamed.themes.find((theme) => theme.members.includes('c:05'))!.label).toBe('상담 연결');
    const described = describeThemes(items, [{ members: ['c:00', 'c:05'], ignored: true }], lexicon);
    expect(described.themes).toHaveLength(1);
    expect(described.themes[0]).toMatchObject({ ignored: true });
  });
});

describe('theme labels', () => {
  it('name a theme by words that name things, not by verb forms, bare syllables or grammar', () => {
    const saying = new Map([
      ['바꿨', 4],
      ['로그인', 4],
      ['함', 4],
      ['들어가면', 4],
      ['비번', 3],
      ['건데', 3],
    ]);
    expect(themeTerms(saying, 4, saying, 6)).toEqual(['로그인', '비번']);
    // A theme that says nothing else still has a name.
    expect(themeTerms(new Map([['지났', 3]]), 3, new Map([['지났', 3]]), 6)).toEqual(['지났']);
  });
});

describe('average linkage', () => {
  it('joins points while their mean distance stays under the cut', () => {
    const v = (...weights: number[]) => unit(Int32Array.from(weights.keys()), Float64Array.from(weights));
    // Two pairs of near-identical directions, far from each other.
    const groups = averageLinkage([v(1, 0.1, 0), v(1, 0.12, 0), v(0, 0.1, 1), v(0, 0.12, 1)], [1, 1, 1, 1], 0.5);
    expect([...groups]).toEqual([0, 0, 2, 2]);
    expect([...averageLinkage([v(1, 0.1, 0), v(0, 0.1, 1)], [1, 1], 0.01)]).toEqual([0, 1]);
  });
});

describe('agreement with labels', () => {
  it('is 1 for the labels themselves and counts noise left out', () => {
    const score = agreement(['a', 'a', 'b', null], ['x', 'x', 'y', null]);
    expect(score).toMatchObject({ ari: 1, coverage: 1, noiseLeftOut: 1 });
    expect(score.nmi).toBeCloseTo(1);
    expect(agreement(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y']).ari).toBeLessThan(0);
  });
});
