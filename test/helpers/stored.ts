import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createReportStorage, type Period, type ReportStorage } from '../../server/db/report-storage.ts';
import { createStorage, type Storage } from '../../server/db/storage.ts';

/** Every day a test's server can have stored events on, whatever the machine's clock says. */
export const allDays: Period = { from: '0000-01-01', to: '9999-12-31' };

export interface Stored {
  storage: Storage;
  reports: ReportStorage;
}

/**
 * What a server in another process stored, read as the app reads it: through the storage and report interfaces, on
 * a read-only connection of the test's own to the database in the server's data folder.
 */
export function readStored<T>(dataDir: string, read: (stored: Stored) => T): T {
  const db = new Database(join(dataDir, 'helploop.db'), { readonly: true });
  try {
    return read({ storage: createStorage(db), reports: createReportStorage(db) });
  } finally {
    db.close();
  }
}
