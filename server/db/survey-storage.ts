import type { Kysely } from 'kysely';
import { z } from 'zod';
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
  };
}

export type SurveyStorage = ReturnType<typeof createSurveyStorage>;
