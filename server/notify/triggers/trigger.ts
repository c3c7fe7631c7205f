import type { Manifest } from '../../../src/shared/content/manifest.ts';
import type { ReportStorage } from '../../db/report-storage.ts';
import type { SurveyStorage } from '../../db/survey-storage.ts';
import type { ThemeStorage } from '../../db/theme-storage.ts';
import type { TriggerStorage } from '../../db/trigger-storage.ts';
import type { NotifyConfig, ServerConfig } from '../../config.ts';
import { notificationSchema, type NotificationData, type NotificationSink } from '../notification.ts';
import type { TriggerType } from './trigger-types.ts';

/** What every trigger reads and where it hands what it made. */
export interface TriggerContext {
  reports: ReportStorage;
  surveys: SurveyStorage;
  themes: ThemeStorage;
  triggers: TriggerStorage;
  manifest: Manifest;
  config: NotifyConfig & Pick<ServerConfig, 'synonymReaders'>;
  sink: NotificationSink;
}

/** One trigger: how often it is worth running, and one run at `now`. */
export interface Trigger {
  everyMs: number;
  run(now: Date): Promise<void>;
}

/** What routing reads: the content language and category a notification is about, null for site-wide ones. */
export interface About {
  locale: NotificationData<'feedback.comments'>['article']['locale'] | null;
  category: string | null;
}

/** Hands one notification to the sink, checked against the contract's schema first. */
export const notify = <T extends TriggerType>(
  sink: NotificationSink,
  type: T,
  now: Date,
  about: About,
  data: NotificationData<T>,
) => sink.enqueue(notificationSchema.parse({ type, timestamp: now.toISOString(), ...about, data }));
