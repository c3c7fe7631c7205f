import type { DatabaseTarget } from '../../server/db/engine.ts';

/** How the command-line tools name a database to an operator: which engine and where, never the URL's password. */
export function databaseName(target: DatabaseTarget): string {
  if (!target.databaseUrl) return `the SQLite database ${target.databaseFile}`;
  const url = new URL(target.databaseUrl);
  const host = url.host || url.searchParams.get('host') || 'localhost';
  return `the PostgreSQL database ${decodeURIComponent(url.pathname.slice(1)) || url.username || 'postgres'} on ${host}`;
}
