import type { Kysely } from 'kysely';
import { z } from 'zod';
import { localeSchema } from '../../src/shared/locales.ts';
import { SCORE_BANDS } from '../../src/shared/surveys.ts';
import type { Period } from './report-storage.ts';
import type { Tables } from './tables.ts';

const responseRow = z.object({
  score: z.coerce.number(),
  band: z.enum(SCORE_BANDS),
  comment: z.string().nullable(),
  locale: z.string(),
  articleId: z.string().nullable(),
  context: z.string().nullable(),
  path: z.string().nullable(),
  day: z.string(),
  at: z.string(),
});
export type SurveyResponse = z.infer<typeof responseRow>;
const lowCommentRow = responseRow.pick({ score: true, locale: true, articleId: true, context: true, at: true }).extend({
  comment: z.string(),
  locale: localeSchema,
});
export type LowComment = z.infer<typeof lowCommentRow>;
const scoreRow = responseRow.pick({ score: true });

/** The survey answers the reports read (the API writes them through the event committer, event-storage.ts). */
export function createSurveyStorage(db: Kysely<Tables>) {
  return {
    /**
     * Every answer of a kind in the period, newest first, optionally of one locale. Surveys are asked of a sample
     * of readers: thousands of answers a year, read whole.
     */
    async responses(kind: string, { from, to }: Period, locale?: string): Promise<SurveyResponse[]> {
      let query = db
        .selectFrom('survey_responses')
        .select([
          'score',
          'band',
          'comment',
          'locale',
          'article_id as articleId',
          'context',
          'path',
          'day',
          'created_at as at',
        ])
        .where('kind', '=', kind)
        .where('day', '>=', from)
        .where('day', '<=', to);
      if (locale) query = query.where('locale', '=', locale);
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      return rows.map((row) => responseRow.parse(row));
    },
    /** A survey's low-band answers with a comment stored after `after` up to `upTo`, oldest first. */
    async lowComments(surveyId: string, after: string, upTo: string): Promise<LowComment[]> {
      const rows = await db
        .selectFrom('survey_responses')
        .select(['score', 'comment', 'locale', 'article_id as articleId', 'context', 'created_at as at'])
        .where('survey_id', '=', surveyId)
        .where('band', '=', 'low')
        .where('comment', 'is not', null)
        .where('created_at', '>', after)
        .where('created_at', '<=', upTo)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => lowCommentRow.parse(row));
    },
    /** The scores one survey got in the period. */
    async scores(surveyId: string, { from, to }: Period): Promise<number[]> {
      const rows = await db
        .selectFrom('survey_responses')
        .select('score')
        .where('survey_id', '=', surveyId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute();
      return rows.map((row) => scoreRow.parse(row).score);
    },
  };
}

export type SurveyStorage = ReturnType<typeof createSurveyStorage>;
