import { sql, type Transaction } from 'kysely';
import type { Engine } from '../../server/db/engine.ts';
import { TABLE_ROLES, type Tables } from '../../server/db/tables.ts';

type Table = keyof Tables;

/** The help center's own tables, referenced ones first; bookkeeping tables belong to each database (tables.ts). */
export const DATA_TABLES = (Object.keys(TABLE_ROLES) as Table[]).filter((table) => TABLE_ROLES[table] === 'data');

/** Rows per INSERT: with at most 14 columns, far under PostgreSQL's 65,535 parameters per statement. */
const BATCH = 1_000;

export interface TableCount {
  table: Table;
  source: number;
  target: number;
}

/** The target already holds the help center's data: copying would mix two databases. */
export class TargetNotEmptyError extends Error {}

/** A table's row count differs between the two sides after copying: the copy was rolled back. */
export class CountsDifferError extends Error {
  readonly counts: TableCount[];
  constructor(counts: TableCount[]) {
    super('row counts differ after copying');
    this.counts = counts;
  }
}

/**
 * Copies every data table of `source` (SQLite) into `target` (PostgreSQL, migrated) in one transaction on each side:
 * the source is read as one snapshot, and the target gets all of it or, on any failure, none. With `replace` the
 * target's data is deleted first, inside the same transaction. Returns each table's count on both sides, checked
 * equal before committing.
 */
export async function copyDatabase(
  source: Engine,
  target: Engine,
  { replace, onTable }: { replace: boolean; onTable: (table: Table, rows: number) => void },
): Promise<TableCount[]> {
  return target.db.transaction().execute(async (to) => {
    if (replace) {
      await sql`TRUNCATE ${sql.join(DATA_TABLES.map((table) => sql.table(table)))} RESTART IDENTITY`.execute(to);
    } else {
      const held = (await countAll(to)).filter(([, rows]) => rows > 0);
      if (held.length > 0) {
        const list = held.map(([table, rows]) => `${table}: ${rows}`).join(', ');
        throw new TargetNotEmptyError(`the target already holds data (${list}); add --replace to delete it first.`);
      }
    }
    return source.db.transaction().execute(async (from) => {
      for (const table of DATA_TABLES) {
        const rows = await copyTable(table, from, to).catch((error: Error) => {
          throw new Error(`${table}: ${error.message}`, { cause: error });
        });
        onTable(table, rows);
      }
      await resetIdentities(to);
      const sourceCounts = new Map(await countAll(from));
      const counts = (await countAll(to)).map(([table, rows]) => ({
        table,
        source: sourceCounts.get(table)!,
        target: rows,
      }));
      if (counts.some((count) => count.source !== count.target)) throw new CountsDifferError(counts);
      return counts;
    });
  });
}

/** Streams the table's rows from one side to the other in batches; rows pass through as the drivers read them. */
async function copyTable(table: Table, from: Transaction<Tables>, to: Transaction<Tables>): Promise<number> {
  let batch: Record<string, unknown>[] = [];
  let copied = 0;
  const flush = async () => {
    if (batch.length > 0) await to.insertInto(table).values(batch).execute();
    copied += batch.length;
    batch = [];
  };
  for await (const row of from.selectFrom(table).selectAll().stream()) {
    batch.push(row);
    if (batch.length === BATCH) await flush();
  }
  await flush();
  return copied;
}

/**
 * Copied rows keep their ids, which PostgreSQL's identity sequences did not hand out: without moving each sequence
 * past the largest id, the next event stored would collide with a copied one.
 */
async function resetIdentities(to: Transaction<Tables>) {
  const { rows } = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(to);
  for (const { table_name: table, column_name: column } of rows) {
    await sql`SELECT setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
      FROM ${sql.table(table)}`.execute(to);
  }
}

async function countAll(db: Transaction<Tables>): Promise<[Table, number][]> {
  const counts: [Table, number][] = [];
  for (const table of DATA_TABLES) {
    // PostgreSQL's count is a bigint, which pg hands over as a string.
    const { rows } = await sql<{ count: number | string }>`SELECT count(*) AS count FROM ${sql.table(table)}`.execute(
      db,
    );
    counts.push([table, Number(rows[0].count)]);
  }
  return counts;
}
