import { digestItems } from './digest-items.ts';
import { latestDigestDate } from './digest-schedule.ts';
import { notify, type Trigger, type TriggerContext } from './trigger.ts';

/** The local date of the last digest sent: one date per week (digest-schedule.ts). */
const SENT = 'digest.weekly.date';

/**
 * The weekly digest, at HELPLOOP_DIGEST_DAY and HELPLOOP_DIGEST_HOUR on the clocks of site.yaml's `timeZone`. The
 * week's date is recorded in the database once the sink took it, so it goes once a week however many restarts and
 * instances; a server that was down at the hour sends it when it is back that week. A new install starts with the
 * next digest due, not one for a week it did not watch.
 */
export function weeklyDigest(context: TriggerContext): Trigger {
  const schedule = { ...context.config.digest, timeZone: context.manifest.timeZone };
  const store = context.triggers;
  return {
    everyMs: 0,
    async run(now) {
      const due = latestDigestDate(now, schedule);
      const sent = await store.state(SENT);
      if (sent === undefined) return void (await store.advance(SENT, due));
      if (sent >= due) return;
      await notify(
        context.sink,
        'digest.weekly',
        now,
        { locale: null, category: null },
        await digestItems(context, now),
      );
      await store.advance(SENT, due);
    },
  };
}
