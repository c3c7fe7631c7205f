import { localeSchema } from '../../../src/shared/locales.ts';
import { CLOSING_STATUSES } from '../../../src/shared/review-statuses.ts';
import { dayOf, daysBefore } from '../../days.ts';
import { failedSearches } from '../../reports/failed-searches.ts';
import { raiseOnce } from './alerts.ts';
import { staffPage } from './links.ts';
import { notify, type Trigger, type TriggerContext } from './trigger.ts';

/**
 * A search that keeps finding nothing: HELPLOOP_NOTIFY_FAILED_VISITORS distinct visitors "within 24 hours". Visitors
 * are counted per UTC day (visitor keys change daily), so the count covers today and yesterday, the fewest whole
 * days that always hold the last 24 hours: between 24 and 48 hours, and `hours` says how many it was. Queries staff
 * ignored stay quiet; resolved ones alert again, as their inbox items come back.
 */
export function failingSearch({ reports, triggers, config, sink }: TriggerContext, everyMs: number): Trigger {
  return {
    everyMs,
    async run(now) {
      const period = { from: daysBefore(now, 1), to: dayOf(now) };
      const hours = Math.ceil((now.getTime() - Date.parse(`${period.from}T00:00:00Z`)) / 3_600_000);
      const rows = (await failedSearches(reports, period)).filter(
        (row) => row.visitors >= config.failedVisitors && CLOSING_STATUSES.query[row.review.status] !== false,
      );
      await raiseOnce(
        triggers,
        'search.failing',
        now,
        config.cooldownDays,
        new Map(
          rows.map((row) => {
            const locale = localeSchema.parse(row.locale);
            const send = () =>
              notify(
                sink,
                'search.failing',
                now,
                { locale, category: null },
                {
                  query: row.variants[0] ?? row.normalized,
                  normalized: row.normalized,
                  locale,
                  visitors: row.visitors,
                  searches: row.searches,
                  hours,
                  staffUrl: staffPage('failed-searches', 2, row),
                  newArticleCommand: row.newArticleCommand,
                },
              );
            return [`${row.locale}|${row.normalized}`, send];
          }),
        ),
      );
    },
  };
}
