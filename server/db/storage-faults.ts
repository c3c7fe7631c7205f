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

/**
 * PostgreSQL's SQLSTATE classes and codes of the same kind: the server unreachable or restarting, out of space,
 * memory or connections, a lock or statement timeout, a conflict worth retrying.
 */
const PASSING_POSTGRES_CLASSES = new Set(['08', '53', '57', '58', '40']);
/** Node's socket errors when PostgreSQL cannot be reached at all. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'ENOENT']);

/** The database cannot store anything now, for a reason that is not the request's: answered 503 with Retry-After. */
export class StorageUnavailableError extends Error {
  /** A SQLite result code (`SQLITE_FULL`, `SQLITE_IOERR_WRITE`…), a PostgreSQL SQLSTATE, or `database_missing`. */
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
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (
    code &&
    (UNREACHABLE.has(code) || (/^[0-9A-Z]{5}$/.test(code) && PASSING_POSTGRES_CLASSES.has(code.slice(0, 2))))
  ) {
    return new StorageUnavailableError(code, error instanceof Error ? error.message : code, { cause: error });
  }
  // pg's own words when its connection ends or the pool cannot give one in time.
  if (error instanceof Error && /Connection terminated|timeout exceeded when trying to connect/.test(error.message)) {
    return new StorageUnavailableError('connection_lost', error.message, { cause: error });
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
