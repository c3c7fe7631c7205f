import type { LowComment } from '../../db/survey-storage.ts';
import { after, settledUpTo } from './batch-window.ts';
import { articlesById, notifiedArticle, staffPage } from './links.ts';
import { notify, type Trigger, type TriggerContext } from './trigger.ts';

/** The staff report's days an answer's article links to, as for "No" comments. */
const REPORT_DAYS = 7;

/**
 * Low scores with a comment, gathered per survey as "No" comments are per article (feedback-comments.ts): the first
 * opens its survey's batch, every one in the next HELPLOOP_NOTIFY_BATCH_SECONDS joins it, and the batch goes out
 * once the cursor has passed its end. Answers are kept (the roll-up leaves them), so a batch is read again from them
 * rather than held aside: each survey keeps only a cursor in the database, moved past a batch once the sink took it
 * (a crash between the two repeats a batch, never loses one). A batch is sent as one message per content language
 * and article category, so each reaches the teams routed to them.
 */
export function surveyComments({ surveys, triggers: store, manifest, config, sink }: TriggerContext): Trigger {
  const windowMs = config.batchSeconds * 1000;
  const articles = articlesById(manifest);
  const send = async (now: Date, survey: (typeof manifest.surveys)[number], batch: LowComment[], from: string) => {
    const answers = batch.map(({ articleId, ...answer }) => {
      const article = articleId === null ? undefined : articles.get(articleId);
      return { answer, article };
    });
    const routes = Map.groupBy(answers, ({ answer, article }) => `${answer.locale}|${article?.category ?? ''}`);
    for (const group of routes.values()) {
      const { answer, article } = group[0]!;
      await notify(
        sink,
        'survey.comments',
        now,
        { locale: answer.locale, category: article?.category ?? null },
        {
          survey: { id: survey.id, kind: survey.kind },
          answers: group.map(({ answer: { score, comment, locale, context, at }, article: read }) => ({
            score,
            comment,
            locale,
            article: read ? notifiedArticle(manifest, read, REPORT_DAYS) : null,
            context,
            at,
          })),
          window: { from, to: after(from, windowMs) },
          staffUrl: staffPage('survey', REPORT_DAYS, { kind: survey.kind, locale: answer.locale }),
        },
      );
    }
  };
  return {
    everyMs: 0,
    async run(now) {
      const upTo = settledUpTo(now, windowMs);
      for (const survey of manifest.surveys) {
        const cursor = `survey.comments.${survey.id}.cursor`;
        const from = await store.state(cursor);
        // The first run starts the watch: comments from now on, not a flood of the past's.
        if (from === undefined) {
          await store.advance(cursor, upTo);
          continue;
        }
        let waiting = await surveys.lowComments(survey.id, from, upTo);
        while (waiting.length > 0) {
          const opened = waiting[0]!.at;
          const end = after(opened, windowMs);
          // Still open: the cursor stays before it, so the next run reads it whole again.
          if (end > upTo) break;
          const batch = waiting.filter((answer) => answer.at < end);
          await send(now, survey, batch, opened);
          await store.advance(cursor, batch.at(-1)!.at);
          waiting = waiting.slice(batch.length);
        }
        if (waiting.length === 0) await store.advance(cursor, upTo);
      }
    },
  };
}
