import Database from 'better-sqlite3';

/**
 * SQLite result codes of faults that pass, by themselves or by an operator's hand: a busy or locked database, a
 * full disk, a read-only or failing file system. A write refused for one of them is worth retrying later.
 */
const PASSING = new Set([
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_FULL',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
]);

/** The database cannot store anything now, for a reason that is not the request's: answered 503 with Retry-After. */
export class StorageUnavailableError extends Error {
  /** A SQLite result code (`SQLITE_FULL`, `SQLITE_IOERR_WRITE`…) or `database_missing`. */
  readonly kind: string;

  constructor(kind: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.kind = kind;
  }
}

/** The storage fault behind an error, or undefined when it is something else (a bug is not worth retrying). */
export function storageFault(error: unknown): StorageUnavailableError | undefined {
  if (error instanceof StorageUnavailableError) return error;
  // Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT) carry their primary code as the first two words.
  if (error instanceof Database.SqliteError && PASSING.has(error.code.split('_').slice(0, 2).join('_'))) {
    return new StorageUnavailableError(error.code, error.message, { cause: error });
  }
  return undefined;
}

const MINUTE = 60_000;

/**
 * Logs a storage fault as one line per kind per minute, counting the repeats in between: a full disk under
 * load must not become a stack trace per request.
 */
export function faultLog(write = (line: string) => console.error(line), now = () => Date.now()) {
  const kinds = new Map<string, { loggedAt: number; repeats: number }>();
  return function logFault(fault: StorageUnavailableError): void {
    const seen = kinds.get(fault.kind);
    if (seen && now() - seen.loggedAt < MINUTE) {
      seen.repeats++;
      return;
    }
    const repeats = seen?.repeats ? ` (${seen.repeats} more since the last line)` : '';
    write(`Storage unavailable, answering 503: ${fault.kind}: ${fault.message}${repeats}`);
    kinds.set(fault.kind, { loggedAt: now(), repeats: 0 });
  };
}

/** The server's one fault log. */
export const logStorageFault = faultLog();
