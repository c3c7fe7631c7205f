import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { SpawnedServer } from './server.ts';

export interface CrashOptions {
  /** Starts the server on the database. */
  start: () => Promise<SpawnedServer>;
  databaseFile: string;
  articleId: string;
  cycles: number;
  clients: number;
  /** How long votes stream before the kill, in ms (randomized ±50%). */
  runMs: number;
}

export interface CrashReport {
  cycles: number;
  sent: number;
  acknowledged: number;
  /** Acknowledged votes missing from the database afterwards. */
  lost: number;
  stored: number;
  integrity: string;
}

/** Streams votes from many clients, kills the server with SIGKILL mid-stream, restarts it, and repeats. */
export async function crashCycles(options: CrashOptions): Promise<CrashReport> {
  const acknowledged = new Set<string>();
  let sent = 0;
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    const server = await options.start();
    let running = true;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const eventId = crypto.randomUUID();
        sent++;
        try {
          const response = await fetch(`${server.url}/api/votes`, {
            method: 'POST',
            // A reader of its own per vote, so no vote replaces another.
            headers: { 'content-type': 'text/plain', 'user-agent': `crash-${cycle}-${n}-${i}` },
            body: JSON.stringify({ eventId, articleId: options.articleId, helpful: i % 2 === 0 }),
          });
          if (response.ok) acknowledged.add(eventId);
        } catch {
          // The server died under this request: not acknowledged, so not owed.
        }
      }
    };
    const clients = Array.from({ length: options.clients }, (_, n) => client(n));
    await sleep(options.runMs * (0.5 + Math.random()));
    server.process.kill('SIGKILL');
    await server.exited;
    running = false;
    await Promise.all(clients);
  }
  // After kill -9 the file itself is on trial: each acknowledged event id, and SQLite's integrity check, beneath any interface.
  const db = new Database(options.databaseFile);
  try {
    const stored = new Set(db.prepare('SELECT event_id FROM received_events').pluck().all() as string[]);
    const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
    const votes = db.prepare('SELECT count(*) FROM votes').pluck().get() as number;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    return { cycles: options.cycles, sent, acknowledged: acknowledged.size, lost, stored: votes, integrity };
  } finally {
    db.close();
  }
}
