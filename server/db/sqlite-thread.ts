import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { BACKGROUND_NICE } from '../thread-priority.ts';

/** How long a thread asked to stop may finish what it is doing before it is stopped anyway. */
const STOP_GRACE_MS = 5_000;

/** Run first in a background thread: it lowers its own priority (thread-priority.ts), where the system lets it. */
const IN_BACKGROUND = `{
  const { nice } = require('node:worker_threads').workerData;
  try {
    require('node:os').setPriority(nice);
  } catch {}
}
`;

/**
 * A worker thread running `source` (CommonJS text) with its own connection to the SQLite file: `workerData` gets
 * `driver`, the path of better-sqlite3 as this process resolved it. A `background` thread's work waits for the
 * server's thread on a busy machine. `stop` asks it to close its connection and end (the message `null`): a thread
 * terminated in the middle of a call into better-sqlite3 can abort the whole process.
 */
export function sqliteThread(source: string, workerData: Record<string, unknown>, background = false) {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const lowered = background && BACKGROUND_NICE !== undefined;
  const worker = new Worker(lowered ? IN_BACKGROUND + source : source, {
    eval: true,
    workerData: { ...workerData, driver, nice: BACKGROUND_NICE },
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    worker,
    stop: async () => {
      worker.postMessage(null);
      const grace = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
      await exited;
      clearTimeout(grace);
    },
  };
}
