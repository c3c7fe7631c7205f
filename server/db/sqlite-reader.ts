import type { CompiledQuery } from 'kysely';
import { sqliteThread } from './sqlite-thread.ts';

type ReadAnswer = { id: number; rows: unknown[] } | { id: number; error: string };

/**
 * The reader thread's code. better-sqlite3 answers synchronously, so a report read on the server's thread would hold
 * every request meanwhile; this thread reads on its own read-only connection (WAL lets it read while the server
 * writes). It is source text, not a file, because the site build bundles this module (reader-synonyms.ts) where no
 * worker file would follow it.
 */
const READER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.file, { readonly: true, fileMustExist: true });
database.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', (message) => {
  if (message === null) {
    database.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters } = message;
  try {
    if (!statements.has(sql)) statements.set(sql, database.prepare(sql));
    parentPort.postMessage({ id, rows: statements.get(sql).all(...parameters) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error?.message ?? error) });
  }
});`;

/**
 * Threads that read at once. A page of the staff workspace asks for several reports together (the inbox reads every
 * one); two threads let them run on both cores of a small machine instead of queueing behind one another.
 */
const THREADS = 2;

/** One reader thread, started on its first read; `pending` counts the reads it has not answered yet. */
function readerThread(file: string) {
  let thread: ReturnType<typeof sqliteThread> | undefined;
  let next = 0;
  const waiting = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  const failAll = (error: Error) => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
    thread = undefined;
  };
  const start = () => {
    // Staff reports can wait for readers' requests on a busy machine.
    const started = sqliteThread(READER, { file }, true);
    const { worker } = started;
    worker.on('message', (answer: ReadAnswer) => {
      const pending = waiting.get(answer.id);
      waiting.delete(answer.id);
      if (!waiting.size) worker.unref();
      if ('error' in answer) pending?.reject(new Error(answer.error));
      else pending?.resolve(answer.rows);
    });
    // A thread that could not open the file (deleted, damaged) fails the reads waiting; the next read starts anew.
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('The SQLite reader thread stopped')));
    // Only while reads wait does the thread keep the process alive.
    worker.unref();
    return started;
  };
  return {
    pending: () => waiting.size,
    read: (query: CompiledQuery) =>
      new Promise<unknown[]>((resolve, reject) => {
        thread ??= start();
        const id = next++;
        waiting.set(id, { resolve, reject });
        thread.worker.ref();
        thread.worker.postMessage({ id, sql: query.sql, parameters: query.parameters });
      }),
    close: async () => {
      await thread?.stop();
    },
  };
}

/** Runs read-only queries on the SQLite file in worker threads, each read on the thread with the fewest waiting. */
export function sqliteReader(file: string) {
  const threads = Array.from({ length: THREADS }, () => readerThread(file));
  return {
    read: (query: CompiledQuery) =>
      threads.reduce((least, thread) => (thread.pending() < least.pending() ? thread : least)).read(query),
    close: async () => {
      await Promise.all(threads.map((thread) => thread.close()));
    },
  };
}
