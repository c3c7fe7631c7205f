/** Builds the survey prompts (src/shared/survey-prompt.ts) from site.yaml, in one language. */
import { COMMENT_MAX } from '../../shared/feedback-reasons.ts';
import type { Locale } from '../../shared/locales.ts';
import { t } from '../i18n/ui.ts';
import type { SurveyPageData, SurveyPanelText, SurveyPrompt } from '../../shared/survey-prompt.ts';
import { SURVEY_SCALES, scoreBand, surveyWords } from '../../shared/surveys.ts';
import type { Survey } from '../../shared/content/survey-schema.ts';

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
