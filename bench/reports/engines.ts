/**
 * The databases bench:reports measures. Each fills a fresh database of its kind with the same events and tells the
 * server how to reach it; a second engine is one more entry here.
 */
import { join } from 'node:path';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { Volume } from './events.ts';
import { openPostgres, openSqlite } from '../../server/db/engine.ts';
import { startPostgresCluster } from '../../scripts/lib/postgres-cluster.ts';
import { fillDatabase } from './fill.ts';

export interface FillPlan {
  manifest: Manifest;
  /** Events per table over the retained days. */
  volume: Volume;
  retentionDays: number;
  /** Days before the retained ones, at the same daily rate, folded into the daily tables by the roll-up. */
  rolledUpDays: number;
  staff: { email: string; passwordHash: string };
  now: Date;
}

export interface Filled {
  /** The server's environment that points it at this database. */
  env: Record<string, string>;
  /** Rows per table once filled and rolled up. */
  rows: Record<string, number>;
  /** Removes what the fill started (a PostgreSQL cluster); the data folder is the caller's. */
  stop(): Promise<void>;
}

export interface Engine {
  fill(dir: string, plan: FillPlan): Promise<Filled>;
}

export const engines: Record<string, Engine> = {
  sqlite: {
    fill: async (dir, plan) => {
      const file = join(dir, 'helploop.db');
      // Durability is not what is measured here; the server opens the file with its own setting.
      const engine = openSqlite(file, 'normal');
      try {
        return { env: { HELPLOOP_DATABASE: file }, rows: await fillDatabase(engine, plan), stop: async () => {} };
      } finally {
        await engine.close();
      }
    },
  },
  postgres: {
    fill: async (_dir, plan) => {
      // Memory for a few million rows' indexes, as an operator would give a database of this size.
      const cluster = await startPostgresCluster({ settings: { shared_buffers: '512MB', work_mem: '32MB' } });
      try {
        const url = await cluster.createDatabase('helploop');
        // Only the fill's own connection skips waiting for the disk at commit: it is setup, not what is measured.
        const fillUrl = new URL(url);
        fillUrl.searchParams.set('options', '-c synchronous_commit=off');
        const engine = await openPostgres(fillUrl.href);
        try {
          return { env: { HELPLOOP_DATABASE_URL: url }, rows: await fillDatabase(engine, plan), stop: cluster.stop };
        } finally {
          await engine.close();
        }
      } catch (error) {
        await cluster.stop();
        throw error;
      }
    },
  },
};
