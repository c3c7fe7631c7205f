/**
 * A survey as the prompt panel needs it, in one language: built from site.yaml at build time and written into the
 * page as JSON, so the browser carries neither zod nor the wording tables.
 */
import { COMMENT_MAX } from '../../shared/feedback-reasons.ts';
import type { Locale } from '../../shared/locales.ts';
import { t } from '../i18n/ui.ts';
import { SURVEY_SCALES, scoreBand, surveyWords, type ScoreBand, type Survey } from '../../shared/surveys.ts';

export interface SurveyPrompt extends Pick<Survey, 'id' | 'kind' | 'sample' | 'throttleDays' | 'on'> {
  locale: Locale;
  question: string;
  low: string;
  high: string;
  /** One entry per score from the lowest up: the score and the follow-up question its band asks. */
  scores: { score: number; band: ScoreBand; followUp: string }[];
}

/** The panel's own words, one set per page. */
export interface SurveyPanelText {
  title: string;
  send: string;
  notNow: string;
  optional: string;
  privacy: string;
  thanks: string;
  close: string;
  commentMax: number;
}

export function surveyPanelText(locale: Locale): SurveyPanelText {
  const ui = t(locale);
  return {
    title: ui.surveyTitle,
    send: ui.feedbackSend,
    notNow: ui.surveyNotNow,
    optional: ui.surveyCommentOptional,
    privacy: ui.feedbackPrivacy,
    thanks: ui.surveyThanks,
    close: ui.surveyClose,
    commentMax: COMMENT_MAX,
  };
}

/** What a help-center page (or the widget) carries: the surveys asked there and the panel's words. */
export interface SurveyPageData {
  surveys: SurveyPrompt[];
  text: SurveyPanelText;
}

export function surveyPageData(surveys: Survey[], on: Survey['on'], locale: Locale, company: string): SurveyPageData {
  return {
    surveys: surveys.filter((survey) => survey.on === on).map((survey) => surveyPrompt(survey, locale, company)),
    text: surveyPanelText(locale),
  };
}

export function surveyPrompt(survey: Survey, locale: Locale, company: string): SurveyPrompt {
  const words = surveyWords(survey, locale, company);
  const { min, max } = SURVEY_SCALES[survey.kind];
  const scores = Array.from({ length: max - min + 1 }, (_, index) => {
    const band = scoreBand(survey.kind, min + index);
    return { score: min + index, band, followUp: words.followUp[band] };
  });
  const { id, kind, sample, throttleDays, on } = survey;
  return { id, kind, sample, throttleDays, on, locale, question: words.question, low: words.low, high: words.high, scores };
}
