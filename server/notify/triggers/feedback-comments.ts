import { after, settledUpTo } from './batch-window.ts';
import { articlesById, aboutArticle, notifiedArticle } from './links.ts';
import { notify, type Trigger, type TriggerContext } from './trigger.ts';

const CURSOR = 'feedback.comments.cursor';
/** The staff report's days an article's comments link to. */
const REPORT_DAYS = 7;

/**
 * "No" votes with a comment, gathered per article: the first comment opens its article's batch, every comment in
 * the next HELPLOOP_NOTIFY_BATCH_SECONDS joins it, and the batch goes out as one message once the cursor has passed
 * its end. It reads the votes stored since its cursor, off the ingest's path; cursor and open batches live in the
 * database, so a restart or another instance carries on with nothing lost or sent twice.
 */
export function feedbackComments({ triggers: store, manifest, config, sink }: TriggerContext): Trigger {
  const windowMs = config.batchSeconds * 1000;
  const articles = articlesById(manifest);
  return {
    everyMs: 0,
    async run(now) {
      const upTo = settledUpTo(now, windowMs);
      const from = await store.state(CURSOR);
      // The first run starts the watch: comments from now on, not a flood of the past's.
      if (from === undefined) return void (await store.advance(CURSOR, upTo));
      let cursor = from;
      if (upTo > from) {
        const open = await store.openBatches();
        const batched = (await store.newComments(from, upTo)).map((comment) => {
          const latest = open.get(comment.articleId);
          const batchAt = latest && comment.at < after(latest, windowMs) ? latest : comment.at;
          open.set(comment.articleId, batchAt);
          return { ...comment, batchAt };
        });
        await store.batchComments(CURSOR, from, upTo, batched);
        cursor = upTo;
      }
      // A batch is whole once the cursor has passed the end of its window.
      const whole = Map.groupBy(
        await store.batchedComments(after(cursor, -windowMs)),
        (comment) => `${comment.articleId}|${comment.batchAt}`,
      );
      for (const comments of whole.values()) {
        const { articleId, batchAt } = comments[0]!;
        const article = articles.get(articleId);
        if (article) {
          await notify(sink, 'feedback.comments', now, aboutArticle(article), {
            article: notifiedArticle(manifest, article, REPORT_DAYS),
            comments: comments.map(({ comment, reason, at }) => ({ comment, reason, at })),
            window: { from: batchAt, to: after(batchAt, windowMs) },
          });
        }
        await store.dropBatch(articleId, batchAt);
      }
    },
  };
}
