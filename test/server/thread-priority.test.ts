import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { expect, inject, it } from 'vitest';
import { sqliteReader } from '../../server/db/sqlite-reader.ts';
import { siteGrouper } from '../../server/themes/site-grouper.ts';
import { BACKGROUND_NICE } from '../../server/thread-priority.ts';
import { freshDatabase } from '../helpers/engines.ts';

/** The nice value of each thread of this process, by thread id (Linux keeps one per thread). */
function niceOfThreads(): Map<string, number> {
  return new Map(
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return [tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
    }),
  );
}
const background = () => [...niceOfThreads().values()].filter((nice) => nice === BACKGROUND_NICE).length;

it('runs staff reports and the themes clustering on threads that yield to the server thread', async () => {
  expect(BACKGROUND_NICE).toBe(10);
  const before = background();

  const database = await freshDatabase('sqlite');
  const file = database.env.HELPLOOP_DATABASE!;
  new Database(file).close();
  const reader = sqliteReader(file);
  const grouper = siteGrouper(inject('fixtureSiteDir'));
  try {
    // Two reads at once start both reader threads.
    const reads = [
      reader.read(CompiledQuery.raw('SELECT 1 AS one')),
      reader.read(CompiledQuery.raw('SELECT 2 AS two')),
    ];
    expect(await Promise.all(reads)).toEqual([[{ one: 1 }], [{ two: 2 }]]);
    await grouper.group([], []);
    expect(background()).toBe(before + 3);
    // The server's own thread, which answers every reader, keeps its priority.
    expect(niceOfThreads().get(String(process.pid))).toBe(0);
  } finally {
    await reader.close();
    grouper.close();
    database.remove();
  }
});
