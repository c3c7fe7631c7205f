import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  sql,
  type CompiledQuery,
  type RawBuilder,
} from 'kysely';

export type EngineKind = 'sqlite' | 'postgres';

/** The few SQL fragments the two engines spell differently; everything else is one query set. */
export interface Dialect {
  /** Minutes from one ISO time column to another (negative when `to` is earlier). */
  minutesBetween(from: string, to: string): RawBuilder<number>;
  /** The text of a column before its first `/`: an article id's locale. */
  beforeSlash(column: string): RawBuilder<string>;
  /**
   * After a table's name: read it through this index. SQLite keeps no statistics, so it cannot tell when a partial
   * index is the cheaper way; PostgreSQL's statistics can, and it gets nothing.
   */
  indexedBy(index: string): RawBuilder<unknown>;
}

export const dialects: Record<EngineKind, Dialect> = {
  sqlite: {
    minutesBetween: (from, to) => sql<number>`(julianday(${sql.ref(to)}) - julianday(${sql.ref(from)})) * 1440`,
    beforeSlash: (column) => sql<string>`substr(${sql.ref(column)}, 1, instr(${sql.ref(column)}, '/') - 1)`,
    indexedBy: (index) => sql`INDEXED BY ${sql.id(index)}`,
  },
  postgres: {
    minutesBetween: (from, to) =>
      sql<number>`extract(epoch from (${sql.ref(to)}::timestamptz - ${sql.ref(from)}::timestamptz)) / 60`,
    beforeSlash: (column) => sql<string>`split_part(${sql.ref(column)}, '/', 1)`,
    indexedBy: () => sql``,
  },
};

const compilers = {
  sqlite: { adapter: SqliteAdapter, introspector: SqliteIntrospector, compiler: SqliteQueryCompiler },
  postgres: { adapter: PostgresAdapter, introspector: PostgresIntrospector, compiler: PostgresQueryCompiler },
};

/** A statement compiled in the engine's words with no database at hand, to run on a connection that is not Kysely's. */
export function compileFor(kind: EngineKind, statement: RawBuilder<unknown>): CompiledQuery {
  const { adapter, introspector, compiler } = compilers[kind];
  const compileOnly = new Kysely<unknown>({
    dialect: {
      createAdapter: () => new adapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new introspector(db),
      createQueryCompiler: () => new compiler(),
    },
  });
  return statement.compile(compileOnly);
}

/**
 * The SQL text of a statement without parameters, in the engine's words: migrations are SQL text, and some of
 * their statements share their query with the code that runs at ingest.
 */
export function sqlText(kind: EngineKind, statement: RawBuilder<unknown>): string {
  const compiled = compileFor(kind, statement);
  if (compiled.parameters.length) throw new Error(`A migration's statement takes no parameters: ${compiled.sql}`);
  return compiled.sql;
}
