import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migratePostgres, postgresMigrations } from '../../server/db/migrations/postgres.ts';
import { migrateSqlite as migrate, migrations, type Migration } from '../../server/db/migrations/sqlite.ts';
import type { Tables } from '../../server/db/tables.ts';
import { freshPostgresDatabase } from '../helpers/postgres.ts';

/**
 * SHA-256 of the SQL each migration ran when it shipped. Some build their CHECKs from the constants the code uses
 * (statuses, roles): a database migrated then must match one migrated now, so that SQL may never change. A
 * migration adds its line here when it ships.
 */
const SHIPPED: Record<string, string> = {
  '001-reader-events': '65be9c98b5b4ff96b16247a7a927699f70fc32a9fdc3498bb401114946d364a8',
  '002-staff': 'ffbce4fdaaaf123bcfd89d4db4894e7a593126663e6c6fb1206913e577c9f829',
  '003-contact-clicks': '9a5be39dfe34b116371813fc21ac6a002c252def4f425c942738ef982bc2e0dc',
  '004-widget-events': '9247a87178f982def97e48fe6061d09507eb3e2526cd87b34daa7b1871329aa0',
  '005-synonym-reviews': '526c23073843cece00986f295533dd05e9bd942c2ab55f78d87364386f173d85',
  '006-faults': '25309e0eaa435941a7ca54c5e96a28a20e4aee41395c7fef1f806fb6d75f2dbd',
  '007-vote-sources': 'e895be41cc25c83182b9c1ac053a5a24c4c6937e60c4bfccfdc925490ba8b0fc',
  '008-shared-state': 'fdea9a4fbe52dce4ff148415baa23da76e89758795e62f22f9d4bcbfba41dcb7',
  '009-report-aggregates': '9fa142d5f1c0d19990f911bef519463b4e9e475fc959073951d0d6f17e2a969b',
  '010-honest-funnel-and-synonyms': 'fe312b67127bc52dceab919e5f58dcda595459a4c8a09c1611c6b5da74eead2a',
  '011-staff-inbox': '8985c8574389c1c2f4faa7698e71849712e1aa7eee47ea711fe26ac7c0b50141',
  '012-notifications': '6f19e856fb0f86abbcd938452da7d10c115827ecff94da981b272c1151694b24',
  '013-notify-triggers': '53048c5411b53cf95c55da302779d5489f1f941686e3fe58f019061180d7e4fa',
  '014-survey-responses': '336050a82c05e5ae5ab44dcf0a6b08b2e203036ce1147604fb5dd1c5484edbbf',
  '015-themes': '86f0424074fb39702d1df08afff1c6118f52087fbad6056ddf994eac59120a7a',
  '016-survey-indexes': 'f047e6034a6211a487dafcbd3b4304b432e98fbe6ed1916bb2f7c0ba53f4aab3',
};

const list: Migration[] = [
  { id: '001-notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)') },
  { id: '002-notes-author', up: (db) => db.exec('ALTER TABLE notes ADD COLUMN author TEXT') },
];

// Migrations build the schema beneath the storage interfaces, so these tests read each engine's own catalogue.
describe('migrations', () => {
  it('brings an empty database to the latest schema, then does nothing when run again', () => {
    const db = new Database(':memory:');
    expect(migrate(db, list)).toEqual(['001-notes', '002-notes-author']);
    expect(migrate(db, list)).toEqual([]);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('notes');
    expect(columns).toEqual(['id', 'body', 'author']);
  });

  it('applies only what is new when a migration is appended', () => {
    const db = new Database(':memory:');
    migrate(db, list.slice(0, 1));
    expect(migrate(db, list)).toEqual(['002-notes-author']);
  });

  it('runs every shipped migration with the SQL it shipped with, byte for byte', () => {
    const db = new Database(':memory:');
    const run = db.exec.bind(db);
    const ran = new Map<string, string>();
    for (const migration of migrations) {
      const statements: string[] = [];
      db.exec = (sql: string) => {
        statements.push(sql);
        return run(sql);
      };
      migration.up(db);
      ran.set(migration.id, createHash('sha256').update(statements.join('\n')).digest('hex'));
    }
    expect(Object.fromEntries(Object.keys(SHIPPED).map((id) => [id, ran.get(id)]))).toEqual(SHIPPED);
  });

  it('reads one survey’s answers through an index on the survey, not by scanning every answer kept', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (query: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as { detail: string }[]).map((row) => row.detail).join(' ');
    // The survey report's period and the low-score trigger's window (server/db/survey-storage.ts).
    expect(
      plan(
        "SELECT score FROM survey_responses WHERE survey_id = 'ces' AND day >= '2026-01-01' AND day <= '2026-01-31'",
      ),
    ).toContain('survey_responses_survey_day');
    expect(
      plan(
        "SELECT score FROM survey_responses WHERE survey_id = 'nps' AND band = 'low' AND comment IS NOT NULL AND created_at > '2026-01-01' AND created_at <= '2026-01-02'",
      ),
    ).toContain('survey_responses_survey_at');
    db.close();
  });

  it('rolls back a failing migration and leaves it unrecorded', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      id: '003-broken',
      up: (conn) => {
        conn.exec('CREATE TABLE half (id INTEGER)');
        conn.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [...list, broken])).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual([
      '001-notes',
      '002-notes-author',
    ]);
  });
});

describe('PostgreSQL migrations', () => {
  const open = async () =>
    new Kysely<Tables>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: await freshPostgresDatabase() }) }),
    });

  it('are the twins of SQLite’s: the same ids in the same order', () => {
    expect(postgresMigrations.map((migration) => migration.id)).toEqual(migrations.map((migration) => migration.id));
  });

  it('bring an empty database to the latest schema, then do nothing when run again', async () => {
    const db = await open();
    try {
      expect(await migratePostgres(db)).toEqual(migrations.map((migration) => migration.id));
      expect(await migratePostgres(db)).toEqual([]);
    } finally {
      await db.destroy();
    }
  });

  it('make the same tables with the same columns as SQLite’s', async () => {
    const db = await open();
    const sqlite = new Database(':memory:');
    try {
      await migratePostgres(db);
      migrate(sqlite);
      const postgresColumns = await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'`.execute(db);
      const inPostgres = postgresColumns.rows.map((row) => `${row.table_name}.${row.column_name}`).sort();
      const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      const inSqlite = tables
        .flatMap((table) =>
          (sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).map(
            (column) => `${table}.${column}`,
          ),
        )
        .sort();
      expect(inPostgres).toEqual(inSqlite);
    } finally {
      sqlite.close();
      await db.destroy();
    }
  });

  it('make every index SQLite’s make', async () => {
    const db = await open();
    const sqlite = new Database(':memory:');
    try {
      await migratePostgres(db);
      migrate(sqlite);
      const postgresIndexes = await sql<{ indexname: string }>`
        SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`.execute(db);
      const sqliteIndexes = sqlite
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%'")
        .pluck()
        .all() as string[];
      const inPostgres = new Set(postgresIndexes.rows.map((row) => row.indexname));
      // PostgreSQL has one more, staff_email: lower(email), which SQLite's COLLATE NOCASE does in the column.
      expect(sqliteIndexes.filter((name) => !inPostgres.has(name))).toEqual([]);
    } finally {
      sqlite.close();
      await db.destroy();
    }
  });

  it('apply each migration once when several instances start at once', async () => {
    const url = await freshPostgresDatabase();
    const instances = Array.from(
      { length: 3 },
      () => new Kysely<Tables>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }) }),
    );
    try {
      const applied = await Promise.all(instances.map((db) => migratePostgres(db)));
      expect(applied.flat().sort()).toEqual(migrations.map((migration) => migration.id).sort());
      const recorded = await instances[0]!.selectFrom('schema_migrations').select('id').execute();
      expect(recorded).toHaveLength(migrations.length);
    } finally {
      for (const db of instances) await db.destroy();
    }
  });
});
