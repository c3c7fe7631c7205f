import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openEngine, type Engine } from '../../server/db/engine.ts';
import { createStorage } from '../../server/db/storage.ts';
import { hashPassword } from '../../server/staff/passwords.ts';
import { freshDatabase } from '../helpers/engines.ts';
import { spawnServer, type SpawnedServer } from '../helpers/server.ts';

const PASSWORD = 'correct horse battery';
const LIMIT = 20;

// Two API instances on one PostgreSQL database, as behind a load balancer with no sticky sessions.
describe('two instances on one PostgreSQL database', () => {
  let engine: Engine;
  let instances: SpawnedServer[] = [];
  let remove = () => {};

  beforeAll(async () => {
    const database = await freshDatabase('postgres');
    remove = database.remove;
    engine = await openEngine({ databaseFile: '', databaseUrl: database.env.HELPLOOP_DATABASE_URL });
    const storage = createStorage(engine);
    await storage.staff.add('kim@acme.example', 'support', await hashPassword(PASSWORD), '2026-01-01T00:00:00Z');
    // Raw events long past retention, waiting for the roll-up that each instance starts once it listens.
    for (let i = 0; i < 5; i++)
      await storage.events.recordView({
        eventId: crypto.randomUUID(),
        articleId: 'en/billing/update-card',
        visitor: `old-${i}`,
        day: '2020-01-01',
        at: '2020-01-01T10:00:00Z',
      });
    const env = {
      HELPLOOP_SITE_DIR: inject('fixtureSiteDir'),
      ...database.env,
      HELPLOOP_RATE_LIMIT: String(LIMIT),
    };
    instances = await Promise.all([
      spawnServer(resolve('server/main.ts'), env),
      spawnServer(resolve('server/main.ts'), env),
    ]);
  });
  afterAll(async () => {
    for (const instance of instances) {
      instance.process.kill();
      await instance.exited;
    }
    await engine?.close();
    remove();
  });

  it('meet a flood from one visitor, spread across both, with one shared limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4 * LIMIT; i++) {
      const response = await fetch(`${instances[i % 2]!.url}/api/views`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'flooder' },
        body: JSON.stringify({ eventId: crypto.randomUUID(), articleId: 'en/billing/update-card' }),
      });
      statuses.push(response.status);
    }
    // Each instance alone would have let LIMIT through.
    expect(statuses.filter((status) => status === 201)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3 * LIMIT);
  });

  it('accept on one a staff session made on the other', async () => {
    const [a, b] = instances;
    const login = await fetch(`${a!.url}/api/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'kim@acme.example', password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const me = await fetch(`${b!.url}/api/staff/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'kim@acme.example', role: 'support' });
  });

  it('roll up expired events on one of them only', async () => {
    const rolledUp = () => instances.filter((instance) => /Rolled up \d+ expired raw rows/.test(instance.output()));
    await expect.poll(() => rolledUp().length, { timeout: 10_000 }).toBe(1);
    const days = await createStorage(engine).reports.articleDays({ from: '2020-01-01', to: '2020-01-01' });
    expect(days).toEqual([
      { articleId: 'en/billing/update-card', day: '2020-01-01', views: 5, helpful: 0, unhelpful: 0 },
    ]);
    // The other instance's turn came and went without a second run.
    expect(instances.map((instance) => /Rolled up/.test(instance.output())).filter(Boolean)).toHaveLength(1);
  });
});
