/**
 * npm run db:copy [-- --from data/helploop.db] [--to postgres://…] [--replace]
 * Moves a SQLite database (HELPLOOP_DATABASE, or --from) into PostgreSQL (HELPLOOP_DATABASE_URL, or --to): migrates
 * both, copies every data table in one transaction, and prints each table's row count on both sides. Refuses a target
 * that already holds data unless --replace. Stop the servers writing to the SQLite file first: events stored after
 * the copy began are not in it.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config.ts';
import { openPostgres, openSqlite } from '../server/db/engine.ts';
import { copyDatabase, CountsDifferError, type TableCount } from './lib/copy-database.ts';
import { databaseName } from './lib/database-name.ts';
import { fail, failWith } from './lib/fail.ts';

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, replace: { type: 'boolean', default: false } },
});
const config = failWith('Cannot copy', () =>
  loadConfig({
    ...process.env,
    ...(values.from && { HELPLOOP_DATABASE: values.from }),
    ...(values.to && { HELPLOOP_DATABASE_URL: values.to }),
  }),
);
const { databaseFile, databaseUrl } = config;
const sourceName = databaseName({ databaseFile });
const targetName = databaseName(config);
if (!databaseUrl) fail('Cannot copy: name the PostgreSQL database with --to postgres://… or HELPLOOP_DATABASE_URL');
if (!existsSync(databaseFile)) fail(`Cannot copy: there is no SQLite database at ${databaseFile}`);

const source = failWith(`Cannot open ${sourceName}`, () => openSqlite(databaseFile));
const target = await failWith(`Cannot open ${targetName}`, () => openPostgres(databaseUrl));
console.log(`Copying ${sourceName} into ${targetName}${values.replace ? ', replacing its data' : ''}`);
const width = 18;
const countTable = (counts: TableCount[]) =>
  [
    `${'table'.padEnd(width)} ${'SQLite'.padStart(10)} ${'PostgreSQL'.padStart(10)}`,
    ...counts.map(
      ({ table, source, target }) =>
        `${table.padEnd(width)} ${String(source).padStart(10)} ${String(target).padStart(10)}${source === target ? '' : '  differs'}`,
    ),
  ].join('\n');
let since = performance.now();
try {
  const counts = await copyDatabase(source, target, {
    replace: values.replace,
    onTable: (table, rows) => {
      console.log(`  ${table}: ${rows} rows in ${((performance.now() - since) / 1000).toFixed(1)} s`);
      since = performance.now();
    },
  });
  console.log(`\n${countTable(counts)}\n\nEvery table has the same number of rows on both sides.`);
} catch (error) {
  if (error instanceof CountsDifferError) console.error(countTable(error.counts));
  console.error(`Copy failed, nothing was written to ${targetName}: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await source.close();
  await target.close();
}
