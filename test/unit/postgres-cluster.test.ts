import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startPostgresCluster } from '../../scripts/lib/postgres-cluster.ts';
import { freshPostgresDatabase } from '../helpers/postgres.ts';

async function query(url: string, sql: string) {
  const pool = new pg.Pool({ connectionString: url });
  try {
    return (await pool.query(sql)).rows;
  } finally {
    await pool.end();
  }
}

/** A process counts as gone once it exited: a zombie waiting for its parent to collect it runs nothing. */
function alive(pid: number) {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** The postmaster of the cluster served from `socketDir`, and its children (checkpointer, WAL writer, backends). */
const postmasterOf = (socketDir: string) =>
  Number(readFileSync(join(socketDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);

function serverProcesses(socketDir: string) {
  const postmaster = postmasterOf(socketDir);
  const children = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && existsSync(`/proc/${entry}/stat`))
    .filter((pid) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(postmaster))
    .map(Number);
  return [postmaster, ...children];
}

async function waitUntilGone(pids: number[]) {
  const deadline = Date.now() + 5_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
  return pids.filter(alive);
}

describe('the run’s PostgreSQL cluster', () => {
  it('gives each fresh database its own tables', async () => {
    const [first, second] = await Promise.all([freshPostgresDatabase(), freshPostgresDatabase()]);
    expect(first).not.toBe(second);
    await query(first, 'CREATE TABLE only_here (id integer)');
    expect(await query(first, "SELECT to_regclass('only_here') AS found")).toEqual([{ found: 'only_here' }]);
    expect(await query(second, "SELECT to_regclass('only_here') AS found")).toEqual([{ found: null }]);
  });

  it('answers a pg.Pool on the URL it gives, with PostgreSQL 15 or newer', async () => {
    const [{ version }] = await query(await freshPostgresDatabase(), 'SELECT version()');
    expect(Number(/^PostgreSQL (\d+)/.exec(version)?.[1])).toBeGreaterThanOrEqual(15);
  });
});

describe('a cluster of its own', () => {
  it('runs with fsync on, takes settings, and leaves no server process or folder once stopped', async () => {
    const cluster = await startPostgresCluster({ settings: { max_connections: 20 } });
    const pids = serverProcesses(cluster.socketDir);
    expect(pids.length).toBeGreaterThan(1);
    expect(await query(await cluster.createDatabase('named'), 'SHOW max_connections')).toEqual([
      { max_connections: '20' },
    ]);
    expect(await query(cluster.url(), 'SHOW fsync')).toEqual([{ fsync: 'on' }]);
    await cluster.stop();
    expect(await waitUntilGone(pids)).toEqual([]);
    expect(existsSync(cluster.socketDir)).toBe(false);
  });

  it('is shut down when the Node process that started it exits without stopping it', async () => {
    const [socketDir, postmaster] = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '--eval',
        `import { startPostgresCluster } from './scripts/lib/postgres-cluster.ts';
         import { readFileSync } from 'node:fs';
         const { socketDir } = await startPostgresCluster();
         console.log(socketDir);
         console.log(readFileSync(socketDir + '/data/postmaster.pid', 'utf8').split('\\n')[0]);
         process.exit(0);`,
      ],
      { encoding: 'utf8' },
    )
      .trim()
      .split('\n');
    expect(await waitUntilGone([Number(postmaster)])).toEqual([]);
    expect(existsSync(socketDir)).toBe(false);
  });
});
