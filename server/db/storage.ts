import { createDismissalStorage } from './dismissal-storage.ts';
import type { Engine } from './engine.ts';
import { createEventStorage } from './event-storage.ts';
import { createReportStorage } from './report-storage.ts';
import { rollup } from './rollup.ts';
import { createSharedState } from './shared-state.ts';
import { createNotificationStorage } from './notification-storage.ts';
import { createStaffStorage } from './staff-storage.ts';
import { createSurveyStorage } from './survey-storage.ts';
import { createThemeStorage } from './theme-storage.ts';
import { createTriggerStorage } from './trigger-storage.ts';

/** Every interface the server reaches the database through, one per concern, over one open engine. */
export function createStorage(engine: Engine) {
  return {
    engine,
    events: createEventStorage(engine),
    reports: createReportStorage(engine),
    staff: createStaffStorage(engine.db),
    dismissals: createDismissalStorage(engine.db),
    shared: createSharedState(engine.db),
    notifications: createNotificationStorage(engine.db),
    /** Answers to site.yaml's surveys, as the reports read them. */
    surveys: createSurveyStorage(engine.db),
    /** What the notification triggers keep between runs (server/notify/triggers/). */
    triggers: createTriggerStorage(engine.db),
    /** What readers said, grouped into themes, and staff's decisions about them (server/themes/). */
    themes: createThemeStorage(engine.db),
    /** Deletes raw events of days before the given day; the daily counts stay (see rollup.ts). */
    rollup: rollup(engine),
  };
}

export type Storage = ReturnType<typeof createStorage>;
