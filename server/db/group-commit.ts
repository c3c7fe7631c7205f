import type { Kysely, Transaction } from 'kysely';
import { storageFault } from './storage-faults.ts';
import type { Tables } from './tables.ts';

/** Writes a batch of items in one transaction; answers each item's result, in order. */
export type WriteBatch<Item, Result> = (trx: Transaction<Tables>, items: Item[]) => Promise<Result[]>;

interface Pending<Item, Result> {
  item: Item;
  resolve: (value: Result) => void;
  reject: (error: unknown) => void;
}

/** Items per transaction at most; a flood is committed in several. */
const MAX_BATCH = 512;

/**
 * Group commit: items that arrive while a commit is under way are written together, by one call of `writeBatch`
 * in the next transaction, and each caller is answered only once that transaction is committed (and `confirm` has
 * passed). One commit, one fsync and a few multi-row statements then serve a whole batch instead of one request:
 * see README "Durability". One transaction is in flight at a time, so batches grow with the load instead of
 * commits piling up.
 * An item that fails (a bug) does not take the others down: that batch is committed again one item at a time. A
 * storage fault (full disk, I/O error, lost connection) fails the whole batch.
 */
export function groupCommit<Item, Result>(
  db: Kysely<Tables>,
  confirm: () => void,
  writeBatch: WriteBatch<Item, Result>,
) {
  let queue: Pending<Item, Result>[] = [];
  let running = false;

  async function commitAll(batch: Pending<Item, Result>[]): Promise<void> {
    try {
      const results = await db.transaction().execute((trx) =>
        writeBatch(
          trx,
          batch.map((pending) => pending.item),
        ),
      );
      confirm();
      batch.forEach((pending, i) => pending.resolve(results[i]!));
    } catch (error) {
      if (batch.length > 1 && !storageFault(error)) for (const pending of batch) await commitAll([pending]);
      else for (const pending of batch) pending.reject(error);
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

  /** Resolves with the item's result once it is committed; rejects when it, or its batch, could not be. */
  return function commit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // After the I/O already waiting is read: every request parsed meanwhile joins the first batch.
      if (!running) {
        running = true;
        setImmediate(() => void drain());
      }
    });
  };
}
