import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type RawBuilder } from 'kysely';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Synchronous } from '../config.ts';
import { databaseFileGuard } from './database-file.ts';
import { dialects, type Dialect, type EngineKind } from './dialects.ts';
import { migratePostgres } from './migrations/postgres.ts';
import { migrateSqlite } from './migrations/sqlite.ts';
import { checkpointInThread } from './sqlite-checkpointer.ts';
import { sqliteReader } from './sqlite-reader.ts';
import type { Tables } from './tables.ts';

export type { EngineKind };

/**
 * One open database, whichever engine: the Kysely instance every storage module queries, and the few SQL
 * fragments the two engines spell differently (dialects.ts). Everything else is one query set.
 */
export interface Engine extends Dialect {
  kind: EngineKind;
  db: Kysely<Tables>;
  /** The migrations this open applied, in order; empty when the schema was already up to date (`npm run db:migrate`). */
  migrated: string[];
  /** A read for the staff reports, answered off the thread that serves readers (a worker thread on SQLite). */
  read(query: RawBuilder<unknown>): Promise<unknown[]>;
  /** Throws when writes must be refused now (the SQLite file was deleted under the server). */
  checkWritable(): void;
  close(): Promise<void>;
}

/** Where the data lives: a PostgreSQL URL, or the SQLite file (the embedded default). */
export interface DatabaseTarget {
  databaseUrl?: string;
  databaseFile: string;
  synchronous?: Synchronous;
}

/** Opens the database the configuration names and brings its schema up to date. */
export async function openEngine(target: DatabaseTarget): Promise<Engine> {
  return target.databaseUrl ? openPostgres(target.databaseUrl) : openSqlite(target.databaseFile, target.synchronous);
}

/** Statements kept prepared: the same few SQL texts run for every event, and better-sqlite3 prepares per call. */
const PREPARED = 500;

/**
 * WAL so reports read while beacons write. Under `full` every commit reaches the disk before it is
 * acknowledged; group commit keeps that cheap.
 */
export function openSqlite(file: string, synchronous: Synchronous = 'full'): Engine {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  database.pragma(`synchronous = ${synchronous}`);
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const migrated = migrateSqlite(database);
  const statements = new LRUCache<string, Database.Statement>({ max: PREPARED });
  const prepared = (text: string) => statements.get(text) ?? statements.set(text, database.prepare(text)).get(text)!;
  // SQLite ends a transaction itself on some faults (a full disk): Kysely's ROLLBACK would then fail and hide the
  // fault that a reader's browser must hear as 503, so it rolls back only what is still open.
  const rollback = {
    reader: false,
    all: () => [],
    iterate: () => [][Symbol.iterator](),
    run: () => (database.inTransaction ? prepared('rollback').run() : { changes: 0, lastInsertRowid: 0 }),
  };
  const prepare = (text: string) => (text === 'rollback' ? rollback : prepared(text));
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: { prepare, close: () => database.close() } }),
  });
  // An in-memory database has no file another connection could open: its reports read, and its log is
  // checkpointed, on this thread.
  const onFile = file !== ':memory:';
  const reader = onFile ? sqliteReader(file) : undefined;
  const checkpointer = onFile ? checkpointInThread(database, file) : undefined;
  return {
    kind: 'sqlite',
    db,
    migrated,
    read: async (query) => (reader ? reader.read(query.compile(db)) : (await query.execute(db)).rows),
    ...dialects.sqlite,
    checkWritable: databaseFileGuard(file),
    close: async () => {
      await reader?.close();
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

/** Connections per instance: group commit needs one, reports and staff a few more. */
const POOL_SIZE = 10;

export async function openPostgres(url: string): Promise<Engine> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  // A dropped connection of an idle client must not crash the process; the next query gets a new one.
  pool.on('error', () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  let migrated: string[];
  try {
    migrated = await migratePostgres(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    kind: 'postgres',
    db,
    migrated,
    read: async (query) => (await query.execute(db)).rows,
    ...dialects.postgres,
    checkWritable: () => {},
    close: () => db.destroy(),
  };
}
