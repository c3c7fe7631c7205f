import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { crashCycles } from '../helpers/crash.ts';
import { UNLIMITED } from '../helpers/limits.ts';
import { spawnServer } from '../helpers/server.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'helploop-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a server killed mid-stream', () => {
  it('loses no acknowledged vote and keeps the database intact (3 kill -9 cycles; npm run bench:crash runs more)', async () => {
    const databaseFile = join(dataDir, 'helploop.db');
    const env = { HELPLOOP_SITE_DIR: inject('fixtureSiteDir'), HELPLOOP_DATABASE: databaseFile, ...UNLIMITED };
    const report = await crashCycles({
      start: () => spawnServer(resolve('server/main.ts'), env),
      databaseFile,
      articleId: 'en/billing/update-card',
      cycles: 3,
      clients: 16,
      runMs: 600,
    });
    expect(report.acknowledged).toBeGreaterThan(100);
    expect(report.lost).toBe(0);
    expect(report.stored).toBeGreaterThanOrEqual(report.acknowledged);
    expect(report.integrity).toBe('ok');
  }, 60_000);
});
