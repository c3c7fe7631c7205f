/**
 * A survey as the prompt panel needs it, in one language: built from site.yaml at build time
 * (src/build/content/survey-prompt.ts) and written into the page or the widget's data as JSON, so the browser
 * carries neither zod nor the wording tables.
 */
import type { Locale } from './locales.ts';
import type { Survey } from './content/survey-schema.ts';
import type { ScoreBand } from './surveys.ts';

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

/** What a help-center page (or the widget) carries: the surveys asked there and the panel's words. */
export interface SurveyPageData {
  surveys: SurveyPrompt[];
  text: SurveyPanelText;
}
