import { fixOutcomes } from '../../reports/fix-outcomes.ts';
import { raiseOnce } from './alerts.ts';
import { articlesById, aboutArticle, notifiedArticle } from './links.ts';
import { notify, type Trigger, type TriggerContext } from './trigger.ts';

/** The staff report's days an alert links to: the weeks a fix is judged over. */
const REPORT_DAYS = 28;

/**
 * An article fixed (marked so by staff, or updated) that readers find no more helpful since, once
 * HELPLOOP_NOTIFY_MIN_VOTES votes came in on each side of the fix (fix-outcomes.ts). Each fix alerts once.
 */
export function fixNotWorking({ reports, triggers, manifest, config, sink }: TriggerContext, everyMs: number): Trigger {
  const articles = articlesById(manifest);
  return {
    everyMs,
    async run(now) {
      const failed = (await fixOutcomes(reports, manifest, now, config.minVotes)).filter((fix) => !fix.worked);
      await raiseOnce(
        triggers,
        'article.fix-not-working',
        now,
        config.cooldownDays,
        new Map(
          failed.map((fix) => {
            const article = articles.get(fix.articleId)!;
            return [
              `${fix.articleId}|${fix.fixedAt}`,
              () =>
                notify(sink, 'article.fix-not-working', now, aboutArticle(article), {
                  article: notifiedArticle(manifest, article, REPORT_DAYS),
                  fixedAt: fix.fixedAt,
                  before: fix.before,
                  after: fix.after,
                }),
            ];
          }),
        ),
      );
    },
  };
}
