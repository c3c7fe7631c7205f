/**
 * `Helploop.survey(id)`: a host page asks one of site.yaml's `on: host` surveys (after an order arrived, say) in
 * the help center's survey panel, inside the widget's Shadow DOM and in its language. The throttle and the sample
 * apply as on the help center; the throttle is kept in this site's localStorage. Answers carry the widget's
 * context and wait in the outbox while the API is down.
 */
import type { Locale } from '../../shared/locales.ts';
import type { WidgetData } from '../../shared/widget-data.ts';
import { throttleOver } from '../survey/eligibility.ts';
import { showSurvey } from '../survey/prompt-panel.ts';
import { lastAsked, noteAsked, storageWorks } from '../survey/visit.ts';
import { SURVEY_PALETTE } from './panel-style.ts';
import { matchContext } from './match.ts';
import { fetchOk } from './panel-views.ts';

export interface SurveyOptions {
  root: ShadowRoot;
  launcher: HTMLButtonElement;
  /** The help center's address, ending in `/`. */
  base: string;
  locale: Locale;
  /** The context the host set; else the page's path is matched as the panel does. */
  context?: string;
  pathPrefix: string;
}

let palette: CSSStyleSheet | undefined;

const widgetData = async ({ base, locale }: SurveyOptions) =>
  (await (await fetchOk(`${base}widget/${locale}.json`)).json()) as WidgetData;

/** Shows the survey if it exists, its throttle has run out and this reader falls in its sample; says whether it did. */
export async function askSurvey(id: string, options: SurveyOptions): Promise<boolean> {
  const data = await widgetData(options);
  const survey = data.surveys.surveys.find((candidate) => candidate.id === id);
  if (!survey) throw new Error(`Helploop: no survey "${id}" for host pages in site.yaml`);
  return ask(survey, data.surveys.text, data, options);
}

/**
 * After a finished widget session (the reader read an article in the panel and closed it): the help center's first
 * survey whose throttle has run out, under the same sample and throttle as on its pages.
 */
export async function askAfterSession(options: SurveyOptions): Promise<boolean> {
  const data = await widgetData(options);
  const asked = lastAsked();
  const survey = data.afterSession.surveys.find((candidate) => throttleOver(candidate, asked, Date.now()));
  return survey ? ask(survey, data.afterSession.text, data, options) : false;
}

async function ask(
  survey: WidgetData['surveys']['surveys'][number],
  text: WidgetData['surveys']['text'],
  data: WidgetData,
  options: SurveyOptions,
): Promise<boolean> {
  const { root, base, launcher } = options;
  const now = Date.now();
  if (!storageWorks() || !throttleOver(survey, lastAsked(), now) || Math.random() >= survey.sample) return false;
  if (root.querySelector('.survey-panel')) return false;
  const context = options.context ?? matchContext(location.pathname, data.contexts, options.pathPrefix);
  noteAsked(survey.id, now);
  if (!palette) {
    palette = new CSSStyleSheet();
    palette.replaceSync(SURVEY_PALETTE);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, palette];
  }
  showSurvey(survey, text, {
    parent: root,
    api: base,
    where: context ? { context } : {},
    closed: () => launcher.focus(),
  });
  return true;
}
