import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { openEngine, type DatabaseTarget } from '../../server/db/engine.ts';
import type { SpawnedServer } from './server.ts';

export interface CrashOptions {
  /** Starts the server on the database: the instance killed each cycle. */
  start: () => Promise<SpawnedServer>;
  /** Another instance on the same database that stays up throughout, streamed to as well: it must answer all. */
  survivor?: SpawnedServer;
  database: DatabaseTarget;
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
  /** SQLite's integrity check of the file; PostgreSQL's own crash recovery has nothing comparable to ask. */
  integrity: string;
  /** Votes the surviving instance did not acknowledge while the other was killed. */
  survivorFailures: number;
}

/** Streams votes from many clients, kills the server with SIGKILL mid-stream, restarts it, and repeats. */
export async function crashCycles(options: CrashOptions): Promise<CrashReport> {
  const acknowledged = new Set<string>();
  let sent = 0;
  let survivorFailures = 0;
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    const server = await options.start();
    let running = true;
    const client = async (url: string, n: number, onFailure: () => void) => {
      for (let i = 0; running; i++) {
        const eventId = crypto.randomUUID();
        sent++;
        try {
          const response = await fetch(`${url}/api/votes`, {
            method: 'POST',
            // A reader of its own per vote, so no vote replaces another.
            headers: { 'content-type': 'text/plain', 'user-agent': `crash-${cycle}-${n}-${i}-${url}` },
            body: JSON.stringify({ eventId, articleId: options.articleId, helpful: i % 2 === 0 }),
          });
          if (response.ok) acknowledged.add(eventId);
          else onFailure();
        } catch {
          // The server died under this request: not acknowledged, so not owed.
          onFailure();
        }
      }
    };
    const clients = Array.from({ length: options.clients }, (_, n) => client(server.url, n, () => {}));
    const survivor = options.survivor;
    if (survivor)
      clients.push(
        ...Array.from({ length: Math.ceil(options.clients / 4) }, (_, n) =>
          client(survivor.url, n, () => survivorFailures++),
        ),
      );
    await sleep(options.runMs * (0.5 + Math.random()));
    server.process.kill('SIGKILL');
    await server.exited;
    // The survivor goes on alone for a moment: it must not notice.
    if (survivor) await sleep(options.runMs / 4);
    running = false;
    await Promise.all(clients);
  }
  // After kill -9 the database itself is on trial: each acknowledged event id, beneath any report.
  const engine = await openEngine(options.database);
  try {
    const rows = await engine.db.selectFrom('received_events').select('event_id').execute();
    const stored = new Set(rows.map((row) => row.event_id));
    const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
    const votes = await sql<{ n: unknown }>`SELECT count(*) AS n FROM votes`.execute(engine.db);
    const integrity =
      engine.kind === 'sqlite'
        ? String(Object.values((await sql`PRAGMA integrity_check`.execute(engine.db)).rows[0] ?? {})[0])
        : 'ok';
    return {
      cycles: options.cycles,
      sent,
      acknowledged: acknowledged.size,
      lost,
      stored: Number(votes.rows[0]!.n),
      integrity,
      survivorFailures,
    };
  } finally {
    await engine.close();
  }
}
