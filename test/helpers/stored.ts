import { join } from 'node:path';
import { openSqlite } from '../../server/db/engine.ts';
import type { Period } from '../../server/db/report-storage.ts';
import { createStorage, type Storage } from '../../server/db/storage.ts';

/** Every day a test's server can have stored events on, whatever the machine's clock says. */
export const allDays: Period = { from: '0000-01-01', to: '9999-12-31' };

export type Stored = Pick<Storage, 'events' | 'reports'>;

/**
 * What a server in another process stored, read as the app reads it: through the storage and report interfaces, on
 * a connection of the test's own to the database in the server's data folder.
 */
export async function readStored<T>(dataDir: string, read: (stored: Stored) => T | Promise<T>): Promise<T> {
  const engine = openSqlite(join(dataDir, 'helploop.db'));
  try {
    return await read(createStorage(engine));
  } finally {
    await engine.close();
  }
}
