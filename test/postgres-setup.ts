import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from '../scripts/lib/postgres-cluster.ts';

declare module 'vitest' {
  interface ProvidedContext {
    /** The `postgres` database of the run's throwaway cluster; freshPostgresDatabase() makes databases beside it. */
    postgresUrl: string;
  }
}

/**
 * One PostgreSQL cluster for the whole run, started from the root config so every project shares it. Without
 * PostgreSQL installed the run fails here, loudly: tests of the PostgreSQL engine are never skipped.
 */
export async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  project.provide('postgresUrl', cluster.url());
  return () => cluster.stop();
}
