import type { Database, Statement } from 'better-sqlite3';

/** Prepares a table of SQL once, keeping its names: the SQL reads as data, apart from the code that runs it. */
export function prepareStatements<Name extends string>(
  db: Database,
  sql: Record<Name, string>,
): Record<Name, Statement> {
  return Object.fromEntries(Object.entries<string>(sql).map(([name, text]) => [name, db.prepare(text)])) as Record<
    Name,
    Statement
  >;
}
