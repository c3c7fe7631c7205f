import { inject } from 'vitest';
import { createPostgresDatabase } from '../../scripts/lib/postgres-cluster.ts';

/**
 * A new, empty database on the run's PostgreSQL cluster (test/postgres-setup.ts), for one test or describe block: its
 * URL. It is not dropped: the whole cluster is removed when the run ends.
 */
export function freshPostgresDatabase(): Promise<string> {
  return createPostgresDatabase(inject('postgresUrl'));
}
