import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { SurveyKind } from '../../src/shared/surveys.ts';
import { daysBefore } from '../days.ts';
import type { Period } from '../db/report-storage.ts';
import type { SurveyResponse, SurveyStorage } from '../db/survey-storage.ts';
import { daysOf, previousPeriod } from './overview.ts';
import { meanScore, scoreChange, surveyScore, type SurveyScore } from './survey-score.ts';

/** Fewer answers than this make a segment's score too unsure to act on: staff pages grey it out. */
const TOO_FEW = 30;
/** Latest comments shown; the CSV has them all. */
const COMMENTS_SHOWN = 50;
/** Periods longer than this are charted by week. */
const DAILY_UP_TO = 31;

/** A score as the report shows it: NPS in points (−100…100), CES and CSAT as the top-box share (0–1). */
type Shown = Pick<SurveyScore, 'n' | 'score' | 'marginOfError'>;
export interface SurveyBreakdownRow extends Shown {
  key: string;
  /** The article's or category's title. */
  label?: string;
  tooFew: boolean;
}
type Mean = { value: number; marginOfError: number } | null;

/** GET /api/staff/reports/survey: a survey kind's score in a period, against the period before, and behind it. */
export interface SurveyReport extends Shown {
  kind: SurveyKind;
  period: Period;
  /** CES and CSAT: the Wilson interval of the top-box share. */
  interval?: { low: number; high: number };
  /** CES and CSAT: the mean answer on the kind's scale. */
  mean?: Mean;
  /** The period of the same length just before. */
  previous: Shown & { period: Period; mean?: Mean };
  /** This period's score minus the previous one's; null unless both have answers. */
  change: { value: number; marginOfError: number } | null;
  /** Days with answers, or weeks (from Monday) in periods longer than a month; oldest first. */
  series: (Shown & ({ day: string } | { week: string }))[];
  breakdowns: Record<'locale' | 'category' | 'article' | 'context' | 'page', SurveyBreakdownRow[]>;
  /** The latest comments, masked as stored. */
  comments: {
    score: number;
    band: SurveyResponse['band'];
    comment: string;
    at: string;
    locale: string;
    articleId?: string;
    context?: string;
    path?: string;
  }[];
}

const shown = ({ n, score, marginOfError }: SurveyScore): Shown => ({ n, score, marginOfError });
const at = (day: string) => new Date(`${day}T00:00:00Z`);

/** The Monday of a day's week. */
const weekOf = (day: string) => daysBefore(at(day), (at(day).getUTCDay() + 6) % 7);

/** Answers grouped by a key, in first-seen order; answers without one are left out. */
function groupBy(responses: SurveyResponse[], keyOf: (response: SurveyResponse) => string | null | undefined) {
  const groups = new Map<string, number[]>();
  for (const response of responses) {
    const key = keyOf(response);
    if (key) (groups.get(key) ?? groups.set(key, []).get(key)!).push(response.score);
  }
  return groups;
}

export async function surveyReport(
  surveys: SurveyStorage,
  manifest: Manifest,
  kind: SurveyKind,
  period: Period,
  locale?: string,
): Promise<SurveyReport> {
  const before = previousPeriod(period);
  const [responses, earlier] = await Promise.all([
    surveys.responses(kind, period, locale),
    surveys.responses(kind, before, locale),
  ]);
  const scores = (of: SurveyResponse[]) => of.map((response) => response.score);
  const current = surveyScore(kind, scores(responses));
  const previous = surveyScore(kind, scores(earlier));
  const withMean = (of: SurveyResponse[]) => (kind === 'nps' ? {} : { mean: meanScore(scores(of)) });

  const articles = new Map(manifest.articles.map((article) => [article.id, article]));
  const categoryTitles = new Map(
    manifest.categories.map((category) => [category.id, category.title[locale ?? manifest.defaultLocale]]),
  );
  const rows = (
    keyOf: (response: SurveyResponse) => string | null | undefined,
    labelOf?: (key: string) => string | undefined,
  ) =>
    [...groupBy(responses, keyOf)]
      .map(([key, group]): SurveyBreakdownRow => {
        const label = labelOf?.(key);
        return { key, ...(label && { label }), ...shown(surveyScore(kind, group)), tooFew: group.length < TOO_FEW };
      })
      .sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));

  const weekly = daysOf(period).length > DAILY_UP_TO;
  const series = [...groupBy([...responses].reverse(), (r) => (weekly ? weekOf(r.day) : r.day))]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([start, group]) => ({ ...(weekly ? { week: start } : { day: start }), ...shown(surveyScore(kind, group)) }));

  return {
    kind,
    period,
    ...shown(current),
    ...(current.interval && { interval: current.interval }),
    ...withMean(responses),
    previous: { period: before, ...shown(previous), ...withMean(earlier) },
    change: scoreChange(current, previous),
    series,
    breakdowns: {
      locale: rows((r) => r.locale),
      category: rows(
        (r) => r.articleId && articles.get(r.articleId)?.category,
        (id) => categoryTitles.get(id),
      ),
      article: rows(
        (r) => r.articleId,
        (id) => articles.get(id)?.title,
      ),
      context: rows((r) => r.context),
      page: rows((r) => r.path),
    },
    comments: responses
      .filter((r) => r.comment)
      .slice(0, COMMENTS_SHOWN)
      .map((r) => ({
        score: r.score,
        band: r.band,
        comment: r.comment!,
        at: r.at,
        locale: r.locale,
        ...(r.articleId && { articleId: r.articleId }),
        ...(r.context && { context: r.context }),
        ...(r.path && { path: r.path }),
      })),
  };
}

/** The CSV download: every answer of the period, newest first. */
export const SURVEY_CSV_HEADER = ['at', 'locale', 'score', 'band', 'comment', 'article', 'context', 'page'];
export const surveyCsvRow = (r: SurveyResponse) => [
  r.at,
  r.locale,
  r.score,
  r.band,
  r.comment,
  r.articleId,
  r.context,
  r.path,
];
