import { randomUUID } from 'node:crypto';
import type { SharedState } from './db/shared-state.ts';

/**
 * `task`, run only by the instance that holds the job's lease: the first to ask takes it for `holdMs`, and the
 * others skip their turns until it lapses. So an hourly job held for most of an hour runs once an hour however many
 * instances share the database, and a holder that crashed is replaced once its lease has lapsed.
 */
export function onOneInstance(
  shared: Pick<SharedState, 'lease'>,
  name: string,
  holdMs: number,
  clock: () => Date,
  task: () => Promise<unknown>,
) {
  const holder = randomUUID();
  return async function leasedTask(): Promise<boolean> {
    const now = clock();
    const until = new Date(now.getTime() + holdMs);
    if (!(await shared.lease(name, holder, now.toISOString(), until.toISOString()))) return false;
    await task();
    return true;
  };
}
