import type { Database } from 'better-sqlite3';
import { storageFault } from './storage-faults.ts';

interface Pending {
  write: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

/** Writes per transaction at most; a flood is committed in several. */
const MAX_BATCH = 512;

/**
 * Group commit: writes that arrive while the event loop is busy are committed together in one transaction, and
 * each caller is answered only once that transaction is committed (and `confirm` has passed). One commit, and one
 * fsync under synchronous=FULL, then serves a whole batch instead of one request: see README "Durability".
 * A write that fails (a bug) does not take the others down: that batch is committed again one write at a time. A
 * storage fault (full disk, I/O error) fails the whole batch.
 */
export function groupCommit(db: Database, confirm: () => void) {
  let queue: Pending[] = [];
  let scheduled = false;

  /** Commits `batch` in one transaction; a write that throws sends its batch back to be committed one by one. */
  function commitAll(batch: Pending[]) {
    try {
      const values = db.transaction(() => batch.map((item) => item.write())).immediate();
      confirm();
      batch.forEach((item, i) => item.resolve(values[i] as never));
    } catch (error) {
      if (batch.length > 1 && !storageFault(error)) for (const item of batch) commitAll([item]);
      else for (const item of batch) item.reject(error);
    }
  }

  function flush() {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length > 0) commitAll(batch);
  }

  /** Resolves with what `write` returned once it is committed; rejects when it, or its batch, could not be. */
  return function commit<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      queue.push({ write, resolve, reject });
      if (queue.length >= MAX_BATCH) flush();
      else if (!scheduled) {
        scheduled = true;
        // After the I/O already waiting is read: every request parsed meanwhile joins this batch.
        setImmediate(flush);
      }
    });
  };
}
