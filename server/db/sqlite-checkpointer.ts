import type Database from 'better-sqlite3';
import { sqliteThread } from './sqlite-thread.ts';

/** How often the write-ahead log is copied back into the database file. */
const EVERY_MS = 1000;
/** SQLite's own default: what the server's connection goes back to should the thread stop. */
const AUTO_CHECKPOINT_PAGES = 1000;

/**
 * The thread's code: its own connection, a PASSIVE checkpoint every EVERY_MS. PASSIVE copies what no reader still
 * needs and never waits for a reader or a writer, so it never holds up the server. Source text, not a file, for the
 * same reason as the reader's (sqlite-reader.ts). It keeps the usual priority: a log left to grow costs every read.
 */
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or gone: the next turn tries again.
  }
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});`;

/**
 * Checkpoints the WAL from a thread of its own. Otherwise SQLite does it inside the commit that takes the log past
 * 1,000 pages, on the thread that serves requests, with an fsync of the database file under synchronous=full:
 * every few seconds one batch of votes waited for it, the tail of the write latency. Committed transactions are
 * durable in the log already; the checkpoint only moves them. Should the thread stop, the server's own connection
 * checkpoints again, so the log never grows without end.
 */
export function checkpointInThread(database: Database.Database, file: string) {
  const { worker, stop } = sqliteThread(CHECKPOINTER, { file, everyMs: EVERY_MS });
  // The thread never keeps the process alive.
  worker.unref();
  database.pragma('wal_autocheckpoint = 0');
  let closing = false;
  // A thread that failed (its file could not be opened) just ends: the exit hands checkpoints back to the server.
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (!closing && database.open) database.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
  });
  return {
    close: async () => {
      closing = true;
      await stop();
    },
  };
}
