import type { Database } from 'better-sqlite3';

export interface Migration {
  id: string;
  up(db: Database): void;
}

/** Applied in order, each once, each in its own transaction. Append; never edit one that has shipped. */
export const migrations: Migration[] = [];

export function migrate(db: Database, list: Migration[] = migrations): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set(db.prepare('SELECT id FROM schema_migrations').pluck().all() as string[]);
  const record = db.prepare('INSERT INTO schema_migrations (id, applied_at) VALUES (?, ?)');
  const pending = list.filter((migration) => !applied.has(migration.id));
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      record.run(migration.id, new Date().toISOString());
    }).immediate();
  }
  return pending.map((migration) => migration.id);
}
