import { describe, expect, it } from 'vitest';
import { meanScore, netPromoterScore, scoreChange, topBoxScore } from '../../server/reports/survey-score.ts';

/** `count` answers of each score. */
const answers = (counts: Record<number, number>) =>
  Object.entries(counts).flatMap(([score, count]) => Array<number>(count).fill(Number(score)));

describe('survey scores', () => {
  it('scores NPS as promoters % − detractors % with its margin: 50% and 20% of 200 is 30 ± 10.8', () => {
    const nps = netPromoterScore(answers({ 10: 60, 9: 40, 8: 30, 7: 30, 6: 20, 3: 20 }));
    expect(nps.n).toBe(200);
    expect(nps.score).toBeCloseTo(30, 10);
    // √((0.5 + 0.2 − 0.3²) / 200) = 0.055227…; × 1.96 = 0.10825 → 10.8 points.
    expect(nps.standardError).toBeCloseTo(5.5227, 4);
    expect(nps.marginOfError).toBeCloseTo(10.8245, 4);
  });

  it('has no NPS without answers', () => {
    expect(netPromoterScore([])).toEqual({ n: 0, score: null, marginOfError: null, standardError: null });
  });

  it('scores CSAT as the share of 4 and 5 of 5, with the Wilson interval', () => {
    // 80 of 100 satisfied: Wilson 95% is 0.7112 … 0.8666 (p̂ = 0.8, z = 1.96).
    const csat = topBoxScore('csat', answers({ 5: 50, 4: 30, 3: 10, 2: 5, 1: 5 }));
    expect(csat.score).toBe(0.8);
    expect(csat.interval!.low).toBeCloseTo(0.7112, 4);
    expect(csat.interval!.high).toBeCloseTo(0.8666, 4);
    expect(csat.marginOfError).toBeCloseTo((0.8666 - 0.7112) / 2, 3);
    expect(csat.standardError).toBeCloseTo(0.04, 10);
  });

  it('counts 5 to 7 of 7 as CES’s top box', () => {
    expect(topBoxScore('ces', [7, 6, 5, 4, 3, 2, 1, 5]).score).toBe(0.5);
  });

  it('gives the mean answer with its margin', () => {
    // Mean 5, sample SD √(10/4) = 1.5811 over 5 answers: 1.96 × 1.5811 / √5 = 1.3859.
    const mean = meanScore([3, 4, 5, 6, 7])!;
    expect(mean.value).toBe(5);
    expect(mean.marginOfError).toBeCloseTo(1.3859, 4);
    expect(meanScore([5])).toBeNull();
  });

  it('gives the change between periods a margin of √(SE₁² + SE₂²)', () => {
    // 30 ± 10.8 now, 10 before (40% promoters, 30% detractors of 200: SE √((0.7 − 0.01)/200) = 5.8737 points).
    const now = netPromoterScore(answers({ 10: 100, 8: 60, 2: 40 }));
    const before = netPromoterScore(answers({ 9: 80, 7: 60, 5: 60 }));
    const change = scoreChange(now, before)!;
    expect(change.value).toBeCloseTo(20, 10);
    expect(change.marginOfError).toBeCloseTo(1.96 * Math.sqrt(5.5227 ** 2 + 5.8737 ** 2), 2);
    expect(change.marginOfError).toBeCloseTo(15.8, 1);
    expect(scoreChange(now, netPromoterScore([]))).toBeNull();
  });
});
