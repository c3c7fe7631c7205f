/**
 * The control for bench:crash, never used by the product: the same storage, but it answers 201 at once and writes
 * what it buffered every 200 ms — the shortcut that makes ingest fast and loses acknowledged votes in a crash.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { openSqlite } from '../../server/db/engine.ts';
import { createEventStorage, type VoteEvent } from '../../server/db/event-storage.ts';

const storage = createEventStorage(openSqlite(process.env.HELPLOOP_DATABASE!));
let buffer: VoteEvent[] = [];
setInterval(() => {
  const batch = buffer;
  buffer = [];
  for (const vote of batch) void storage.recordVote(vote);
}, 200);

const app = new Hono().post('/api/votes', async (c) => {
  const body = JSON.parse(await c.req.text());
  const at = new Date().toISOString();
  buffer.push({ ...body, visitor: c.req.header('user-agent') ?? '', day: at.slice(0, 10), at });
  return c.json({ status: 'stored' }, 201);
});
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
  console.log(`running at http://127.0.0.1:${info.port}/`),
);
