/**
 * The databases bench:reports measures. Each fills a fresh database of its kind with the same events and tells the
 * server how to reach it; a second engine is one more entry here.
 */
import { join } from 'node:path';
import type { Manifest } from '../../src/shared/content/manifest.ts';
import type { Volume } from './events.ts';
import { openSqlite } from '../../server/db/engine.ts';
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
        return { env: { HELPLOOP_DATABASE: file }, rows: await fillDatabase(engine, plan) };
      } finally {
        await engine.close();
      }
    },
  },
};
