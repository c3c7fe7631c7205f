import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { groupCommit } from '../../server/db/group-commit.ts';
import { openDatabase } from '../../server/db/open.ts';
import { createReportStorage } from '../../server/db/report-storage.ts';
import { createStorage } from '../../server/db/storage.ts';
import { rollup } from '../../server/db/rollup.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'helploop-commit-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
let files = 0;
const fresh = () => openDatabase(join(dataDir, `${++files}.db`));

// Group commit lies beneath every storage interface and serves any write: these tests use a scratch table.
describe('group commit', () => {
  it('commits the writes that arrive together in one transaction and answers each only once it is committed', async () => {
    const db = fresh();
    db.exec('CREATE TABLE t (n INTEGER)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    // Another connection sees only committed rows.
    const observer = new Database(db.name, { readonly: true });
    const committed = observer.prepare('SELECT count(*) FROM t').pluck();
    const seenWhileWriting: unknown[] = [];
    const seenAtAnswer: unknown[] = [];
    const commit = groupCommit(db, () => {});
    const writes = Array.from({ length: 100 }, (_, n) =>
      commit(() => {
        seenWhileWriting.push(committed.get());
        insert.run(n);
      }).then(() => seenAtAnswer.push(committed.get())),
    );
    await Promise.all(writes);
    // One transaction: no write saw another's commit; every answer came after all were committed.
    expect(seenWhileWriting).toEqual(Array(100).fill(0));
    expect(seenAtAnswer).toEqual(Array(100).fill(100));
    observer.close();
    db.close();
  });

  it('fails only the write that failed, not the others of its batch', async () => {
    const db = fresh();
    db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const commit = groupCommit(db, () => {});
    const results = await Promise.allSettled([1, 2, 2, 3].map((n) => commit(() => insert.run(n))));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(db.prepare('SELECT n FROM t ORDER BY n').pluck().all()).toEqual([1, 2, 3]);
    db.close();
  });

  it('acknowledges none of a batch when the check after the commit fails', async () => {
    const db = fresh();
    db.exec('CREATE TABLE t (n INTEGER)');
    const commit = groupCommit(db, () => {
      throw new Error('the file is gone');
    });
    const results = await Promise.allSettled(
      [1, 2].map((n) => commit(() => db.prepare('INSERT INTO t (n) VALUES (?)').run(n))),
    );
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    db.close();
  });
});

describe('the roll-up of expired events', () => {
  it('works in batches and lets other work run between them, and counts every row once', async () => {
    const db = fresh();
    const storage = createStorage(db);
    const rows = 9_000;
    const insert = db.prepare(
      "INSERT INTO views (article_id, visitor, day, created_at) VALUES (?, ?, '2026-01-01', '2026-01-01T00:00:00Z')",
    );
    db.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(`en/billing/a${i % 7}`, `v${i}`);
    })();
    // Raw rows left is the batching itself, which no report can see: they read raw and folded counts alike.
    const left = () => db.prepare('SELECT count(*) FROM views').pluck().get() as number;
    const reports = createReportStorage(db);
    const counted = () =>
      reports.articleDays({ from: '2026-01-01', to: '2026-01-01' }).reduce((sum, day) => sum + day.views, 0);
    const done = storage.rollup('2026-02-01');
    await new Promise((next) => setImmediate(next));
    // Some folded already, some not yet: the event loop ran in between.
    expect(left()).toBeGreaterThan(0);
    expect(left()).toBeLessThan(rows);
    await done;
    expect(left()).toBe(0);
    expect(counted()).toBe(rows);
    // Run again: nothing left to fold, nothing counted twice.
    await rollup(db)('2026-02-01');
    expect(counted()).toBe(rows);
    db.close();
  });
});
