import { randomUUID } from 'node:crypto';
import type { SharedState } from './db/shared-state.ts';
import type { Storage } from './db/storage.ts';

/** The job leases instances share: PostgreSQL's; one SQLite file serves one instance, which needs none. */
export const leases = (storage: Pick<Storage, 'engine' | 'shared'>) =>
  storage.engine.kind === 'postgres' ? storage.shared : undefined;

/**
 * `task`, run only by the instance that holds the job's lease: the first to ask takes it for `holdMs`, and the
 * others skip their turns until it lapses. So an hourly job held for most of an hour runs once an hour however many
 * instances share the database, and a holder that crashed is replaced once its lease has lapsed. Without shared
 * state (one SQLite file serves one instance) the task simply runs: a lease would be one more write, every turn,
 * that waits on any other writer of the file.
 */
export function onOneInstance(
  shared: Pick<SharedState, 'lease'> | undefined,
  name: string,
  holdMs: number,
  clock: () => Date,
  task: () => Promise<unknown>,
) {
  const holder = randomUUID();
  return async function leasedTask(): Promise<boolean> {
    if (!shared) return (await task(), true);
    const now = clock();
    const until = new Date(now.getTime() + holdMs);
    if (!(await shared.lease(name, holder, now.toISOString(), until.toISOString()))) return false;
    await task();
    return true;
  };
}
