/**
 * The voice-of-the-customer surveys a site defines in site.yaml: customer effort (CES, 1–7), satisfaction (CSAT,
 * 1–5) and Net Promoter Score (NPS, 0–10). The build, the browser prompt, the API and the reports all read the
 * kinds, scales and score bands from here; site.yaml's schema for them is content/survey-schema.ts.
 */
import { josa } from 'es-hangul';
import type { Locale } from './locales.ts';
// Types only: the browser loads these words without zod, which a page's Content-Security-Policy would refuse.
import type { Survey } from './content/survey-schema.ts';

export const SURVEY_KINDS = ['ces', 'csat', 'nps'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];

/** Each kind's scale, and the answers that count as its top box (CES, CSAT) or its bands (NPS). */
export const SURVEY_SCALES: Record<SurveyKind, { min: number; max: number }> = {
  ces: { min: 1, max: 7 },
  csat: { min: 1, max: 5 },
  nps: { min: 0, max: 10 },
};

/** The follow-up a score gets: detractors are asked why, passives what would make it a 10, promoters what worked. */
export const SCORE_BANDS = ['low', 'middle', 'high'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/**
 * NPS: 0–6 detractors, 7–8 passives, 9–10 promoters. CSAT: 4–5 satisfied (the top box), 3 neutral, 1–2 not.
 * CES: 5–7 easy (the top box), 4 neutral, 1–3 hard.
 */
export function scoreBand(kind: SurveyKind, score: number): ScoreBand {
  const [low, high] = { nps: [6, 9], csat: [2, 4], ces: [3, 5] }[kind];
  return score <= low ? 'low' : score >= high ? 'high' : 'middle';
}

/** Korean and English wording for each kind; `{company}` becomes the site's name. */
export const SURVEY_WORDING: Record<
  SurveyKind,
  { question: Record<Locale, string>; low: Record<Locale, string>; high: Record<Locale, string> } & {
    followUp: Record<ScoreBand, Record<Locale, string>>;
  }
> = {
  ces: {
    question: { ko: '필요한 답을 쉽게 찾으셨나요?', en: 'How easy was it to find what you needed?' },
    low: { ko: '매우 어려웠어요', en: 'Very difficult' },
    high: { ko: '매우 쉬웠어요', en: 'Very easy' },
    followUp: {
      low: { ko: '찾기 어려웠던 점을 알려 주세요.', en: 'What made it hard to find?' },
      middle: { ko: '무엇이 더 있으면 쉬웠을까요?', en: 'What would have made it easier?' },
      high: { ko: '특히 도움이 된 점이 있었나요?', en: 'What helped you most?' },
    },
  },
  csat: {
    question: { ko: '고객센터 도움말에 얼마나 만족하셨나요?', en: 'How satisfied are you with our help center?' },
    low: { ko: '매우 불만족', en: 'Very dissatisfied' },
    high: { ko: '매우 만족', en: 'Very satisfied' },
    followUp: {
      low: {
        ko: '만족스럽지 않았던 가장 큰 이유는 무엇인가요?',
        en: 'What was the main reason you were not satisfied?',
      },
      middle: { ko: '무엇이 더 있으면 만족하셨을까요?', en: 'What would have made it better?' },
      high: { ko: '특히 좋았던 점이 있었나요?', en: 'What did you like most?' },
    },
  },
  nps: {
    question: {
      ko: '{company}를 지인에게 추천할 의향은 얼마나 되나요?',
      en: 'How likely are you to recommend {company} to a friend?',
    },
    low: { ko: '전혀 없음', en: 'Not at all likely' },
    high: { ko: '매우 높음', en: 'Extremely likely' },
    followUp: {
      low: { ko: '점수를 주신 가장 큰 이유는 무엇인가요?', en: 'What is the main reason for your score?' },
      middle: { ko: '어떻게 하면 10점을 주실 수 있을까요?', en: 'What would make it a 10?' },
      high: { ko: '추천하고 싶은 가장 큰 이유는 무엇인가요?', en: 'What do you like most?' },
    },
  },
};

/** Korean particles written after `{company}`, each with its pair: the one that fits the name's last sound is used. */
const PARTICLES = {
  을: '을/를',
  를: '을/를',
  이: '이/가',
  가: '이/가',
  은: '은/는',
  는: '은/는',
  과: '와/과',
  와: '와/과',
} as const;
const COMPANY = /\{company\}(을|를|이|가|은|는|과|와)?/g;

/** A survey's words in one language, its defaults filled in and `{company}` replaced, with the particle that fits. */
export function surveyWords(survey: Survey, locale: Locale, company: string) {
  const wording = SURVEY_WORDING[survey.kind];
  const pick = (own: Record<Locale, string> | undefined, fallback: Record<Locale, string>) =>
    (own ?? fallback)[locale].replace(COMPANY, (_, particle?: keyof typeof PARTICLES) =>
      particle ? josa(company, PARTICLES[particle]) : company,
    );
  return {
    question: pick(survey.question, wording.question),
    low: pick(survey.low, wording.low),
    high: pick(survey.high, wording.high),
    followUp: Object.fromEntries(
      SCORE_BANDS.map((band) => [band, pick(survey.followUp?.[band], wording.followUp[band])]),
    ) as Record<ScoreBand, string>,
  };
}
