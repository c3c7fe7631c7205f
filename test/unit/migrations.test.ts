import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../server/db/migrations.ts';

const list: Migration[] = [
  { id: '001-notes', up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)') },
  { id: '002-notes-author', up: (db) => db.exec('ALTER TABLE notes ADD COLUMN author TEXT') },
];

describe('migrations', () => {
  it('brings an empty database to the latest schema, then does nothing when run again', () => {
    const db = new Database(':memory:');
    expect(migrate(db, list)).toEqual(['001-notes', '002-notes-author']);
    expect(migrate(db, list)).toEqual([]);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('notes');
    expect(columns).toEqual(['id', 'body', 'author']);
  });

  it('applies only what is new when a migration is appended', () => {
    const db = new Database(':memory:');
    migrate(db, list.slice(0, 1));
    expect(migrate(db, list)).toEqual(['002-notes-author']);
  });

  it('rolls back a failing migration and leaves it unrecorded', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      id: '003-broken',
      up: (conn) => {
        conn.exec('CREATE TABLE half (id INTEGER)');
        conn.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [...list, broken])).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(['001-notes', '002-notes-author']);
  });
});
