import { statSync } from 'node:fs';
import { StorageUnavailableError } from './storage-faults.ts';

/**
 * Notices the database file deleted or replaced under the running server. SQLite keeps writing into the unlinked
 * file without complaint, and a restart would come up empty, staff accounts included; so from then on writes are
 * refused (never acknowledged) until an operator restores the file and restarts.
 */
export function databaseFileGuard(file: string) {
  // In-memory and temporary databases have no file to lose.
  if (file === '' || file === ':memory:') return () => {};
  const opened = statSync(file);
  let missing: StorageUnavailableError | undefined;
  /** Throws while the file the server opened is no longer at its path. */
  return function checkDatabaseFile(): void {
    if (!missing) {
      const now = statSync(file, { throwIfNoEntry: false });
      if (now && now.ino === opened.ino && now.dev === opened.dev) return;
      missing = new StorageUnavailableError(
        'database_missing',
        `The database file ${file} was ${now ? 'replaced' : 'deleted'} while the server ran; writes are refused until it is restored and the server restarted`,
      );
    }
    throw missing;
  };
}
