import { scoreBand, type SurveyKind } from '../../src/shared/surveys.ts';
import { wilsonInterval } from './wilson.ts';

/** z for a 95% margin of error. */
const Z = 1.96;

/**
 * A survey's score over some answers, in the kind's unit: NPS in points (−100…100), CES and CSAT as the share of
 * top-box answers (0–1). Without answers, no score.
 */
export interface SurveyScore {
  n: number;
  score: number | null;
  /** Half the 95% interval: the score is likely within ± this. */
  marginOfError: number | null;
  /** The score's standard error, for the margin of a change between periods. */
  standardError: number | null;
  /** CES and CSAT: the Wilson interval (95%) of the top-box share, which is not symmetric near 0 or 1. */
  interval?: { low: number; high: number };
}

/**
 * NPS = promoters % − detractors %. Its standard error is that of a difference of two shares of the same answers
 * (a multinomial): √((p_P + p_D − (p_P − p_D)²) / n).
 */
export function netPromoterScore(scores: number[]): SurveyScore {
  const n = scores.length;
  if (!n) return { n, score: null, marginOfError: null, standardError: null };
  const share = (band: 'low' | 'high') => scores.filter((score) => scoreBand('nps', score) === band).length / n;
  const [promoters, detractors] = [share('high'), share('low')];
  const net = promoters - detractors;
  const standardError = 100 * Math.sqrt((promoters + detractors - net * net) / n);
  return { n, score: 100 * net, marginOfError: Z * standardError, standardError };
}

/**
 * CES and CSAT: the share of top-box answers, with its Wilson interval; the margin is half that interval. Its
 * standard error, used only for a change between periods, is the normal approximation √(p(1 − p) / n).
 */
export function topBoxScore(kind: Exclude<SurveyKind, 'nps'>, scores: number[]): SurveyScore {
  const n = scores.length;
  const hits = scores.filter((score) => scoreBand(kind, score) === 'high').length;
  const interval = wilsonInterval(hits, n);
  if (!interval) return { n, score: null, marginOfError: null, standardError: null };
  const share = hits / n;
  return {
    n,
    score: share,
    marginOfError: (interval.high - interval.low) / 2,
    standardError: Math.sqrt((share * (1 - share)) / n),
    interval,
  };
}

/** The kind's score of some answers. */
export const surveyScore = (kind: SurveyKind, scores: number[]): SurveyScore =>
  kind === 'nps' ? netPromoterScore(scores) : topBoxScore(kind, scores);

/** The mean answer (CES 5.6 of 7) with its 95% margin from the answers' sample standard deviation; null under 2. */
export function meanScore(scores: number[]): { value: number; marginOfError: number } | null {
  const n = scores.length;
  if (n < 2) return null;
  const value = scores.reduce((sum, score) => sum + score, 0) / n;
  const variance = scores.reduce((sum, score) => sum + (score - value) ** 2, 0) / (n - 1);
  return { value, marginOfError: Z * Math.sqrt(variance / n) };
}

/**
 * The change from one period's score to the next, with its own margin: the periods' answers are independent, so
 * the standard errors add in quadrature, √(SE₁² + SE₂²). Null unless both periods have a score.
 */
export function scoreChange(
  current: SurveyScore,
  previous: SurveyScore,
): { value: number; marginOfError: number } | null {
  if (current.score === null || previous.score === null) return null;
  return {
    value: current.score - previous.score,
    marginOfError: Z * Math.hypot(current.standardError!, previous.standardError!),
  };
}
