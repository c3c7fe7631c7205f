import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { faultLog, storageFault, StorageUnavailableError } from '../../server/db/storage-faults.ts';
import { everyInterval } from '../../server/periodic-task.ts';

const sqlite = (code: string) => new Database.SqliteError('failed', code);

describe('storage faults', () => {
  it('counts full, busy, read-only and I/O errors, extended codes included, as faults that pass', () => {
    for (const code of [
      'SQLITE_FULL',
      'SQLITE_BUSY',
      'SQLITE_BUSY_SNAPSHOT',
      'SQLITE_READONLY',
      'SQLITE_IOERR_WRITE',
      'SQLITE_LOCKED',
    ]) {
      expect(storageFault(sqlite(code))?.kind).toBe(code);
    }
  });

  it('does not count a bug or a bad row as one', () => {
    for (const error of [
      sqlite('SQLITE_CONSTRAINT_PRIMARYKEY'),
      sqlite('SQLITE_ERROR'),
      new TypeError('x is undefined'),
    ])
      expect(storageFault(error)).toBeUndefined();
  });

  it('logs one line per kind per minute, then how many it held back', () => {
    const lines: string[] = [];
    let now = 0;
    const log = faultLog(
      (line) => lines.push(line),
      () => now,
    );
    for (let i = 0; i < 500; i++) log(new StorageUnavailableError('SQLITE_FULL', 'database or disk is full'));
    log(new StorageUnavailableError('SQLITE_BUSY', 'database is locked'));
    expect(lines).toHaveLength(2);
    now = 61_000;
    log(new StorageUnavailableError('SQLITE_FULL', 'database or disk is full'));
    expect(lines[2]).toMatch(/SQLITE_FULL.*499 more/);
  });
});

describe('periodic work', () => {
  it('logs a failure in one line and runs again next time instead of throwing', async () => {
    const lines: string[] = [];
    let runs = 0;
    const task = everyInterval(
      'The roll-up',
      3_600_000,
      async () => {
        if (++runs === 1) throw sqlite('SQLITE_BUSY');
      },
      (line) => lines.push(line),
    );
    await task.run();
    await task.run();
    task.stop();
    expect(runs).toBe(2);
    expect(lines).toEqual(['The roll-up failed, will run again in 60 min: failed']);
  });
});
