import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase } from '../helpers/engines.ts';

const migrate = (env: Record<string, string>) =>
  spawnSync(process.execPath, [resolve('scripts/db-migrate.ts')], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe.each(ENGINES)('npm run db:migrate on %s', (kind) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  afterAll(() => database.remove());

  it('applies every migration to an empty database, then says it is up to date', async () => {
    database = await freshDatabase(kind);
    const first = migrate(database.env);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Applied to the (SQLite|PostgreSQL) database .+:\n {2}001-reader-events\n/);
    expect(first.stdout).toContain('  007-vote-sources\n');

    const second = migrate(database.env);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Nothing to apply: the (SQLite|PostgreSQL) database .+ is up to date\.\n$/);
  });
});

it('says in one line that it cannot reach a PostgreSQL server, and exits 1', () => {
  const run = migrate({ HELPLOOP_DATABASE_URL: 'postgres:///helploop?host=/nonexistent-socket-dir' });
  expect(run.status).toBe(1);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^Cannot migrate the PostgreSQL database helploop on \/nonexistent-socket-dir: .+\n$/);
});
