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

/**
 * Starts the setup's servers on a fresh database, runs `measure` against their URLs, then stops them. `measure` may
 * call `analyze` once its warm-up has filled the tables: a database in service has statistics (the server's hourly
 * roll-up renews them, db/rollup.ts), a fresh one has none, and without them PostgreSQL reads a hot article's whole
 * day through the wrong index to find one vote.
 */
export async function withServers<T>(
  setup: ServerSetup,
  measure: (urls: string[], analyze: () => Promise<void>) => Promise<T>,
): Promise<T> {
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
    const analyze = async () => {
      if (!database.HELPLOOP_DATABASE_URL) return;
      const client = new pg.Client({ connectionString: database.HELPLOOP_DATABASE_URL });
      await client.connect();
      await client.query('ANALYZE').finally(() => client.end());
    };
    return await measure(
      servers.map((server) => server.url),
      analyze,
    );
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
