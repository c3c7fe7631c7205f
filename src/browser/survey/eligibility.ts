/**
 * When the help center may ask a survey: only after the reader did something (searched and then stayed on a result,
 * or read two articles), never on the first page view, during a search, twice in a visit or after a No vote, and
 * only when the survey's sample draw passes and its throttle has run out. Pure, so the rules are tested alone.
 */
import type { Survey } from '../../shared/content/survey-schema.ts';

type SurveyRules = Pick<Survey, 'id' | 'sample' | 'throttleDays' | 'on'>;

/** What this visit (sessionStorage) has seen so far. */
export interface Visit {
  pageViews: number;
  /** Article ids read in this visit, each once. */
  articles: string[];
  /** The reader searched in this visit, so opening an article after it counts as opening a result. */
  searched: boolean;
  /** Voted No on an article: the reader is already telling us something went wrong. */
  votedNo: boolean;
  /** A survey was shown in this visit (answered or dismissed). */
  asked: boolean;
  /** One random draw (0–1) per visit against the survey's sample, so reading on does not raise the odds. */
  draw: number;
}

export function newVisit(draw: number): Visit {
  return { pageViews: 0, articles: [], searched: false, votedNo: false, asked: false, draw };
}

/** How long a reader stays on a result after searching before that counts as having done something. */
export const STAY_MS = 20_000;
const DAY_MS = 86_400_000;

export interface Moment {
  visit: Visit;
  /** When each survey was last asked in this browser (ms since the epoch), by survey id. */
  lastAsked: Record<string, number>;
  now: number;
  /** A search with a query is on screen. */
  searching: boolean;
  /** How long the reader has been on this article page (0 elsewhere). */
  onArticleMs: number;
}

/** Whether the reader has done enough in this visit to be asked, whichever survey it is. */
export function readerIsReady({ visit, searching, onArticleMs }: Moment): boolean {
  if (visit.pageViews < 2 || searching || visit.asked || visit.votedNo) return false;
  return visit.articles.length >= 2 || (visit.searched && onArticleMs >= STAY_MS);
}

/** Whether this survey's throttle has run out in this browser. */
export function throttleOver(survey: SurveyRules, lastAsked: Record<string, number>, now: number): boolean {
  const last = lastAsked[survey.id];
  return last === undefined || now - last >= survey.throttleDays * DAY_MS;
}

/** The survey to ask now, if any: the first help-center survey out of its throttle, if the visit's draw is in its sample. */
export function surveyToAsk<T extends SurveyRules>(surveys: T[], moment: Moment): T | undefined {
  if (!readerIsReady(moment)) return undefined;
  const survey = surveys.find(
    (candidate) => candidate.on === 'help-center' && throttleOver(candidate, moment.lastAsked, moment.now),
  );
  return survey && moment.visit.draw < survey.sample ? survey : undefined;
}
