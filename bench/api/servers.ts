/**
 * The servers bench:api measures: one or more bench/api/server.ts processes over one database, SQLite in a temporary
 * folder or a fresh database on a throwaway PostgreSQL cluster, stopped and removed after the measurement.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../../scripts/lib/postgres-cluster.ts';
import { spawnServer, type SpawnedServer } from '../../test/helpers/server.ts';

export interface ServerSetup {
  engine: 'sqlite' | 'postgres';
  /** Server processes over the one database; the load is spread across them. */
  instances: number;
  env: Record<string, string>;
}

/** The one cluster every PostgreSQL measurement of the run shares, started on first use. */
let cluster: Promise<PostgresCluster> | undefined;

/** Starts the setup's servers on a fresh database, runs `measure` against their URLs, then stops them. */
export async function withServers<T>(setup: ServerSetup, measure: (urls: string[]) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'helploop-bench-api-'));
  const database: Record<string, string> =
    setup.engine === 'postgres'
      ? { HELPLOOP_DATABASE_URL: await (await (cluster ??= startPostgresCluster())).createDatabase() }
      : { HELPLOOP_DATABASE: join(dataDir, 'helploop.db') };
  const servers: SpawnedServer[] = [];
  try {
    for (let i = 0; i < setup.instances; i++) {
      servers.push(await spawnServer(resolve('bench/api/server.ts'), { ...setup.env, ...database }));
    }
    return await measure(servers.map((server) => server.url));
  } finally {
    for (const server of servers) server.process.kill('SIGTERM');
    await Promise.all(servers.map((server) => server.exited));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The cluster's settings that make a commit durable, as the server reports them: what the numbers were made under. */
export async function postgresDurability(): Promise<string> {
  if (!cluster) return 'PostgreSQL was not started';
  const client = new pg.Client({ connectionString: (await cluster).url() });
  await client.connect();
  try {
    const settings: string[] = [];
    for (const name of ['fsync', 'synchronous_commit', 'wal_sync_method']) {
      settings.push(`${name}=${(await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0][name]}`);
    }
    return settings.join(', ');
  } finally {
    await client.end();
  }
}

export async function stopPostgres() {
  await (await cluster)?.stop();
}
