import { sql, type Transaction } from 'kysely';
import type { Tables } from './tables.ts';

type Counted =
  'daily_articles' | 'daily_searches' | 'daily_contexts' | 'daily_reasons' | 'daily_queries' | 'daily_sessions';

interface Pending {
  table: Counted;
  key: Record<string, string>;
  counts: Record<string, number>;
}

const pendingOf = new WeakMap<Transaction<Tables>, Map<string, Pending>>();

/**
 * Adds `counts` to the daily row of `key` when the transaction's writes are done (writeCounts). A batch of votes on
 * one article then makes one upsert, not hundreds: PostgreSQL keeps each version of a row updated again in the same
 * transaction, and every further update walks them.
 */
export function addCounts(
  trx: Transaction<Tables>,
  table: Counted,
  key: Record<string, string>,
  counts: Record<string, number>,
): void {
  const pending = pendingOf.get(trx) ?? pendingOf.set(trx, new Map()).get(trx)!;
  const id = JSON.stringify([table, key]);
  const row = pending.get(id) ?? pending.set(id, { table, key, counts: {} }).get(id)!;
  for (const [name, value] of Object.entries(counts)) row.counts[name] = (row.counts[name] ?? 0) + value;
}

/** Rows per statement: under both engines' limits on parameters. */
const CHUNK = 200;

/**
 * Writes the counts the transaction's writes added, each row once, in key order: instances writing the same rows at
 * once then take their locks in one order and cannot deadlock. Rows of a table that change the same columns go in
 * one multi-row upsert: PostgreSQL is a round trip away. Counts that came to nothing are left out.
 */
export async function writeCounts(trx: Transaction<Tables>): Promise<void> {
  const pending = pendingOf.get(trx);
  pendingOf.delete(trx);
  const statements = new Map<string, { table: Counted; keys: string[]; columns: string[]; rows: Pending[] }>();
  for (const [, row] of [...(pending ?? [])].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const changed = Object.entries(row.counts).filter(([, value]) => value !== 0);
    if (!changed.length) continue;
    const keys = Object.keys(row.key);
    const columns = changed.map(([name]) => name);
    const id = JSON.stringify([row.table, keys, columns]);
    const statement = statements.get(id) ?? statements.set(id, { table: row.table, keys, columns, rows: [] }).get(id)!;
    statement.rows.push(row);
  }
  for (const { table, keys, columns, rows } of statements.values())
    for (let at = 0; at < rows.length; at += CHUNK) {
      const values = rows
        .slice(at, at + CHUNK)
        .map((row) => sql`(${sql.join([...keys.map((k) => row.key[k]), ...columns.map((c) => row.counts[c])])})`);
      await sql`INSERT INTO ${sql.table(table)} (${sql.join([...keys, ...columns].map((c) => sql.ref(c)))})
        VALUES ${sql.join(values)}
        ON CONFLICT (${sql.join(keys.map((c) => sql.ref(c)))}) DO UPDATE SET ${sql.join(
          columns.map(
            (name) => sql`${sql.ref(name)} = ${sql.ref(`${table}.${name}`)} + ${sql.ref(`excluded.${name}`)}`,
          ),
        )}`.execute(trx);
    }
}
