import { periodOf } from '../../reports/list-options.ts';
import { unhelpfulArticles } from '../../reports/unhelpful.ts';
import { raiseOnce } from './alerts.ts';
import { articlesById, aboutArticle, notifiedArticle } from './links.ts';
import { notify, type Trigger, type TriggerContext } from './trigger.ts';

const DAYS = 7;

/**
 * An article readers surely find unhelpful: over the last 7 days at least HELPLOOP_NOTIFY_MIN_VOTES votes, and the
 * Wilson lower bound of the "No" share the unhelpful report ranks by at HELPLOOP_NOTIFY_UNHELPFUL_LEVEL or above.
 */
export function unhelpfulArticle(
  { reports, triggers, manifest, config, sink }: TriggerContext,
  everyMs: number,
): Trigger {
  const articles = articlesById(manifest);
  return {
    everyMs,
    async run(now) {
      const rows = await unhelpfulArticles(reports, manifest, periodOf({ days: DAYS }, now));
      const holding = rows.filter((row) => row.votes >= config.minVotes && row.confidence >= config.unhelpfulLevel);
      await raiseOnce(
        triggers,
        'article.unhelpful',
        now,
        config.cooldownDays,
        new Map(
          holding.map((row) => {
            const article = articles.get(row.articleId)!;
            const { votes, helpful, unhelpful, helpfulShare, confidence } = row;
            return [
              row.articleId,
              () =>
                notify(sink, 'article.unhelpful', now, aboutArticle(article), {
                  article: notifiedArticle(manifest, article, DAYS),
                  days: DAYS,
                  votes,
                  helpful,
                  unhelpful,
                  helpfulShare,
                  confidence,
                  level: config.unhelpfulLevel,
                }),
            ];
          }),
        ),
      );
    },
  };
}
