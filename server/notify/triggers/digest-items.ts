import { localeSchema } from '../../../src/shared/locales.ts';
import { CLOSING_STATUSES } from '../../../src/shared/review-statuses.ts';
import { daysBefore } from '../../days.ts';
import { failedSearches } from '../../reports/failed-searches.ts';
import { fixOutcomes } from '../../reports/fix-outcomes.ts';
import { periodOf } from '../../reports/list-options.ts';
import { scoreChange, surveyScore } from '../../reports/survey-score.ts';
import { listedSynonyms } from '../../reports/reader-synonyms.ts';
import { themesQuerySchema, themesReport } from '../../reports/themes-report.ts';
import { unhelpfulArticles, type UnhelpfulRow } from '../../reports/unhelpful.ts';
import type { Period } from '../../db/report-storage.ts';
import type { NotificationData } from '../notification.ts';
import { articlesById, notifiedArticle, STAFF_HOME, staffPage, staffThemesPage } from './links.ts';
import type { TriggerContext } from './trigger.ts';

/** Items per list: a digest points at what matters most, the staff pages hold the rest. */
const TOP = 5;
/** Themes named: the few that say what most readers said this week. */
const TOP_THEMES = 3;
const WEEK = 7;
/** Readers' synonyms wait over the days the synonyms report opens with. */
const SYNONYM_DAYS = 30;
/** The staff report's days a fix links to: the weeks it is judged over (fix-outcomes.ts). */
const FIX_DAYS = 28;

const unhelpfulShare = (row: UnhelpfulRow | undefined) => (row?.votes ? row.unhelpful / row.votes : null);

/** Each defined survey's score in the week against the week before, computed as the survey report does. */
const surveyScores = ({ surveys, manifest }: TriggerContext, week: Period, weekBefore: Period) =>
  Promise.all(
    manifest.surveys.map(async ({ id, kind }) => {
      const [current, previous] = await Promise.all(
        [week, weekBefore].map(async (period) => surveyScore(kind, await surveys.scores(id, period))),
      );
      return {
        id,
        kind,
        n: current!.n,
        score: current!.score,
        marginOfError: current!.marginOfError,
        previous: { n: previous!.n, score: previous!.score },
        change: scoreChange(current!, previous!),
      };
    }),
  );

/**
 * The week's largest themes, counted and ranked by the themes report over the week, which sets them against the
 * week before and leaves ignored themes out. Only names and counts: a member's text stays on the server.
 */
async function weekThemes({ themes }: TriggerContext, week: Period, now: Date) {
  const report = await themesReport(themes, themesQuerySchema.parse(week), now);
  return report.themes.slice(0, TOP_THEMES).map(({ id, label, count, previous, growth }) => ({
    id,
    label,
    count,
    previous,
    growth,
    staffUrl: staffThemesPage(WEEK),
  }));
}

/**
 * The weekly digest's items, each from the report that lists it: the last seven whole days (UTC) against the seven
 * before. Articles by the unhelpful report's ranking with their "No" share then and now; failed searches by distinct
 * visitors (queries staff ignored left out); readers' synonyms no one has decided on yet; the judged fixes; each
 * survey's score; the largest themes of what readers said.
 */
export async function digestItems(context: TriggerContext, now: Date): Promise<NotificationData<'digest.weekly'>> {
  const { reports, manifest, config } = context;
  const week = { from: daysBefore(now, WEEK), to: daysBefore(now, 1) };
  const weekBefore = { from: daysBefore(now, 2 * WEEK), to: daysBefore(now, WEEK + 1) };
  const [articles, articlesBefore, searches, searchesBefore, synonyms, synonymReviews, fixes, surveys, themes] =
    await Promise.all([
      unhelpfulArticles(reports, manifest, week),
      unhelpfulArticles(reports, manifest, weekBefore),
      failedSearches(reports, week),
      reports.failedQueries(weekBefore),
      listedSynonyms(reports, manifest, periodOf({ days: SYNONYM_DAYS }, now), config.synonymReaders),
      reports.synonymReviews(),
      fixOutcomes(reports, manifest, now, config.minVotes),
      surveyScores(context, week, weekBefore),
      weekThemes(context, week, now),
    ]);
  const byId = articlesById(manifest);
  const before = new Map(articlesBefore.map((row) => [row.articleId, row]));
  const visitorsBefore = new Map(searchesBefore.map((row) => [`${row.locale}|${row.normalized}`, row.visitors]));
  return {
    period: week,
    unhelpful: articles
      .filter((row) => row.votes > 0)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, TOP)
      .map((row) => ({
        article: notifiedArticle(manifest, byId.get(row.articleId)!, WEEK),
        votes: row.votes,
        unhelpful: { now: unhelpfulShare(row), before: unhelpfulShare(before.get(row.articleId)) },
      })),
    failedSearches: searches
      .filter((row) => CLOSING_STATUSES.query[row.review.status] !== false)
      .sort((a, b) => b.visitors - a.visitors || b.searches - a.searches || a.normalized.localeCompare(b.normalized))
      .slice(0, TOP)
      .map((row) => ({
        query: row.variants[0] ?? row.normalized,
        normalized: row.normalized,
        locale: localeSchema.parse(row.locale),
        visitors: row.visitors,
        searches: row.searches,
        visitorsBefore: visitorsBefore.get(`${row.locale}|${row.normalized}`) ?? 0,
        staffUrl: staffPage('failed-searches', WEEK, row),
      })),
    synonymsWaiting: synonyms
      .filter((pair) => {
        const review = synonymReviews.get(`${pair.locale}|${pair.normalized}|${pair.articleId}`);
        return pair.readers > 0 && (!review || review.status === 'proposed') && byId.has(pair.articleId);
      })
      .sort((a, b) => b.readers - a.readers)
      .slice(0, TOP)
      .map((pair) => ({
        query: pair.query,
        article: {
          ...notifiedArticle(manifest, byId.get(pair.articleId)!, SYNONYM_DAYS),
          staffUrl: staffPage('synonyms', SYNONYM_DAYS, { locale: pair.locale }),
        },
        readers: pair.readers,
      })),
    fixes: fixes.map((fix) => ({
      article: notifiedArticle(manifest, byId.get(fix.articleId)!, FIX_DAYS),
      before: fix.before,
      after: fix.after,
      worked: fix.worked,
    })),
    surveys,
    themes,
    staffUrl: STAFF_HOME,
  };
}
