import { statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../server/db/engine.ts';
import { freshDatabase } from '../helpers/engines.ts';

const opened: { engine: Engine; remove: () => void }[] = [];
afterEach(async () => {
  for (const { engine, remove } of opened.splice(0)) {
    await engine.close();
    remove();
  }
});

it('checkpoints the SQLite log from a thread of its own, never inside a commit the server waits for', async () => {
  const database = await freshDatabase('sqlite');
  const file = database.env.HELPLOOP_DATABASE!;
  const engine = await openEngine({ databaseFile: file });
  opened.push({ engine, remove: database.remove });
  const setting = await sql<{ wal_autocheckpoint: number }>`PRAGMA wal_autocheckpoint`.execute(engine.db);
  expect(setting.rows).toEqual([{ wal_autocheckpoint: 0 }]);

  // Far fewer pages than SQLite's own 1,000-page checkpoint: only the thread copies them into the file.
  const before = statSync(file).size;
  const day = '2026-03-01';
  await Promise.all(
    Array.from({ length: 300 }, (_, i) =>
      engine.db
        .insertInto('views')
        .values({ visitor: `v${i}`, day, created_at: `${day}T10:00:00Z`, article_id: `ko/a${i % 30}` })
        .execute(),
    ),
  );
  const deadline = Date.now() + 10_000;
  while (statSync(file).size === before && Date.now() < deadline) await sleep(100);
  expect(statSync(file).size).toBeGreaterThan(before);
});
