import { mkdtempSync, rmSync } from 'node:fs';
import { describe } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openEngine, type Engine, type EngineKind } from '../../server/db/engine.ts';
import { freshPostgresDatabase } from './postgres.ts';

/** Every engine the server runs on: integration tests run once per engine with `describe.each(ENGINES)`. */
export const ENGINES: EngineKind[] = ['sqlite', 'postgres'];

let blockEngine: EngineKind = 'sqlite';
/** The engine of the `onEachEngine` block being collected: servers made in it (useApiServer) use that engine. */
export const currentEngine = () => blockEngine;

/** Collects the describes of `body` once per engine, each in a block named after it. */
export function onEachEngine(body: (kind: EngineKind) => void) {
  describe.each(ENGINES)('on %s', (kind) => {
    const outer = blockEngine;
    blockEngine = kind;
    try {
      body(kind);
    } finally {
      blockEngine = outer;
    }
  });
}

/**
 * A new, empty database of the engine, as the server's environment names it, and how to remove it. SQLite gets a
 * file in a new folder (its `dataDir`); PostgreSQL a new database on the run's cluster.
 */
export async function freshDatabase(kind: EngineKind) {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-data-'));
  const env: Record<string, string> = { HELPLOOP_DATABASE: join(dataDir, 'helploop.db') };
  if (kind === 'postgres') env.HELPLOOP_DATABASE_URL = await freshPostgresDatabase();
  return { dataDir, env, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/** A fresh database of the engine, opened and migrated, with a second connection of its own for `observer()`. */
export async function openFreshEngine(kind: EngineKind) {
  const database = await freshDatabase(kind);
  const target = { databaseFile: database.env.HELPLOOP_DATABASE!, databaseUrl: database.env.HELPLOOP_DATABASE_URL };
  const engine = await openEngine(target);
  const others: Engine[] = [];
  return {
    engine,
    /** Another connection to the same database: it sees only what is committed. */
    observer: async () => {
      const other = await openEngine(target);
      others.push(other);
      return other;
    },
    close: async () => {
      for (const other of others) await other.close();
      await engine.close();
      database.remove();
    },
  };
}
