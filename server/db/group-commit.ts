import type { Kysely, Transaction } from 'kysely';
import { storageFault } from './storage-faults.ts';
import type { Tables } from './tables.ts';

export type Write<T> = (trx: Transaction<Tables>) => Promise<T>;

interface Pending {
  write: Write<unknown>;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

/** Writes per transaction at most; a flood is committed in several. */
const MAX_BATCH = 512;

/**
 * Group commit: writes that arrive while a commit is under way are committed together in the next transaction, and
 * each caller is answered only once that transaction is committed (and `confirm` has passed). One commit, and one
 * fsync, then serves a whole batch instead of one request: see README "Durability". One transaction is in flight
 * at a time, so batches grow with the load instead of commits piling up.
 * A write that fails (a bug) does not take the others down: that batch is committed again one write at a time. A
 * storage fault (full disk, I/O error, lost connection) fails the whole batch. `finish` runs in each transaction
 * after its writes: what they left to write once per batch.
 */
export function groupCommit(db: Kysely<Tables>, confirm: () => void, finish: Write<void> = async () => {}) {
  let queue: Pending[] = [];
  let running = false;

  async function commitAll(batch: Pending[]): Promise<void> {
    try {
      const values = await db.transaction().execute(async (trx) => {
        const results: unknown[] = [];
        for (const item of batch) results.push(await item.write(trx));
        await finish(trx);
        return results;
      });
      confirm();
      batch.forEach((item, i) => item.resolve(values[i] as never));
    } catch (error) {
      if (batch.length > 1 && !storageFault(error)) for (const item of batch) await commitAll([item]);
      else for (const item of batch) item.reject(error);
    }
  }

  async function drain() {
    running = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      await commitAll(batch);
    }
    running = false;
  }

  /** Resolves with what `write` returned once it is committed; rejects when it, or its batch, could not be. */
  return function commit<T>(write: Write<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve, reject });
      // After the I/O already waiting is read: every request parsed meanwhile joins the first batch.
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
  };
}
