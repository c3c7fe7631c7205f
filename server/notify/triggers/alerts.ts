import type { TriggerStorage } from '../../db/trigger-storage.ts';
import type { TriggerType } from './trigger-types.ts';

const DAY_MS = 86_400_000;

/**
 * No alert storms: each subject whose condition holds fires once, then not again until its condition stopped
 * holding and `cooldownDays` passed since it fired, so one hovering at the level does not fire every run. A
 * subject's alert is recorded after the sink took it: a crash between the two repeats it, never loses it.
 */
export async function raiseOnce(
  store: TriggerStorage,
  type: TriggerType,
  now: Date,
  cooldownDays: number,
  holding: Map<string, () => Promise<void>>,
) {
  await store.forget(type, new Date(now.getTime() - cooldownDays * DAY_MS).toISOString());
  const known = await store.alerts(type);
  for (const [subject, send] of holding) {
    if (known.has(subject)) continue;
    await send();
    await store.fired(type, subject, now.toISOString());
  }
  await store.cleared(
    type,
    [...known.keys()].filter((subject) => !holding.has(subject)),
    now.toISOString(),
  );
}
