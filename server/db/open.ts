import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Synchronous } from '../config.ts';
import { migrate } from './migrations.ts';

/**
 * The one place a database is opened: WAL so reports read while beacons write, and the schema brought up to date.
 * Under `full` every commit reaches the disk before it is acknowledged; group commit keeps that cheap.
 */
export function openDatabase(file: string, synchronous: Synchronous = 'full'): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
