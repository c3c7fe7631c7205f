/**
 * The survey report: the score with its margin of error and n, its change against the previous period said as
 * noise or not, the score over time, the breakdowns (segments under 30 answers greyed), and the comments behind it.
 */
import { SURVEY_SCALES, surveyWords, type SurveyKind } from '../../shared/surveys.ts';
import type { Survey } from '../../shared/content/survey-schema.ts';
import type { SurveyReport } from '../../../server/reports/survey-report.ts';
import { element } from '../element.ts';
import { periodParams } from './period-params.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Words } from './report-tables.ts';

/** NPS in points; the top-box share of CES and CSAT as a percentage. */
function scoreFormat(kind: SurveyKind, { format, locale }: Words) {
  // In the staff member's language, as every other number of the page, not the browser's.
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  return {
    score: (value: number) => (kind === 'nps' ? decimals.format(value) : format.percent(value)),
    margin: (value: number) => (kind === 'nps' ? decimals.format(value) : `${decimals.format(value * 100)}%p`),
    signed: (value: number) =>
      `${value >= 0 ? '+' : '−'}${kind === 'nps' ? decimals.format(Math.abs(value)) : `${decimals.format(Math.abs(value) * 100)}%p`}`,
    mean: (value: number) => decimals.format(value),
  };
}

function table(caption: string, headers: string[], rows: { cells: string[]; quiet?: boolean }[]): HTMLTableElement {
  const node = element('table', { class: 'staff-table' });
  node.createCaption().textContent = caption;
  const head = node.createTHead().insertRow();
  for (const header of headers) head.append(element('th', { scope: 'col' }, header));
  const body = node.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    if (row.quiet) tr.classList.add('staff-too-few');
    row.cells.forEach((text, i) => {
      const cell = tr.insertCell();
      cell.dataset.label = headers[i]!;
      if (text) cell.textContent = text;
    });
  }
  return node;
}

export function renderSurvey(data: SurveyReport, words: Words): HTMLElement {
  const { messages, format, locale } = words;
  const kind = data.kind;
  const show = scoreFormat(kind, words);
  const box = element('div', { class: 'staff-survey' });
  const headline = element('section', { class: 'staff-metric' });
  // The question as readers saw it: the site's first survey of this kind, in the staff member's language.
  const site: { company: Record<string, string>; surveys: Survey[] } = JSON.parse(
    document.getElementById('staff-surveys')!.textContent!,
  );
  const survey = site.surveys.find((defined) => defined.kind === kind);
  if (survey) headline.append(element('h2', {}, surveyWords(survey, locale, site.company[locale] ?? '').question));
  if (data.n === 0 || data.score === null || data.marginOfError === null) {
    headline.append(element('p', {}, messages.surveyNoAnswers));
    box.append(headline);
    return box;
  }
  // CES and CSAT read best as their mean on the scale ("CES 5.6 ± 0.3"), with the top-box share beside it.
  const name = kind.toUpperCase();
  const [value, margin, previous] =
    data.mean && data.previous.mean !== undefined
      ? [show.mean(data.mean.value), show.mean(data.mean.marginOfError), data.previous.mean?.value]
      : [show.score(data.score), show.margin(data.marginOfError), data.previous.score];
  const previousText =
    previous === null || previous === undefined ? undefined : data.mean ? show.mean(previous) : show.score(previous);
  const line = messages.surveyHeadline(name, value, margin, format.number(data.n));
  const trend =
    data.change === null || previousText === undefined
      ? messages.surveyNoPrevious
      : data.change.value >= 0
        ? messages.surveyUpFrom(previousText)
        : messages.surveyDownFrom(previousText);
  headline.append(element('strong', {}, `${line}, ${trend}`));
  if (data.mean) headline.append(element('span', {}, messages.surveyMeanOnScale(String(SURVEY_SCALES[kind].max))));
  if (data.interval)
    headline.append(
      element(
        'p',
        {},
        messages.surveyTopBox(
          show.score(data.score),
          format.percent(data.interval.low),
          format.percent(data.interval.high),
        ),
      ),
    );
  if (data.change) {
    const noise = Math.abs(data.change.value) <= data.change.marginOfError;
    const say = noise ? messages.surveyWithinNoise : messages.surveyBeyondNoise;
    headline.append(element('p', {}, say(show.signed(data.change.value), show.margin(data.change.marginOfError))));
  }
  box.append(headline);

  const columns = messages.surveyColumns;
  const scoreCell = (row: { score: number | null; marginOfError: number | null }) =>
    row.score === null || row.marginOfError === null
      ? '–'
      : `${show.score(row.score)} ± ${show.margin(row.marginOfError)}`;
  box.append(
    table(
      messages.surveyOverTime,
      [columns.when, columns.n, columns.score],
      data.series.map((row) => ({
        cells: [format.date('day' in row ? row.day : row.week), format.number(row.n), scoreCell(row)],
      })),
    ),
  );
  for (const [dimension, rows] of Object.entries(data.breakdowns) as [
    keyof SurveyReport['breakdowns'],
    SurveyReport['breakdowns'][keyof SurveyReport['breakdowns']],
  ][]) {
    if (!rows.length) continue;
    box.append(
      table(
        messages.surveyBreakdown[dimension],
        [columns.segment, columns.n, columns.score],
        rows.map((row) => ({
          cells: [
            dimension === 'locale' ? (messages.localeName[row.key as Locale] ?? row.key) : (row.label ?? row.key),
            format.number(row.n),
            `${scoreCell(row)}${row.tooFew ? ` · ${messages.tooFew}` : ''}`,
          ],
          quiet: row.tooFew,
        })),
      ),
    );
  }
  const comments = element('section', {});
  comments.append(element('h2', {}, messages.surveyComments));
  const list = element('ul', { class: 'staff-comments' });
  for (const comment of data.comments) {
    const item = element('li', {});
    item.append(
      element(
        'span',
        { class: 'staff-quiet' },
        `${messages.band[comment.band]} · ${messages.scoreOf(String(comment.score))} · ${format.date(comment.at)}`,
      ),
      element('p', {}, comment.comment),
    );
    list.append(item);
  }
  comments.append(data.comments.length ? list : element('p', {}, messages.noComments));
  if (data.comments.length) {
    // The same comments grouped by what they say, over the same period.
    const themes = new URLSearchParams([['source', 'survey'], ...periodParams(new URLSearchParams(location.search))]);
    const link = element('p', {});
    link.append(element('a', { href: `/staff/themes/?${themes}` }, messages.surveyThemes));
    comments.append(link);
  }
  box.append(comments);
  return box;
}
