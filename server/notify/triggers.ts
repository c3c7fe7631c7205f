import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { ServerConfig } from '../config.ts';
import type { Storage } from '../db/storage.ts';
import type { NotificationSink } from './notification.ts';
import { failingSearch } from './triggers/failing-search.ts';
import { feedbackComments } from './triggers/feedback-comments.ts';
import { fixNotWorking } from './triggers/fix-not-working.ts';
import { surveyComments } from './triggers/survey-comments.ts';
import type { Trigger, TriggerContext } from './triggers/trigger.ts';
import type { TriggerType } from './triggers/trigger-types.ts';
import { unhelpfulArticle } from './triggers/unhelpful-article.ts';
import { weeklyDigest } from './triggers/weekly-digest.ts';

/** How often `runDue` should be called: comment batches and the digest are checked at every call. */
export const TRIGGERS_INTERVAL_MS = 60_000;
/** Thresholds read the reports' daily counts: every ten minutes is soon enough for a 7-day or 24-hour level. */
const THRESHOLDS_EVERY_MS = 10 * 60_000;

const TRIGGERS: Record<TriggerType, (context: TriggerContext) => Trigger> = {
  'feedback.comments': feedbackComments,
  'survey.comments': surveyComments,
  'article.unhelpful': (context) => unhelpfulArticle(context, THRESHOLDS_EVERY_MS),
  'search.failing': (context) => failingSearch(context, THRESHOLDS_EVERY_MS),
  'article.fix-not-working': (context) => fixNotWorking(context, THRESHOLDS_EVERY_MS),
  'digest.weekly': weeklyDigest,
};

export interface TriggersDeps {
  storage: Pick<Storage, 'reports' | 'surveys' | 'themes' | 'triggers'>;
  manifest: Manifest;
  config: Pick<ServerConfig, 'notify' | 'synonymReaders'>;
  clock: () => Date;
  sink: NotificationSink;
}

/**
 * The notification triggers HELPLOOP_NOTIFY_TRIGGERS enables. `runDue` runs each whose turn has come; call it every
 * TRIGGERS_INTERVAL_MS on one instance at a time (job-lease.ts). What they must remember lives in the database, so
 * a run on another instance or after a restart carries on; a trigger that fails does not hold back the others, and
 * its error is thrown once they ran.
 */
export function createTriggers({ storage, manifest, config, clock, sink }: TriggersDeps) {
  const context: TriggerContext = {
    reports: storage.reports,
    surveys: storage.surveys,
    themes: storage.themes,
    triggers: storage.triggers,
    manifest,
    config: { ...config.notify, synonymReaders: config.synonymReaders },
    sink,
  };
  const enabled = config.notify.triggers.map((type) => ({
    type,
    trigger: TRIGGERS[type](context),
    lastRun: -Infinity,
  }));
  return {
    async runDue() {
      const now = clock();
      const failures: unknown[] = [];
      for (const entry of enabled) {
        if (now.getTime() - entry.lastRun < entry.trigger.everyMs) continue;
        try {
          await entry.trigger.run(now);
          entry.lastRun = now.getTime();
        } catch (error) {
          failures.push(
            new Error(`${entry.type}: ${error instanceof Error ? error.message : String(error)}`, { cause: error }),
          );
        }
      }
      if (failures.length > 0) throw new AggregateError(failures, failures.map((f) => (f as Error).message).join('; '));
    },
  };
}
