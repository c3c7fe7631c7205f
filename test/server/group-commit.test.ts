import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine.ts';
import { groupCommit } from '../../server/db/group-commit.ts';
import { createStorage } from '../../server/db/storage.ts';
import type { Tables } from '../../server/db/tables.ts';
import { ENGINES, openFreshEngine } from '../helpers/engines.ts';

/** Items that are code: each runs its own statements, one after another, in the batch's transaction. */
const eachWrite = async (trx: Transaction<Tables>, writes: ((trx: Transaction<Tables>) => Promise<unknown>)[]) => {
  const results: unknown[] = [];
  for (const write of writes) results.push(await write(trx));
  return results;
};

const count = async (engine: Engine, text: string) =>
  Number(Object.values((await sql.raw<Record<string, unknown>>(text).execute(engine.db)).rows[0]!)[0]);

describe.each(ENGINES)('on %s', (kind) => {
  let fresh: Awaited<ReturnType<typeof openFreshEngine>>;
  afterEach(() => fresh?.close());

  // Group commit lies beneath every storage interface and serves any write: these tests use a scratch table.
  describe('group commit', () => {
    it('commits the writes that arrive together in one transaction and answers each only once it is committed', async () => {
      fresh = await openFreshEngine(kind);
      const { db } = fresh.engine;
      await sql`CREATE TABLE t (n INTEGER)`.execute(db);
      // Another connection sees only committed rows.
      const observer = await fresh.observer();
      const committed = () => count(observer, 'SELECT count(*) FROM t');
      const seenWhileWriting: unknown[] = [];
      const seenAtAnswer: unknown[] = [];
      const commit = groupCommit(db, () => {}, eachWrite);
      const writes = Array.from({ length: 100 }, (_, n) =>
        commit(async (trx) => {
          seenWhileWriting.push(await committed());
          await sql`INSERT INTO t (n) VALUES (${n})`.execute(trx);
        }).then(async () => seenAtAnswer.push(await committed())),
      );
      await Promise.all(writes);
      // One transaction: no write saw another's commit; every answer came after all were committed.
      expect(seenWhileWriting).toEqual(Array(100).fill(0));
      expect(seenAtAnswer).toEqual(Array(100).fill(100));
    });

    it('fails only the write that failed, not the others of its batch', async () => {
      fresh = await openFreshEngine(kind);
      const { db } = fresh.engine;
      await sql`CREATE TABLE t (n INTEGER PRIMARY KEY)`.execute(db);
      const commit = groupCommit(db, () => {}, eachWrite);
      const results = await Promise.allSettled(
        [1, 2, 2, 3].map((n) => commit((trx) => sql`INSERT INTO t (n) VALUES (${n})`.execute(trx))),
      );
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      const rows = await sql<{ n: number }>`SELECT n FROM t ORDER BY n`.execute(db);
      expect(rows.rows.map((row) => row.n)).toEqual([1, 2, 3]);
    });

    it('acknowledges none of a batch when the check after the commit fails', async () => {
      fresh = await openFreshEngine(kind);
      const { db } = fresh.engine;
      await sql`CREATE TABLE t (n INTEGER)`.execute(db);
      const commit = groupCommit(
        db,
        () => {
          throw new Error('the file is gone');
        },
        eachWrite,
      );
      const results = await Promise.allSettled(
        [1, 2].map((n) => commit((trx) => sql`INSERT INTO t (n) VALUES (${n})`.execute(trx))),
      );
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    });
  });

  describe('the roll-up of expired events', () => {
    it('works in batches and lets other work run between them, and keeps every row counted once', async () => {
      fresh = await openFreshEngine(kind);
      const { engine } = fresh;
      const storage = createStorage(engine);
      const rows = 9_000;
      await Promise.all(
        Array.from({ length: rows }, (_, i) =>
          storage.events.recordView({
            eventId: randomUUID(),
            articleId: `en/billing/a${i % 7}`,
            visitor: `v${i}`,
            day: '2026-01-01',
            at: '2026-01-01T00:00:00Z',
          }),
        ),
      );
      // Raw rows left is the batching itself, which no report can see: they read the counts made at ingest.
      const observer = await fresh.observer();
      const left = () => count(observer, 'SELECT count(*) FROM views');
      const counted = async () =>
        (await storage.reports.articleDays({ from: '2026-01-01', to: '2026-01-01' })).reduce(
          (sum, day) => sum + day.views,
          0,
        );
      const seen: number[] = [];
      // A timer that fires while the roll-up runs: the event loop served it between batches.
      const timer = setInterval(() => void left().then((n) => seen.push(n)), 1);
      await storage.rollup('2026-02-01');
      clearInterval(timer);
      // Some folded already, some not yet, when the timer looked.
      expect(seen.some((n) => n > 0 && n < rows)).toBe(true);
      expect(await left()).toBe(0);
      expect(await counted()).toBe(rows);
      // Run again: nothing left to delete, nothing counted twice.
      await storage.rollup('2026-02-01');
      expect(await counted()).toBe(rows);
    });
  });
});
