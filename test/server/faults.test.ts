import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import pg from 'pg';
import { openSqlite } from '../../server/db/engine.ts';
import { startApiServer } from '../helpers/api-server.ts';
import { freshPostgresDatabase } from '../helpers/postgres.ts';
import { spawnServer } from '../helpers/server.ts';

type Server = Awaited<ReturnType<typeof startApiServer>>;
let server: Server;
beforeEach(async () => {
  server = await startApiServer(inject('fixtureSiteDir'), { HELPLOOP_RATE_LIMIT: '1000' });
});
afterEach(() => server?.stop());

const article = 'en/billing/update-card';
const vote = (comment = '') =>
  fetch(`${server.url}/api/votes`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', 'user-agent': crypto.randomUUID() },
    body: JSON.stringify({ eventId: crypto.randomUUID(), articleId: article, helpful: false, comment }),
  });
const health = () => fetch(`${server.url}/api/health`);
/** The health probe runs at most every few seconds; the test clock moves past that. */
const later = () => {
  server.clock.now = new Date(server.clock.now.getTime() + 60_000);
};
const votes = async () => (await server.events.helpfulness([article])).get(article)?.total;
/** SQLite's settings, on the server's own connection: they inject the faults a disk or an operator would. */
const pragma = (text: string) => server.select(`PRAGMA ${text}`);

async function expectUnavailable(response: Response) {
  expect(response.status).toBe(503);
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  const body = await response.json();
  expect(body).toEqual({ error: { code: 'storage_unavailable', message: expect.any(String) } });
  return body.error.message as string;
}

describe('storage faults that will pass', () => {
  it('answer 503 with Retry-After while the disk is full, and store again once there is room', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await vote()).status).toBe(201);
    const pages = await server.count('PRAGMA page_count');
    // SQLite answers SQLITE_FULL past max_page_count exactly as it does on a full disk.
    await pragma(`max_page_count = ${pages}`);
    // The pages the database has fill first.
    let filling = 0;
    while ((await vote('x'.repeat(1000))).status === 201) expect(++filling).toBeLessThan(1000);
    const stored = await votes();
    for (let i = 0; i < 20; i++) expect(await expectUnavailable(await vote('x'.repeat(1000)))).toContain('SQLITE_FULL');
    expect(await votes()).toBe(stored);
    // One line for the kind, not a stack per request.
    expect(log.mock.calls.filter(([line]) => String(line).includes('SQLITE_FULL'))).toHaveLength(1);
    expect(log.mock.calls.flat().join('\n')).not.toMatch(/\n\s+at /);

    await pragma('max_page_count = 1000000000');
    expect((await vote()).status).toBe(201);
    log.mockRestore();
  });

  it('answer 503 while the database is read-only, and health says so from a real write', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await health()).status).toBe(200);
    await pragma('query_only = 1');
    expect(await expectUnavailable(await vote())).toContain('SQLITE_READONLY');
    later();
    expect(await expectUnavailable(await health())).toContain('SQLITE_READONLY');
    await pragma('query_only = 0');
    // Probed at most every few seconds: until then health repeats what it learned.
    expect((await health()).status).toBe(503);
    later();
    expect((await health()).status).toBe(200);
    expect((await vote()).status).toBe(201);
    log.mockRestore();
  });
});

describe('the database file deleted while the server runs', () => {
  it('stops acknowledging writes and says so in health and in the log', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect((await vote()).status).toBe(201);
    unlinkSync(server.config.databaseFile);
    await expectUnavailable(await vote());
    later();
    expect(await expectUnavailable(await health())).toContain('database_missing');
    expect(log.mock.calls.map(([line]) => String(line)).filter((line) => line.includes('deleted'))).toHaveLength(1);
    log.mockRestore();
  });
});

const dataDir = mkdtempSync(join(tmpdir(), 'helploop-faults-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a database that cannot be opened', () => {
  it('leaves the static help center up, answers the API with 503, and opens it once it can', async () => {
    const file = join(dataDir, 'not-a-database.db');
    writeFileSync(file, 'this is not an SQLite file, and long enough for SQLite to say so: '.repeat(20));
    const site = await spawnServer(resolve('server/main.ts'), {
      HELPLOOP_SITE_DIR: inject('fixtureSiteDir'),
      HELPLOOP_DATABASE: file,
    });
    try {
      expect((await fetch(`${site.url}/en/`)).status).toBe(200);
      for (const response of [
        await fetch(`${site.url}/api/health`),
        await fetch(`${site.url}/api/votes`, { method: 'POST', body: '{}' }),
      ]) {
        expect(response.status).toBe(503);
        expect(await response.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
      }
      // The operator moves the broken file away: the server opens a new one by itself, no restart needed.
      rmSync(file);
      await expect.poll(async () => (await fetch(`${site.url}/api/health`)).status, { timeout: 15_000 }).toBe(200);
      expect(site.output()).toContain('the API is back');
    } finally {
      site.process.kill();
      await site.exited;
    }
  });
});

describe('the hourly roll-up', () => {
  it('runs after the server listens, and a busy database makes it fail in one line, not take the server down', async () => {
    const file = join(dataDir, 'busy', 'helploop.db');
    mkdirSync(join(dataDir, 'busy'));
    await openSqlite(file).close();
    const holder = new Database(file);
    holder.prepare('BEGIN IMMEDIATE').run();
    const child = spawn(process.execPath, [resolve('server/main.ts')], {
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        HELPLOOP_SITE_DIR: inject('fixtureSiteDir'),
        HELPLOOP_DATABASE: file,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const waiting = new Set<() => void>();
    const append = (chunk: Buffer) => {
      output += chunk;
      for (const check of waiting) check();
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    const printed = (pattern: RegExp) =>
      new Promise<RegExpExecArray>((done, fail) => {
        const check = () => {
          const match = pattern.exec(output);
          if (!match) return;
          waiting.delete(check);
          done(match);
        };
        waiting.add(check);
        child.once('exit', (code) => fail(new Error(`exited with ${code}:\n${output}`)));
        check();
      });
    try {
      const [, url] = await printed(/running at (http:\/\/\S+?)\/?\s/);
      expect((await fetch(`${url}/en/`)).status).toBe(200);
      // SQLite gives up on the lock after busy_timeout (5 s).
      await printed(/roll-up.*failed.*database is locked/i);
      holder.prepare('ROLLBACK').run();
      expect((await fetch(`${url}/api/health`)).status).toBe(200);
      // Every periodic job that met the lock said so in one line each (the roll-up, and the notification jobs
      // that run every few seconds), and none printed a stack.
      const failures = output.split('\n').filter((line) => line.includes('failed'));
      expect(failures[0]).toMatch(
        /^The roll-up of expired events failed, will run again in 60 min: database is locked$/,
      );
      // (The triggers job names each trigger that failed, on the same line.)
      for (const line of failures)
        expect(line).toMatch(
          /^[A-Z][\w -]+ failed, will run again in \d+ (min|s): ([\w.]+: )?database is locked(; [\w.]+: database is locked)*$/,
        );
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
      child.kill();
    }
    // Each periodic job that meets the lock holds the server's thread for SQLite's busy_timeout (5 s): four of them
    // may, one after another, before the lock is let go.
  }, 60_000);
});

describe('PostgreSQL refusing connections', () => {
  it('answers 503 with Retry-After while it refuses, and stores again once it accepts', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    // The cluster's own database, as its administrator; the server connects as an ordinary role, as in production,
    // so that a connection limit applies to it.
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    const url = new URL(await freshPostgresDatabase());
    const name = url.pathname.slice(1);
    await admin.query(`DO $$ BEGIN CREATE ROLE helploop_app LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$`);
    await admin.query(`ALTER DATABASE "${name}" OWNER TO helploop_app`);
    url.searchParams.set('user', 'helploop_app');
    const server = await startApiServer(
      inject('fixtureSiteDir'),
      { HELPLOOP_RATE_LIMIT: '1000', HELPLOOP_DATABASE_URL: url.href },
      'postgres',
    );
    const send = () =>
      fetch(`${server.url}/api/votes`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'user-agent': crypto.randomUUID() },
        body: JSON.stringify({ eventId: crypto.randomUUID(), articleId: article, helpful: true }),
      });
    try {
      expect((await send()).status).toBe(201);
      // As a database at its connection limit, or one restarting: no connection of the server's survives.
      await admin.query(`ALTER DATABASE "${name}" CONNECTION LIMIT 0`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      await expectUnavailable(await send());
      await admin.query(`ALTER DATABASE "${name}" CONNECTION LIMIT -1`);
      expect((await send()).status).toBe(201);
    } finally {
      await server.stop();
      await admin.end();
      log.mockRestore();
    }
  });
});
